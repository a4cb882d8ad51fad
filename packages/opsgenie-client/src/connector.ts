import { defineConnector } from "@rollcall/core";
import { createOpsgenieClient, type OpsgenieClient, type OpsgenieRegion } from "./client";
import { vendor } from "./generated/vendor";
import { offboardingExecutor, offboardingPlanner, type OpsgenieDeleteUser } from "./offboarding";
import { pullAccounts } from "./pull-accounts";

/** OpsGenie for the cross-vendor tools: an API integration key and region, users, user deletion. */
export const connector = /* @__PURE__ */ defineConnector<OpsgenieClient, OpsgenieDeleteUser>(
  vendor,
  {
    settings: [
      { option: "apiKey", env: "OPSGENIE_API_KEY", secret: true },
      // Its choices are the spec's regions, and it picks the default base URL among them.
      { option: "region", env: "OPSGENIE_REGION", secret: false, required: false },
    ],
    createClient: (settings, options) =>
      createOpsgenieClient({
        ...options,
        apiKey: settings.apiKey!,
        region: settings.region as OpsgenieRegion | undefined,
      }),
    pullAccounts: (client, options) => pullAccounts(client, options),
    planOffboarding: offboardingPlanner,
    offboardingExecutor,
  },
);
