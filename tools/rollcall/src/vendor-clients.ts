// A vendor's client as the commands use it, built by its connector: a puller and an executor.
import type {
  AdapterResult,
  Connector,
  ConnectorSettings,
  OffboardingExecutor,
} from "@rollcall/core";

/** What a client reports after each page it fetched. */
export interface PageEvent {
  readonly page: number;
  readonly items: readonly unknown[];
}

export interface VendorClient {
  /** Every account the vendor has, page by page. */
  pull(onPage: (event: PageEvent) => void): Promise<AdapterResult>;
  /** The executor of this vendor's offboarding steps. */
  executor(): OffboardingExecutor;
}

/** Builds the vendor's client; a client that rejects its settings throws here. */
export function createVendorClient(
  connector: Connector,
  settings: ConnectorSettings,
  baseUrl: string,
): VendorClient {
  const client = connector.createClient(settings, { baseUrl });
  return {
    pull: (onPage) => connector.pullAccounts(client, { onPage }),
    executor: () => connector.offboardingExecutor(client),
  };
}
