import {
  checksByRoute,
  createApiClient,
  operationChecks,
  requireOptionsObject,
  type ApiClient,
  type ApiClientOptions,
  type VendorConfig,
} from "@rollcall/core";
import { version } from "../package.json";
import { uptrendsAuth } from "./auth";
import { parseUptrendsError, UPTRENDS_ERROR_KINDS } from "./errors";
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

/**
 * A typed Uptrends v4 client: HTTP Basic auth, `Accept: application/json` (Uptrends can also
 * answer XML), `{"Messages":[…]}` error bodies read into ApiError messages, 403 validation
 * failures as BadRequestError, and 201/204 answers handled (204 has no body).
 */
export function createUptrendsClient(options: UptrendsClientOptions): UptrendsClient {
  requireOptionsObject(options, { vendor: vendor.id, operation: "createUptrendsClient" });
  const { username, password, ...runtimeOptions } = options;
  const config: VendorConfig = {
    vendor: vendor.id,
    packageName: vendor.packageName,
    packageVersion: version,
    baseUrl: vendor.defaultBaseUrl,
    auth: uptrendsAuth(username, password),
    headers: { Accept: "application/json" },
    // The header value and its base64 part are registered by core; the bare password too.
    secrets: [password],
    parseErrorBody: parseUptrendsError,
    errorKinds: UPTRENDS_ERROR_KINDS,
    checkRequest: checksByRoute(operationChecks(vendor.id, operations)),
  };
  return createApiClient<paths, "application/json">(config, runtimeOptions);
}
