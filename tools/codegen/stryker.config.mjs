import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the drift check (`generate --check`), the turbo-input guard that keeps it honest, and the
  // fidelity check that a spec does not silently diverge from the vendor's published schema
  mutate: [
    "src/codegen.ts",
    "src/generated-files.ts",
    "src/file-stamp.ts",
    "src/turbo-inputs.ts",
    "src/fidelity.ts",
  ],
  // spec-checks.test.ts runs the fidelity check over the real specs; its rules are held here
  testFiles: [
    "test/codegen.test.ts",
    "test/file-stamp.test.ts",
    "test/turbo-inputs.test.ts",
    "test/generated-output.test.ts",
    "test/lint-and-targets.test.ts",
    "test/fidelity.test.ts",
  ],
});
