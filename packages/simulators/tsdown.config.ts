import { packageConfig } from "../../tsdown.config.base.ts";

// The command-line entry (package.json "bin") is built beside the library.
export default packageConfig({ entry: ["src/index.ts", "src/cli.ts"] });
