import { packageTestConfig } from "../../vitest.shared.ts";

// What `stryker.runtime.config.mjs` runs against each runtime mutant: the runtime's and the
// operations' own tests plus the cross-vendor conformance suite. The identity tests also make
// calls, but only through the code these tests already drive, and would multiply each mutant's
// run time. `cjs-build.test.ts` loads the built `dist/`, where no mutant is switched on.
export default packageTestConfig({
  withConformance: true,
  tests: [
    "test/runtime/**/*.test.ts",
    "!test/runtime/cjs-build.test.ts",
    "test/operations/**/*.test.ts",
  ],
});
