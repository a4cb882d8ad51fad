import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's guards, its adapter to core's accounts, and its offboarding
  mutate: [
    "src/accounts.ts",
    "src/guards.ts",
    "src/list-users.ts",
    "src/offboarding.ts",
    "src/pull-accounts.ts",
    "src/region.ts",
  ],
});
