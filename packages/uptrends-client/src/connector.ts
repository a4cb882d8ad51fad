import { defineConnector } from "@rollcall/core";
import { pullAccounts } from "./accounts";
import { createUptrendsClient, type UptrendsClient } from "./generated/client";
import { vendor } from "./generated/vendor";
import {
  offboardingExecutor,
  offboardingPlanner,
  type UptrendsDeleteOperator,
} from "./generated/offboarding";

/** Uptrends for the cross-vendor tools: an API account, its operators, operator deletion. */
export const connector = /* @__PURE__ */ defineConnector<UptrendsClient, UptrendsDeleteOperator>(
  vendor,
  {
    env: { username: "UPTRENDS_USERNAME", password: "UPTRENDS_PASSWORD" },
    client: createUptrendsClient,
    pullAccounts: (client, options) => pullAccounts(client, options),
    planOffboarding: offboardingPlanner,
    offboardingExecutor,
  },
);
