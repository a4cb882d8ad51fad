import { defineConnector } from "@rollcall/core";
import { pullAccounts } from "./accounts";
import { createRootlyClient, type RootlyClient } from "./generated/client";
import { vendor } from "./generated/vendor";
import {
  offboardingExecutor,
  offboardingPlanner,
  type RootlyDeleteUser,
} from "./generated/offboarding";

/** Rootly for the cross-vendor tools: an API token, its users as accounts, user deletion. */
export const connector = /* @__PURE__ */ defineConnector<RootlyClient, RootlyDeleteUser>(vendor, {
  env: { token: "ROOTLY_API_TOKEN" },
  client: createRootlyClient,
  pullAccounts: (client, options) => pullAccounts(client, options),
  planOffboarding: offboardingPlanner,
  offboardingExecutor,
});
