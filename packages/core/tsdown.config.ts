import { packageConfig } from "../../tsdown.config.base.ts";

// `@rollcall/core/testing` (the test kit) is built on its own: no chunk shared with the client
// runtime, whose output and size stay as they are.
export default [
  packageConfig(),
  packageConfig({ entry: { index: "src/testing/index.ts" }, outDir: "dist/testing" }),
];
