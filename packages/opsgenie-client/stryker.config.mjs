import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's adapter to core's accounts, its listing and its offboarding (written by hand:
  // its generated offboarding.ts is empty, the spec has no x-rollcall-offboarding)
  mutate: ["src/accounts.ts", "src/offboarding.ts", "src/pull-accounts.ts"],
  equivalent: {
    "src/accounts.ts:44:69":
      "a made-up contacts list holds only text, which has no method and no `to`, so it is skipped",
  },
});
