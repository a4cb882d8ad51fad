import { createQuerySerializer, defaultBodySerializer } from "./openapi-fetch-client";
import type { ApiClientOptions, AuthScope, VendorConfig } from "./client-options";
import type { HttpMethod } from "./http-method";
import { userAgent } from "./user-agent";

export type QuerySerializer = (query: Record<string, unknown>) => string;
export type BodySerializer = (body: unknown, headers?: unknown) => unknown;

// Stage 5: where a client puts its credentials (headers, query, body) and default headers. Each
// placement is decided per method, and per route where a scope names routes, at construction, so
// it costs nothing per call.

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
  const { headers, scopedHeaders } = vendor.auth ?? {};
  const taken = Object.keys({ ...options.headers, ...headers, ...scopedHeaders?.headers }).map(
    (name) => name.toLowerCase(),
  );
  const kept = Object.entries(vendor.bodyHeaders ?? {}).filter(
    ([name]) => !taken.includes(name.toLowerCase()),
  );
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/**
 * Whether a placement of this scope goes on a call of `method` to `path` (a path template; none for
 * the calls of `method` no route names).
 */
const appliesTo = (scope: AuthScope, method: HttpMethod, path: string | undefined) =>
  (!scope.methods && !scope.routes) ||
  !!scope.methods?.includes(method) ||
  (path !== undefined && !!scope.routes?.includes(`${method} ${path}`));

/** The paths of `method` that some placement scopes by route: each gets its own placement. */
export function scopedPaths(vendor: VendorConfig, method: HttpMethod): string[] {
  const { query, body, scopedHeaders } = vendor.auth ?? {};
  const paths = [query, body, scopedHeaders].flatMap((scope) =>
    (scope?.routes ?? []).flatMap((route) => {
      const space = route.indexOf(" ");
      return route.slice(0, space) === method ? [route.slice(space + 1)] : [];
    }),
  );
  return [...new Set(paths)];
}

/** The scoped auth headers of a call of `method` to `path`, or undefined. */
export function headerAuth(
  vendor: VendorConfig,
  method: HttpMethod,
  path?: string,
): Record<string, string> | undefined {
  const scoped = vendor.auth?.scopedHeaders;
  return scoped && appliesTo(scoped, method, path) ? scoped.headers : undefined;
}

/**
 * For a call of `method` (to `path`) that carries the query credential: builds a query serialiser
 * from the vendor's options (or a call's `own` options or function) that appends the credential.
 * Else undefined.
 */
export function queryAuth(
  vendor: VendorConfig,
  method: HttpMethod,
  path?: string,
): ((own?: unknown) => QuerySerializer) | undefined {
  const query = vendor.auth?.query;
  if (!query || !appliesTo(query, method, path)) return undefined;
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

/** For a call that carries the body credential: a body serialiser merging it into plain objects. */
export function bodyAuth(
  vendor: VendorConfig,
  method: HttpMethod,
  path?: string,
): BodySerializer | undefined {
  const body = vendor.auth?.body;
  if (!body?.fields || !appliesTo(body, method, path)) return undefined;
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
