import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the drift check (`generate --check`), the turbo-input guard that keeps it honest, the
  // fidelity check that a spec does not silently diverge from the vendor's published schema, and
  // the emitters whose output keeps a client's promises: the client factory, the offboarding
  // step (x-rollcall-offboarding), the operation and body rules, and the spec reader they share
  mutate: [
    "src/codegen.ts",
    "src/client-module.ts",
    "src/offboarding-module.ts",
    "src/operation-rules.ts",
    "src/json-document.ts",
    "src/generated-files.ts",
    "src/file-stamp.ts",
    "src/turbo-inputs.ts",
    "src/fidelity.ts",
  ],
  equivalent: {
    "src/file-stamp.ts:25:69":
      "each part is prefixed with its length, so part boundaries stay apart without the colon",
    "src/file-stamp.ts:42:52":
      "group 1 always takes part in a stamp match, so the fallback is never used",
    "src/file-stamp.ts:42:74":
      "group 2 always takes part in a stamp match, so the fallback is never used",
    "src/turbo-inputs.ts:20:58":
      "without an encoding readFile gives a Buffer, which JSON.parse reads as the same UTF-8 text",
    "src/turbo-inputs.ts:40:93":
      "a made-up input for a non-list `inputs` names no spec path, so it matches nothing either way",
    "src/json-document.ts:13:14":
      "a bundled spec's $ref is internal: it starts with #/ and that is the first #/ in it",
    "src/offboarding-module.ts:60:58":
      "a made-up entry for a non-list `parameters` is a string: resolve leaves it and the path filter drops it",
    "src/client-module.ts:21:37":
      "every caller of doc() passes an indent: the default is never used",
    "src/client-module.ts:155:70":
      "region names are lower-case letters, digits and dashes (describeVendor refuses others): no backtick to escape",
    // m6c: templateExpression takes the lone term only when it is the whole template; joining
    // one term gives the same text, so a condition that is met less often changes nothing
    "src/client-module.ts:114:32":
      "one term with no text before or after it is one credential, so parts has 3 entries anyway",
    "src/client-module.ts:114:54":
      "text before the credential is a second term, so the condition is never met: join gives the text",
    "src/client-module.ts:114:67":
      "text after the credential is a second term, so the condition is never met: join gives the text",
    "src/fidelity.ts:143:26":
      "the depth guard one level sooner: no real schema nests 16 allOf/$ref levels, and a loop ends either way",
    "src/fidelity.ts:148:71":
      "a non-list allOf iterates nothing either way: a string member resolves to no schema and adds nothing",
    "src/fidelity.ts:154:74":
      "a made-up required name for a non-list `required` matches no field a fixture lists",
    "src/fidelity.ts:155:9":
      "a non-string required entry can never equal a field name (Set.has compares strictly)",
    "src/fidelity.ts:169:25":
      "the depth guard one level sooner: no real schema nests 16 $ref/union levels, and a loop ends either way",
    "src/fidelity.ts:171:50": "[undefined] adds no type: only strings are kept on the next line",
    "src/fidelity.ts:204:66":
      "the depth guard one level sooner: no real $ref chain is 16 long, and a loop ends either way",
    "src/fidelity.ts:206:48": "a local $ref starts with #/ and has no other #/ in it",
    "src/fidelity.ts:219:56":
      "an extra note that names no `Schema.field` in backticks changes nothing",
    "src/fidelity.ts:226:15":
      "a non-string note joins as text without backticks (42, [object Object]), naming no field",
  },
  // spec-checks.test.ts runs the fidelity check over the real specs; its rules are held here
  testFiles: [
    "test/codegen.test.ts",
    "test/file-stamp.test.ts",
    "test/turbo-inputs.test.ts",
    "test/generated-output.test.ts",
    "test/lint-and-targets.test.ts",
    "test/fidelity.test.ts",
    "test/client-module.test.ts",
    "test/offboarding-module.test.ts",
    "test/operation-rules.test.ts",
    "test/operations-file.test.ts",
    "test/vendor-descriptor.test.ts",
    "test/committed-output.test.ts",
    "test/json-document.test.ts",
  ],
});
