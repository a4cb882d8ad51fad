// The Stryker settings every package's `stryker.config.mjs` shares (`pnpm mutation`, docs/mutation).
//
// - inPlace: a sandbox copy of one package cannot reach the root `vitest.shared.ts` its vitest
//   config imports, so mutants are switched in the package's own files and restored afterwards.
// - incremental: results for unchanged code and tests are reused from the committed
//   `stryker-incremental.json`, so a rerun before a release only tests what changed.
// - concurrency 2: the project's machines have 2 cores.
// - ROLLCALL_TEST_FROM_SOURCE: the test workers (which inherit this process's environment) load
//   the workspace packages from `src/`, where the mutants are, and also run the cross-vendor
//   conformance suite where a package's vitest config names it (see `vitest.shared.ts`).

import { fileURLToPath } from "node:url";
import { registerEquivalentMutants } from "./stryker.equivalent-mutants.mjs";

/**
 * @param {object} options
 * @param {string[]} options.mutate globs of the code that keeps a README's promise
 * @param {Record<string, string>} [options.equivalent] `src/file.ts:line:column` (a mutant's start
 *   in Stryker's report) → why no test can tell that mutant from the original, one line each;
 *   reported as Ignored with that reason instead of surviving
 * @param {string[]} [options.testFiles] the test files that hold these promises, when the rest of
 *   the package's suite is slow and covers none of the mutated code
 * @returns {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export function strykerConfig({ mutate, equivalent = {}, testFiles = [] }) {
  registerEquivalentMutants(equivalent);
  process.env.ROLLCALL_TEST_FROM_SOURCE = "1";
  return {
    testRunner: "vitest",
    plugins: [
      "@stryker-mutator/vitest-runner",
      fileURLToPath(new URL("./stryker.equivalent-mutants.mjs", import.meta.url)),
    ],
    ignorers: ["equivalent-mutants"],
    // perTest coverage already picks the tests to run; vitest's own related-file search would
    // walk the import graph again for every mutant
    vitest: { configFile: "vitest.config.ts", related: false },
    mutate,
    testFiles,
    inPlace: true,
    incremental: true,
    incrementalFile: "stryker-incremental.json",
    concurrency: 2,
    coverageAnalysis: "perTest",
    ignoreStatic: true,
    // vitest strips types without checking them: no need to add @ts-nocheck to every file
    disableTypeChecks: false,
    timeoutMS: 10_000,
    timeoutFactor: 2,
    reporters: ["clear-text", "progress", "json"],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    tempDirName: ".stryker-tmp",
    cleanTempDir: "always",
    thresholds: { high: 90, low: 80, break: null },
  };
}
