import { defineProject } from "vitest/config";

// The first classifier test in a file pays for loading and dereferencing a spec (seconds of CPU);
// on a loaded 2-core machine that can pass vitest's 5 s default without anything being wrong.
export default defineProject({
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 },
});
