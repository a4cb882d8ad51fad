import { defineProject } from "vitest/config";
import { FROM_SOURCE } from "../../vitest.shared.ts";

// Tests start real simulators on loopback, and test/bin.test.ts spawns the real CLI (tsx start-up
// included), so allow more than the default 5 s. A mutation run reruns the test files for every
// mutant: sharing one module graph between them compiles the simulators' spec validators once,
// not once per file per mutant (the CLI keeps no state between `main()` calls).
export default defineProject({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    isolate: !FROM_SOURCE,
  },
});
