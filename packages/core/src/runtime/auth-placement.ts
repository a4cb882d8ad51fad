import { createQuerySerializer, defaultBodySerializer } from "openapi-fetch";
import type { ApiClientOptions, VendorConfig } from "./client-options";
import type { HttpMethod } from "./http-method";
import { userAgent } from "./user-agent";

export type QuerySerializer = (query: Record<string, unknown>) => string;
type BodySerializer = (body: unknown, headers?: unknown) => unknown;

/** Where a client puts its credentials and default headers, fixed at construction. */
export interface AuthPlacement {
  /** Every request's headers: User-Agent, then the vendor's, the user's, and auth's (highest). */
  headers: Record<string, string>;
  /**
   * `vendor.bodyHeaders` without the names the user's or auth headers set, for calls with a body:
   * those rank higher, and per-call headers (where body headers have to go) would outrank them.
   */
  bodyHeaders: Record<string, string> | undefined;
  /** Whether `method` carries the query credential. */
  inQuery(method: HttpMethod): boolean;
  /** Whether `method` carries the body credential. */
  inBody(method: HttpMethod): boolean;
  /**
   * The query serialiser: the vendor's (or a call's `own` options or function), followed by the
   * query credential when `inQuery`.
   */
  querySerializer(inQuery: boolean, own?: unknown): QuerySerializer;
  /** The body serialiser merging the body credential into plain-object bodies. */
  bodyWithAuth: BodySerializer;
}

/** Stage 5: the auth placement (headers, query, body) and default headers of a vendor client. */
export function placeAuth(vendor: VendorConfig, options: ApiClientOptions): AuthPlacement {
  const { query: authQuery, body: authBody, headers: authHeaders } = vendor.auth ?? {};
  const taken = Object.keys({ ...options.headers, ...authHeaders }).map((n) => n.toLowerCase());
  const kept = Object.entries(vendor.bodyHeaders ?? {}).filter(
    ([name]) => !taken.includes(name.toLowerCase()),
  );
  const queryOptions = vendor.querySerializer;
  const baseQuery = createQuerySerializer(queryOptions);
  const authQueryText = authQuery ? new URLSearchParams(authQuery.params).toString() : "";
  const withAuthQuery = (serialize: QuerySerializer) => (query: Record<string, unknown>) => {
    const own = serialize(query);
    return own ? `${own}&${authQueryText}` : authQueryText;
  };
  const authFields = authBody?.fields;
  // openapi-fetch passes the merged headers too (for form encoding); its typings omit them.
  const serializeBody = defaultBodySerializer as BodySerializer;
  const appliesTo = (methods: readonly HttpMethod[] | undefined, method: HttpMethod) =>
    !methods || methods.includes(method);

  return {
    headers: {
      "User-Agent": userAgent(vendor.packageName, vendor.packageVersion),
      ...vendor.headers,
      ...options.headers,
      ...authHeaders,
    },
    bodyHeaders: kept.length ? Object.fromEntries(kept) : undefined,
    inQuery: (method) => !!authQuery && appliesTo(authQuery.methods, method),
    inBody: (method) => !!authFields && appliesTo(authBody?.methods, method),
    querySerializer(inQuery, own) {
      const serialize =
        own === undefined
          ? baseQuery
          : typeof own === "function"
            ? (own as QuerySerializer)
            : createQuerySerializer({ ...queryOptions, ...(own as object) });
      return inQuery ? withAuthQuery(serialize) : serialize;
    },
    bodyWithAuth: (body, requestHeaders) =>
      serializeBody(isPlainObject(body) ? { ...body, ...authFields } : body, requestHeaders),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
