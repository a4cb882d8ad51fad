import {
  checksByRoute,
  createVendorClient,
  operationChecks,
  errorBodyReader,
  type ApiClient,
  type ApiClientOptions,
} from "@rollcall/core";
import { version } from "../package.json";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";
import { vendor } from "./generated/vendor";

/** The typed openapi-fetch client for the Uptrends API v4. */
export type UptrendsClient = ApiClient<paths, "application/json">;

/** Options of {@link createUptrendsClient}: the API account plus every core runtime option. */
export interface UptrendsClientOptions extends ApiClientOptions {
  /** The Uptrends API account's user name (not an operator's login). */
  username: string;
  /** The API account's password. */
  password: string;
}

// Built once: the spec's parameter limits are the same for every client.
const checkRequest = checksByRoute(operationChecks(vendor.id, operations));

/**
 * A typed Uptrends v4 client: HTTP Basic auth, `Accept: application/json` (Uptrends can also
 * answer XML), `{"Messages":[…]}` error bodies read into ApiError messages, 403 validation
 * failures as BadRequestError, and 201/204 answers handled (204 has no body).
 */
export function createUptrendsClient(options: UptrendsClientOptions): UptrendsClient {
  return createVendorClient<paths, "application/json">(vendor, options, {
    operation: "createUptrendsClient",
    packageVersion: version,
    checkRequest,
  });
}

/** Reads Uptrends' `{"Messages":[{"Message":"…"}]}` error body as the client does; undefined otherwise. */
// A function, not a reader built when the module loads, so a bundle without it drops it.
export function parseUptrendsError(body: unknown) {
  return errorBodyReader(vendor.errorBody)(body);
}
