import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's guards (the group-deletion refusal, the client check), its adapter to core's
  // accounts, and its offboarding (written by hand: its generated offboarding.ts is empty, the
  // spec has no x-rollcall-offboarding)
  mutate: [
    "src/accounts.ts",
    "src/client.ts",
    "src/guards.ts",
    "src/offboarding-plan.ts",
    "src/offboarding.ts",
    "src/owner-groups.ts",
    "src/pull-accounts.ts",
  ],
  equivalent: {
    "src/accounts.ts:28:9":
      "eagle.io's field maps always name a record's place (`at`), so the noun never reaches an issue",
    "src/accounts.ts:99:64":
      "every member entry read was put in groupsOf when it was collected, so the fallback is never used",
    "src/offboarding-plan.ts:31:68":
      "a made-up groups list holds only text, which has no string id and is filtered out: manual review",
    "src/pull-accounts.ts:23:25":
      "a made-up groups list holds only text, which has no users, so it adds no entry to the progress report",
  },
});
