import {
  checksByRoute,
  ClientValidationError,
  createVendorClient,
  operationChecks,
  errorBodyReader,
  type ApiClient,
  type ApiClientOptions,
} from "@rollcall/core";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { eagleRequestChecks } from "./guards";
import { PACKAGE_VERSION } from "./package-info";

/** The typed eagle.io client: openapi-fetch's `GET`/`PUT`/`POST`/`DELETE` over the spec's paths. */
export type EagleClient = ApiClient<paths>;

export interface EagleClientOptions extends ApiClientOptions {
  /** An eagle.io API key (sent as `X-Api-Key`). Account level is needed for the Owners API. */
  apiKey: string;
}

// Built once: the checks are the same for every client.
const checkRequest = checksByRoute(operationChecks(vendor.id, operations), eagleRequestChecks);

/**
 * A typed eagle.io client. Errors, retries and timeouts come from @rollcall/core; a `PUT
 * /api/v1/owners/account` carrying `groups` is refused (see `updateOwnerGroups`).
 */
export function createEagleClient(options: EagleClientOptions): EagleClient {
  const client = createVendorClient<paths>(vendor, options, {
    operation: "createEagleClient",
    packageVersion: PACKAGE_VERSION,
    expected: "an object with at least { apiKey }",
    checkRequest,
  });
  guardedClients.add(client);
  return client;
}

// The clients createEagleClient made. The group helpers write past the guard (`checkRequest:
// false`) only through one of these, never through a copy or a look-alike whose calls go elsewhere.
const guardedClients = new WeakSet<EagleClient>();

/** Throws unless `client` was made by createEagleClient (see the group helpers). */
export function requireEagleClient(client: EagleClient, operation: string): void {
  if (!guardedClients.has(client)) {
    throw new ClientValidationError({
      vendor: vendor.id,
      operation,
      field: "client",
      message: "must be a client made by createEagleClient",
    });
  }
}

/** Reads eagle.io's `{"error":{"code":405,"message":"…"}}` error body as the client does; undefined otherwise. */
// A function, not a reader built when the module loads, so a bundle without it drops it.
export function parseEagleError(body: unknown) {
  return errorBodyReader(vendor.errorBody)(body);
}
