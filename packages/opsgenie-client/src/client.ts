import {
  checksByRoute,
  createVendorClient,
  operationChecks,
  errorBodyReader,
  type ApiClient,
  type ApiClientOptions,
} from "@rollcall/core";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { PACKAGE_VERSION } from "./package-info";

/** The typed OpsGenie client: openapi-fetch's `GET`/`POST`/`DELETE` over the spec's paths. */
export type OpsgenieClient = ApiClient<paths>;

/** Where the OpsGenie account is hosted: the spec's servers, by `x-rollcall-region`. */
export type OpsgenieRegion = keyof typeof vendor.regions;

export interface OpsgenieClientOptions extends ApiClientOptions {
  /** The key of an OpsGenie API integration; the client adds it to every request. */
  apiKey: string;
  /** Where the account is hosted (default "us"); `baseUrl` overrides it. */
  region?: OpsgenieRegion;
}

// Built once: the checks are the same for every client.
const checkRequest = checksByRoute(operationChecks(vendor.id, operations));

/**
 * A typed OpsGenie (User API v1) client. The API key goes into the query string of GET and
 * DELETE and into the JSON body of POST by itself; bad arguments are refused before sending.
 */
export function createOpsgenieClient(options: OpsgenieClientOptions): OpsgenieClient {
  return createVendorClient<paths>(vendor, options, {
    operation: "createOpsgenieClient",
    packageVersion: PACKAGE_VERSION,
    expected: "an object with at least { apiKey }",
    checkRequest,
  });
}

/** Reads OpsGenie's `{"error":"…","code":n}` error body as the client does; undefined otherwise. */
// A function, not a reader built when the module loads, so a bundle without it drops it.
export function parseOpsgenieError(body: unknown) {
  return errorBodyReader(vendor.errorBody)(body);
}
