import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the classifier that turns a spec change into a major, minor or patch release
  mutate: [
    "src/spec-diff.ts",
    "src/schema-diff.ts",
    "src/descriptive-diff.ts",
    "src/spec-change.ts",
    "src/json-values.ts",
  ],
  // the packing, publishing and install tests take minutes and never reach the classifier
  testFiles: ["test/spec-diff.test.ts", "test/schema-diff.test.ts", "test/spec-changeset.test.ts"],
});
