import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's adapter to core's accounts and its offboarding (generated from
  // the spec's x-rollcall-offboarding by codegen's template: a survivor there needs a test)
  mutate: ["src/accounts.ts", "src/generated/offboarding.ts"],
  equivalent: {
    "src/accounts.ts:63:66":
      "a made-up default included list holds only text, which is not a resource and is skipped",
    "src/accounts.ts:65:63":
      "a made-up included list in place of a non-list holds only text, which is skipped",
    "src/accounts.ts:105:31":
      "a made-up entry in the collected included list is text, not a resource, and is skipped",
    "src/accounts.ts:113:45":
      "a made-up entry for a page without included is text, not a resource, and is skipped",
    "src/generated/offboarding.ts:45:49":
      "/^[0-9]+$/ matches the same strings with or without the u flag",
  },
});
