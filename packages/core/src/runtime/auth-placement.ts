import { createQuerySerializer, defaultBodySerializer } from "./openapi-fetch-client";
import type { ApiClientOptions, VendorConfig } from "./client-options";
import type { HttpMethod } from "./http-method";
import { userAgent } from "./user-agent";

export type QuerySerializer = (query: Record<string, unknown>) => string;
export type BodySerializer = (body: unknown, headers?: unknown) => unknown;

// Stage 5: where a client puts its credentials (headers, query, body) and default headers. Each
// placement is decided per method at construction, so it costs nothing per call.

/** Every request's headers: User-Agent, then the vendor's, the user's, and auth's (highest). */
export const clientHeaders = (vendor: VendorConfig, options: ApiClientOptions) => ({
  "User-Agent": userAgent(vendor.packageName, vendor.packageVersion),
  ...vendor.headers,
  ...options.headers,
  ...vendor.auth?.headers,
});

/**
 * `vendor.bodyHeaders` without the names the user's or auth headers set, for calls with a body:
 * those rank higher, and per-call headers (where body headers have to go) would outrank them.
 */
export function bodyOnlyHeaders(vendor: VendorConfig, options: ApiClientOptions) {
  const taken = Object.keys({ ...options.headers, ...vendor.auth?.headers }).map((name) =>
    name.toLowerCase(),
  );
  const kept = Object.entries(vendor.bodyHeaders ?? {}).filter(
    ([name]) => !taken.includes(name.toLowerCase()),
  );
  return kept.length ? Object.fromEntries(kept) : undefined;
}

const appliesTo = (methods: readonly HttpMethod[] | undefined, method: HttpMethod) =>
  !methods || methods.includes(method);

/**
 * For a method that carries the query credential: builds a query serialiser from the vendor's
 * options (or a call's `own` options or function) that appends the credential. Else undefined.
 */
export function queryAuth(
  vendor: VendorConfig,
  method: HttpMethod,
): ((own?: unknown) => QuerySerializer) | undefined {
  const query = vendor.auth?.query;
  if (!query || !appliesTo(query.methods, method)) return undefined;
  const credential = new URLSearchParams(query.params).toString();
  return (own) => {
    const serialize =
      typeof own === "function"
        ? (own as QuerySerializer)
        : createQuerySerializer({ ...vendor.querySerializer, ...(own as object) });
    return (params) => {
      const text = serialize(params);
      return text ? `${text}&${credential}` : credential;
    };
  };
}

/** For a method that carries the body credential: a body serialiser merging it into plain objects. */
export function bodyAuth(vendor: VendorConfig, method: HttpMethod): BodySerializer | undefined {
  const body = vendor.auth?.body;
  if (!body?.fields || !appliesTo(body.methods, method)) return undefined;
  // openapi-fetch passes the merged headers too (for form encoding); its typings omit them.
  return (value, headers) =>
    (defaultBodySerializer as BodySerializer)(
      isPlainObject(value) ? { ...value, ...body.fields } : value,
      headers,
    );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
