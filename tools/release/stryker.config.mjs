import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the classifier that turns a spec change into a major, minor or patch release, and the
  // changeset file it writes (replacing the vendor's earlier pending one)
  mutate: [
    "src/spec-diff.ts",
    "src/schema-diff.ts",
    "src/descriptive-diff.ts",
    "src/spec-change.ts",
    "src/json-values.ts",
    "src/changeset-files.ts",
  ],
  equivalent: {
    "src/json-values.ts:19:31":
      "the cycle marker only has to be the same text on both sides; any text compares the same",
    "src/json-values.ts:26:15":
      "each entry starts with a quoted key and JSON values delimit themselves, so entries stay apart without the comma",
  },
  // the packing, publishing and install tests take minutes and never reach the classifier;
  // spec-changeset.test.ts runs the command in a child process, where no mutant is switched on
  testFiles: [
    "test/spec-diff.test.ts",
    "test/operation-diff.test.ts",
    "test/schema-diff.test.ts",
    "test/changeset-text.test.ts",
    "test/document-edits.test.ts",
    "test/json-values.test.ts",
    "test/changeset-files.test.ts",
  ],
});
