import { defineProject } from "vitest/config";

// Bundling with esbuild takes a few seconds on a loaded 2-core machine.
export default defineProject({
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
