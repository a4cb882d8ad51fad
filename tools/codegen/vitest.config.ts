import { defineProject } from "vitest/config";

// Each codegen test runs the real lint + generate + format pipeline (seconds of CPU); on a loaded
// 2-core CI machine that can pass vitest's defaults (5 s a test, 10 s a hook) without anything being wrong;
// one test runs it twice, which took over 60 s with two CI runs sharing the machine.
export default defineProject({
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
