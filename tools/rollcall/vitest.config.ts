import { defineProject } from "vitest/config";

// Tests start real simulators on loopback, and test/bin.test.ts spawns the real CLI (tsx start-up
// included), so allow more than the default 5 s.
export default defineProject({
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 },
});
