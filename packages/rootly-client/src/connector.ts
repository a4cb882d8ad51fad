import { defineConnector } from "@rollcall/core";
import { pullAccounts } from "./accounts";
import { createRootlyClient, type RootlyClient } from "./generated/client";
import { vendor } from "./generated/vendor";
import { offboardingExecutor, offboardingPlanner, type RootlyOffboardingStep } from "./offboarding";

/**
 * Rootly for the cross-vendor tools: an API token, its users as accounts with their roles, teams,
 * schedules and escalation policies, and offboarding that takes a user out of every team and
 * rotation before deleting them.
 */
export const connector = /* @__PURE__ */ defineConnector<RootlyClient, RootlyOffboardingStep>(
  vendor,
  {
    env: { token: "ROOTLY_API_TOKEN" },
    client: createRootlyClient,
    pullAccounts: (client, options) => pullAccounts(client, options),
    planOffboarding: offboardingPlanner,
    offboardingExecutor,
  },
);
