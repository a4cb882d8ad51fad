// @ts-nocheck
// Core's runtime, operations and rate limiter with the tests written for them
// (vitest.runtime.config.ts): `npx stryker run stryker.runtime.config.mjs`. Every call goes
// through this code, so with the whole suite each mutant would rerun nearly all of core's tests;
// docs/mutation/README.md reports these rows as "own tests". Results go to the same incremental
// file as the whole-package run.
import packageConfig from "./stryker.config.mjs";

export default {
  ...packageConfig,
  mutate: [
    "src/runtime/**/*.ts",
    "!src/runtime/index.ts",
    "src/operations/**/*.ts",
    "!src/operations/index.ts",
    "src/rate-limits/**/*.ts",
  ],
  vitest: { ...packageConfig.vitest, configFile: "vitest.runtime.config.ts" },
};
