import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's guards, its adapter to core's accounts, and its offboarding
  mutate: [
    "src/accounts.ts",
    "src/guards.ts",
    "src/list-users.ts",
    "src/offboarding.ts",
    "src/pull-accounts.ts",
  ],
  equivalent: {
    "src/accounts.ts:96:65":
      "a contacts list made up when there is none holds no object, and non-objects are skipped",
    "src/accounts.ts:98:9":
      "a contact that is text or a number has no method and no `to`, so it is skipped either way",
    "src/accounts.ts:114:11":
      "phone() is null only for blank text, and `text(to)` already returned for that",
    "src/accounts.ts:126:36":
      "core's isoFromEpochMs already reads a createdAt that is not a number as no time",
    "src/list-users.ts:53:9":
      "an undefined maxPages takes core's default (10 000) just as a missing one does",
    "src/list-users.ts:62:19": "openapi-fetch leaves an undefined query parameter out of the URL",
    "src/list-users.ts:63:19": "openapi-fetch leaves an undefined query parameter out of the URL",
    "src/pull-accounts.ts:29:5":
      "an undefined pageSize takes the default (100) just as a missing one does",
  },
});
