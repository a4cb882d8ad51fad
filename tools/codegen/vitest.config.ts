import { defineProject } from "vitest/config";

// Each codegen test runs the real lint + generate + format pipeline (seconds of CPU); on a loaded
// 2-core CI machine that can pass vitest's 5 s default without anything being wrong.
export default defineProject({ test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 } });
