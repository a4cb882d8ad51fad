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
    "src/changeset-files.ts:39:19":
      "without ^ the lazy name group still starts at the line's first character: a match is tried from there first",
    "src/changeset-files.ts:41:9":
      "a line that does not match has no bump either, so the bump checks after it refuse the same lines",
    "src/changeset-files.ts:41:27":
      "group 3 always takes part in a match; a line that does not match has no bump and fails !BUMPS.has",
    "src/descriptive-diff.ts:60:7":
      "a shortcut: identical values give no edit either way (equal primitives stop at sameJson, the same object at the cycle guard)",
    "src/descriptive-diff.ts:88:7":
      "two values that are neither both objects nor both lists and are the same JSON are === (JSON parsing yields no NaN or -0)",
    "src/descriptive-diff.ts:117:27":
      "with a method segment there is always a route segment before it",
    "src/descriptive-diff.ts:117:50": "HTTP_METHODS.has(undefined) is false anyway",
    "src/changeset-files.ts:26:66":
      "without an encoding readFile gives a Buffer, which the front-matter regex reads as the same UTF-8 text",
    "src/changeset-files.ts:36:30":
      "group 1 always takes part in a match, so the fallback is never used",
    "src/changeset-files.ts:46:30":
      "group 2 always takes part in a match, so the fallback is never used",
    "src/changeset-files.ts:72:66":
      "rewriting the same file name: deleting it first and writing it again leaves the same file",
    "src/spec-diff.ts:272:9":
      'schema-diff only asks whether the direction is "request": any other text reads as a response',
    "src/spec-diff.ts:300:72":
      'schema-diff only asks whether the direction is "request": any other text reads as a response',
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
