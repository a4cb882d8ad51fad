import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  // the vendor's guards, its adapter to core's accounts, and its offboarding
  mutate: ["src/accounts.ts", "src/offboarding.ts"],
});
