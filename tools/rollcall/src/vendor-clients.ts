// The one place that knows the four client packages: credentials in, a puller and an offboarding
// executor out. Everything else in the CLI works on VendorClient.
import type { AdapterResult, OffboardingExecutors } from "@rollcall/core";
import {
  createEagleClient,
  offboardingExecutor as eagleOffboardingExecutor,
  pullAccounts as pullEagleAccounts,
} from "@rollcall/eagle-client";
import {
  createOpsgenieClient,
  offboardingExecutor as opsgenieOffboardingExecutor,
  pullAccounts as pullOpsgenieAccounts,
} from "@rollcall/opsgenie-client";
import {
  createRootlyClient,
  offboardingExecutor as rootlyOffboardingExecutor,
  pullAccounts as pullRootlyAccounts,
} from "@rollcall/rootly-client";
import {
  createUptrendsClient,
  offboardingExecutor as uptrendsOffboardingExecutor,
  pullAccounts as pullUptrendsAccounts,
} from "@rollcall/uptrends-client";
import type { VendorCredentials } from "./env-config";

/** What a client reports after each page it fetched. */
export interface PageEvent {
  readonly page: number;
  readonly items: readonly unknown[];
}

export interface VendorClient {
  /** Every account the vendor has, page by page. */
  pull(onPage: (event: PageEvent) => void): Promise<AdapterResult>;
  /** This vendor's entry of core's executor map. */
  executors(): OffboardingExecutors;
}

/** Builds the vendor's client; a client that rejects its options throws here. */
export function createVendorClient(credentials: VendorCredentials, baseUrl: string): VendorClient {
  switch (credentials.vendor) {
    case "eagle": {
      const client = createEagleClient({ apiKey: credentials.apiKey, baseUrl });
      return {
        pull: (onPage) => pullEagleAccounts(client, { onPage }),
        executors: () => ({ eagle: eagleOffboardingExecutor(client) }),
      };
    }
    case "rootly": {
      const client = createRootlyClient({ token: credentials.token, baseUrl });
      return {
        pull: (onPage) => pullRootlyAccounts(client, { onPage }),
        executors: () => ({ rootly: rootlyOffboardingExecutor(client) }),
      };
    }
    case "opsgenie": {
      const client = createOpsgenieClient({
        apiKey: credentials.apiKey,
        region: credentials.region,
        baseUrl,
      });
      return {
        pull: (onPage) => pullOpsgenieAccounts(client, { onPage }),
        executors: () => ({ opsgenie: opsgenieOffboardingExecutor(client) }),
      };
    }
    case "uptrends": {
      const client = createUptrendsClient({
        username: credentials.username,
        password: credentials.password,
        baseUrl,
      });
      return {
        pull: (onPage) => pullUptrendsAccounts(client, { onPage }),
        executors: () => ({ uptrends: uptrendsOffboardingExecutor(client) }),
      };
    }
  }
}
