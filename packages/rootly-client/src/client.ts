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

/** Rootly speaks JSON:API: this media type on every request and response body. */
export const JSON_API_MEDIA_TYPE = vendor.mediaType;

/** The typed openapi-fetch client for the Rootly API. */
export type RootlyClient = ApiClient<paths, typeof JSON_API_MEDIA_TYPE>;

/** Options of {@link createRootlyClient}: the API token plus every core runtime option. */
export interface RootlyClientOptions extends ApiClientOptions {
  /** A Rootly API token, sent as `Authorization: Bearer <token>`. */
  token: string;
}

// Built once: the spec's parameter limits are the same for every client.
const checkRequest = checksByRoute(operationChecks(vendor.id, operations));

/**
 * A typed Rootly client: bearer auth, JSON:API media types, Rootly's error bodies read into
 * ApiError messages, and 429s retried after `X-RateLimit-Reset` when that is soon enough.
 */
export function createRootlyClient(options: RootlyClientOptions): RootlyClient {
  return createVendorClient<paths, typeof JSON_API_MEDIA_TYPE>(vendor, options, {
    operation: "createRootlyClient",
    packageVersion: version,
    checkRequest,
  });
}

/**
 * Reads Rootly's error bodies as the client does (the plain 429 `{"error":"…"}`, then the JSON:API
 * `{"errors":[…]}` document); undefined for anything else, which core's common reader then tries.
 */
// A function, not a reader built when the module loads, so a bundle without it drops it.
export function parseRootlyError(body: unknown) {
  return errorBodyReader(vendor.errorBody)(body);
}
