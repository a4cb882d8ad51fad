import {
  checksByRoute,
  createApiClient,
  operationChecks,
  requireOptionsObject,
  serverRetryDelay,
  type ApiClient,
  type ApiClientOptions,
  type VendorConfig,
} from "@rollcall/core";
import { version } from "../package.json";
import { rootlyAuth } from "./auth";
import { parseRootlyError } from "./errors";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";
import { vendor } from "./generated/vendor";

/** Rootly speaks JSON:API: this media type on every request and response body. */
export const JSON_API_MEDIA_TYPE = "application/vnd.api+json";

/** The typed openapi-fetch client for the Rootly API. */
export type RootlyClient = ApiClient<paths, typeof JSON_API_MEDIA_TYPE>;

/** Options of {@link createRootlyClient}: the API token plus every core runtime option. */
export interface RootlyClientOptions extends ApiClientOptions {
  /** A Rootly API token, sent as `Authorization: Bearer <token>`. */
  token: string;
}

/**
 * A typed Rootly client: bearer auth, JSON:API media types, Rootly's error bodies read into
 * ApiError messages, and 429s retried after `X-RateLimit-Reset` when that is soon enough.
 */
export function createRootlyClient(options: RootlyClientOptions): RootlyClient {
  requireOptionsObject(options, { vendor: vendor.id, operation: "createRootlyClient" });
  const { token, ...runtimeOptions } = options;
  const config: VendorConfig = {
    vendor: vendor.id,
    packageName: vendor.packageName,
    packageVersion: version,
    baseUrl: vendor.defaultBaseUrl,
    auth: rootlyAuth(token),
    headers: { Accept: JSON_API_MEDIA_TYPE },
    // Rootly rejects plain application/json bodies; bodiless requests carry no Content-Type.
    bodyHeaders: { "Content-Type": JSON_API_MEDIA_TYPE },
    parseErrorBody: parseRootlyError,
    // No Retry-After from Rootly: core's reader falls back to X-RateLimit-Reset (epoch seconds) on 429.
    retryDelay: serverRetryDelay,
    checkRequest: checksByRoute(operationChecks(vendor.id, operations)),
  };
  return createApiClient<paths, typeof JSON_API_MEDIA_TYPE>(config, runtimeOptions);
}
