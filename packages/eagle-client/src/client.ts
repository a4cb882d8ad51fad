import { ClientValidationError } from "@rollcall/core";
import {
  createEagleClient as createClient,
  type EagleClient,
  type EagleClientOptions,
} from "./generated/client";
import { vendor } from "./generated/vendor";

export { parseEagleError, type EagleClient, type EagleClientOptions } from "./generated/client";

// The clients createEagleClient made. The group helpers write past the guard (`checkRequest:
// false`) only through one of these, never through a copy or a look-alike whose calls go elsewhere.
const guardedClients = new WeakSet<EagleClient>();

/**
 * A typed eagle.io client. Errors, retries and timeouts come from @rollcall/core; a `PUT
 * /api/v1/owners/account` carrying `groups` is refused (see `updateOwnerGroups`).
 */
export function createEagleClient(options: EagleClientOptions): EagleClient {
  const client = createClient(options);
  guardedClients.add(client);
  return client;
}

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
