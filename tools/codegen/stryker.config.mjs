import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the drift check (`generate --check`) and the turbo-input guard that keeps it honest
  mutate: ["src/codegen.ts", "src/generated-files.ts", "src/file-stamp.ts", "src/turbo-inputs.ts"],
  testFiles: ["test/codegen.test.ts"],
});
