import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's adapter to core's accounts and its offboarding (generated from
  // the spec's x-rollcall-offboarding by codegen's template: a survivor there needs a test)
  mutate: ["src/accounts.ts", "src/generated/offboarding.ts"],
  equivalent: {
    "src/accounts.ts:69:66":
      "a made-up default included list holds only text, which is not a resource and is skipped",
    "src/accounts.ts:100:29":
      "a made-up default included list holds only text, which is not a resource and is skipped",
    "src/accounts.ts:101:67":
      "a made-up included list in place of a non-list holds only text, which is skipped",
    "src/accounts.ts:179:51":
      "a made-up entry for a page without included is text, not a resource, and is skipped",
    "src/accounts.ts:87:12":
      "a role with neither name nor slug reads as no role either way: level unknown, no name",
    "src/accounts.ts:191:67":
      "a made-up on-call entry is text, naming no schedule or user: it marks nobody on call",
    "src/accounts.ts:242:16":
      "{ pageSize: undefined } leaves the listings at their default page size, as {} does",
    "src/generated/offboarding.ts:45:49":
      "/^[0-9]+$/ matches the same strings with or without the u flag",
  },
});
