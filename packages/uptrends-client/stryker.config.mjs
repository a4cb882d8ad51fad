import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's adapter to core's accounts and its offboarding (generated from
  // the spec's x-rollcall-offboarding by codegen's template: a survivor there needs a test)
  mutate: ["src/accounts.ts", "src/generated/offboarding.ts"],
  equivalent: {
    "src/accounts.ts:186:74":
      "the table is only read for a numeric TimeZoneId, which no operator has here; text entries are skipped anyway",
    "src/accounts.ts:102:27":
      "a zone keyed by a TimezoneId that is not a number is never looked up: operators are looked up by a numeric id",
    "src/accounts.ts:132:88":
      "a group without an id is reported as an issue whatever its members are, so a made-up member is never read",
  },
});
