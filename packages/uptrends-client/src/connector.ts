import { defineConnector } from "@rollcall/core";
import { pullAccounts } from "./accounts";
import { createUptrendsClient, type UptrendsClient } from "./client";
import { vendor } from "./generated/vendor";
import {
  offboardingExecutor,
  offboardingPlanner,
  type UptrendsDeleteOperator,
} from "./offboarding";

/** Uptrends for the cross-vendor tools: an API account, its operators, operator deletion. */
export const connector = /* @__PURE__ */ defineConnector<UptrendsClient, UptrendsDeleteOperator>(
  vendor,
  {
    settings: [
      { option: "username", env: "UPTRENDS_USERNAME", secret: false },
      { option: "password", env: "UPTRENDS_PASSWORD", secret: true },
    ],
    createClient: (settings, options) =>
      createUptrendsClient({
        ...options,
        username: settings.username!,
        password: settings.password!,
      }),
    pullAccounts: (client, options) => pullAccounts(client, options),
    planOffboarding: offboardingPlanner,
    offboardingExecutor,
  },
);
