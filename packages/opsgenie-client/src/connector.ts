import { defineConnector } from "@rollcall/core";
import { createOpsgenieClient, type OpsgenieClient } from "./generated/client";
import { vendor } from "./generated/vendor";
import { offboardingExecutor, offboardingPlanner, type OpsgenieStep } from "./offboarding";
import { pullAccounts } from "./pull-accounts";

/**
 * OpsGenie for the cross-vendor tools: an API integration key and region; users, roles, teams,
 * schedules and escalations; team and rotation removals, then user deletion.
 */
export const connector = /* @__PURE__ */ defineConnector<OpsgenieClient, OpsgenieStep>(vendor, {
  env: { apiKey: "OPSGENIE_API_KEY", region: "OPSGENIE_REGION" },
  client: createOpsgenieClient,
  pullAccounts: (client, options) => pullAccounts(client, options),
  planOffboarding: offboardingPlanner,
  offboardingExecutor,
});
