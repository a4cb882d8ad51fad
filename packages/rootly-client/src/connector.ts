import { defineConnector } from "@rollcall/core";
import { pullAccounts } from "./accounts";
import { createRootlyClient, type RootlyClient } from "./client";
import { vendor } from "./generated/vendor";
import { offboardingExecutor, offboardingPlanner, type RootlyDeleteUser } from "./offboarding";

/** Rootly for the cross-vendor tools: an API token, its users as accounts, user deletion. */
export const connector = /* @__PURE__ */ defineConnector<RootlyClient, RootlyDeleteUser>(vendor, {
  settings: [{ option: "token", env: "ROOTLY_API_TOKEN", secret: true }],
  createClient: (settings, options) => createRootlyClient({ ...options, token: settings.token! }),
  pullAccounts: (client, options) => pullAccounts(client, options),
  planOffboarding: offboardingPlanner,
  offboardingExecutor,
});
