import {
  checksByRoute,
  ClientValidationError,
  createApiClient,
  operationChecks,
  requireOptionsObject,
  type ApiClient,
  type ApiClientOptions,
  type VendorConfig,
} from "@rollcall/core";
import { eagleAuth } from "./auth";
import { parseEagleError } from "./errors";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { eagleRequestChecks } from "./guards";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./package-info";

/** The typed eagle.io client: openapi-fetch's `GET`/`PUT`/`POST`/`DELETE` over the spec's paths. */
export type EagleClient = ApiClient<paths>;

export interface EagleClientOptions extends ApiClientOptions {
  /** An eagle.io API key (sent as `X-Api-Key`). Account level is needed for the Owners API. */
  apiKey: string;
}

// The unguarded twin of every client we built: only the explicit group helpers may use it.
const unguardedClients = new WeakMap<EagleClient, EagleClient>();

/**
 * A typed eagle.io client. Errors, retries and timeouts come from @rollcall/core; a `PUT
 * /api/v1/owners/account` carrying `groups` is refused (see `updateOwnerGroups`).
 */
export function createEagleClient(options: EagleClientOptions): EagleClient {
  requireOptionsObject(
    options,
    { vendor: vendor.id, operation: "createEagleClient" },
    "an object with at least { apiKey }",
  );
  const { apiKey, ...runtimeOptions } = options;
  const specChecks = operationChecks(vendor.id, operations);
  const config: VendorConfig = {
    vendor: vendor.id,
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    baseUrl: vendor.defaultBaseUrl,
    auth: eagleAuth(apiKey),
    headers: { Accept: "application/json" },
    parseErrorBody: parseEagleError,
    // `attr` is `style: form, explode: false`: attr=_id,slug.
    querySerializer: { array: { style: "form", explode: false } },
    checkRequest: checksByRoute(specChecks),
  };
  const unguarded = createApiClient<paths>(config, runtimeOptions);
  const guarded = createApiClient<paths>(
    { ...config, checkRequest: checksByRoute(specChecks, eagleRequestChecks) },
    runtimeOptions,
  );
  // Middleware the user adds must also see the group helpers' writes, which use the twin.
  const client: EagleClient = {
    ...guarded,
    use: (...middleware) => {
      guarded.use(...middleware);
      unguarded.use(...middleware);
    },
    eject: (...middleware) => {
      guarded.eject(...middleware);
      unguarded.eject(...middleware);
    },
  };
  unguardedClients.set(client, unguarded);
  return client;
}

/** The client without the group guard, for helpers that made the group choice explicit. */
export function unguardedClient(client: EagleClient, operation: string): EagleClient {
  const unguarded = unguardedClients.get(client);
  if (unguarded === undefined) {
    throw new ClientValidationError({
      vendor: vendor.id,
      operation,
      field: "client",
      message: "must be a client made by createEagleClient",
    });
  }
  return unguarded;
}
