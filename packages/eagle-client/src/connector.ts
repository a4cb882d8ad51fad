import { defineConnector } from "@rollcall/core";
import { createEagleClient, type EagleClient } from "./client";
import { vendor } from "./generated/vendor";
import { offboardingExecutor } from "./offboarding";
import { offboardingPlanner, type EagleOffboardingStep } from "./offboarding-plan";
import { pullAccounts } from "./pull-accounts";

/**
 * eagle.io for the cross-vendor tools: an API key (Account level, to read and change the owner's
 * administrators and groups), administrators and group members as accounts, their removal.
 */
export const connector = /* @__PURE__ */ defineConnector<EagleClient, EagleOffboardingStep>(
  vendor,
  {
    env: { apiKey: "EAGLE_API_KEY" },
    client: createEagleClient,
    pullAccounts: (client, options) => pullAccounts(client, options),
    planOffboarding: offboardingPlanner,
    offboardingExecutor,
  },
);
