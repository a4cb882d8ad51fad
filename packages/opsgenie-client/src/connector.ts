import type { Connector } from "@rollcall/core";
import { createOpsgenieClient, type OpsgenieClient, type OpsgenieRegion } from "./client";
import { vendor } from "./generated/vendor";
import { offboardingExecutor, offboardingPlanner, type OpsgenieDeleteUser } from "./offboarding";
import { pullAccounts } from "./pull-accounts";

/** OpsGenie for the cross-vendor tools: an API integration key and region, users, user deletion. */
export const connector: Connector<OpsgenieClient, OpsgenieDeleteUser> = {
  id: vendor.id,
  title: vendor.title,
  packageName: vendor.packageName,
  settings: [
    { option: "apiKey", env: "OPSGENIE_API_KEY", secret: true },
    {
      option: "region",
      env: "OPSGENIE_REGION",
      secret: false,
      required: false,
      choices: Object.keys(vendor.regions),
    },
  ],
  // Tools check the region against `choices` first; the client refuses an unknown one too.
  defaultBaseUrl: (settings) =>
    vendor.regions[(settings.region ?? vendor.defaultRegion) as OpsgenieRegion],
  createClient: (settings, options) =>
    createOpsgenieClient({
      ...options,
      apiKey: settings.apiKey!,
      region: settings.region as OpsgenieRegion | undefined,
    }),
  pullAccounts: (client, options) => pullAccounts(client, options),
  planOffboarding: offboardingPlanner,
  offboardingExecutor,
};
