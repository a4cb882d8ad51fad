import { defineConfig } from "tsdown";

// The CLI is an application, not a library: one ESM entry for Node with its shebang, no
// declarations. Its dependencies (the workspace packages, sql.js) stay imports, installed beside it.
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20.19",
  dts: false,
  clean: true,
  sourcemap: false,
});
