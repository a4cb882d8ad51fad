import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // what the CLI prints (CSV escape, scrubbed output) and the exit codes it ends with
  mutate: [
    "src/render/**/*.ts",
    "src/commands/**/*.ts",
    "src/secret-scrubber.ts",
    "src/run-command.ts",
    "src/main.ts",
  ],
});
