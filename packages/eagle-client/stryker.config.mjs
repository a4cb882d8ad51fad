import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's guards, its adapter to core's accounts, and its offboarding
  mutate: [
    "src/accounts.ts",
    "src/guards.ts",
    "src/offboarding.ts",
    "src/owner-groups.ts",
    "src/pull-accounts.ts",
  ],
  equivalent: {
    "src/accounts.ts:123:5":
      "core's timestampFromIso already reads a lastLoginTime that is not text as no time",
    "src/accounts.ts:137:14": "core's namesFrom already drops a name.first that is not text",
    "src/accounts.ts:138:15": "core's namesFrom already drops a name.last that is not text",
    "src/pull-accounts.ts:22:25":
      "a made-up groups list holds no group with users, so it adds no entry to the progress report",
  },
});
