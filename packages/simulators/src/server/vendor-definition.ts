import type { ContractOperation, ContractProblem } from "../spec/contract";
import type { OpenApiDocument } from "../spec/openapi-document";
import type { RateLimitRule, RateLimitVerdict } from "./rate-limits";

/** The reasons the framework itself answers with an error, before or instead of a handler. */
export type ErrorKind =
  | "route-not-found"
  | "method-not-allowed"
  | "unauthorized"
  | "invalid-request"
  | "malformed-body"
  | "unsupported-media-type"
  | "payload-too-large"
  | "not-implemented"
  | "internal-error"
  | "rate-limited"
  | "server-error";

/** The status most vendors answer each kind of failure with; a vendor overrides where it differs. */
export const DEFAULT_ERROR_STATUS: Readonly<Record<ErrorKind, number>> = {
  "route-not-found": 404,
  "method-not-allowed": 405,
  unauthorized: 401,
  "invalid-request": 400,
  "malformed-body": 400,
  "unsupported-media-type": 400,
  "payload-too-large": 413,
  "not-implemented": 501,
  "internal-error": 500,
  "rate-limited": 429,
  "server-error": 500,
};

export interface SimResponse {
  status: number;
  /** A JSON value to serialise; omit for an empty body. */
  body?: unknown;
  /** Defaults to the vendor's JSON media type when there is a body. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SimRequest<Store> {
  method: string;
  /** Path below the simulator's base URL (Uptrends' `/v4` already removed). */
  path: string;
  operation: ContractOperation;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body; undefined when none was sent. */
  body: unknown;
  store: Store;
  /** The simulator's own base URL, for building links. */
  baseUrl: string;
}

export type Handler<Store> = (request: SimRequest<Store>) => SimResponse;

/** What a request offers for authentication: headers, query string and (parsed) body. */
export interface AuthMaterial {
  method: string;
  /** The spec operation the request matched. */
  operation: ContractOperation;
  headers: Record<string, string | string[] | undefined>;
  query: URLSearchParams;
  body: unknown;
}

/** A store the simulator can put back to its seed. */
export interface ResettableStore {
  reset(): void;
}

/** Everything vendor-specific about a simulator; the framework supplies HTTP, validation, faults, logs. */
export interface VendorDefinition<Store extends ResettableStore, Credentials> {
  id: string;
  title: string;
  spec: OpenApiDocument;
  /** A path prefix the vendor's base URL carries (`/v4` for Uptrends), or "". */
  basePath: string;
  /** The media type of the vendor's JSON bodies. */
  jsonMediaType: string;
  credentials: Credentials;
  store: Store;
  /** Secret values (keys, passwords) that must never reach a log or message. */
  secrets: readonly string[];
  /** Query-string and JSON-body field names that carry secrets. */
  secretFields: readonly string[];
  authenticate(material: AuthMaterial): boolean;
  /**
   * The vendor's own answer for a framework-level error. `problems` lists what an invalid request
   * got wrong (locations start with `body`, `query`, `path` or `header`).
   */
  errorResponse(
    kind: ErrorKind,
    message: string,
    status?: number,
    problems?: ContractProblem[],
  ): SimResponse;
  /** Headers the vendor sends on every response. */
  commonHeaders?(now: Date): Record<string, string>;
  /** The vendor's request limits (the spec's `x-rollcall-rate-limits`); none when absent. */
  rateLimits?: readonly RateLimitRule[];
  /**
   * Rate-limit headers beyond the roles the spec names, or in the vendor's own format (Rootly's
   * `X-RateLimit-Used`, OpsGenie's `X-RateLimit-Reason`), for the limit a request counted against;
   * `verdict` is undefined for a scripted 429 on a call no limit selects.
   */
  rateLimitHeaders(verdict: RateLimitVerdict | undefined): Record<string, string>;
  /** Handlers keyed by route key: `METHOD /path/{}` (see toRouteKey). */
  handlers: Readonly<Record<string, Handler<Store>>>;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Longest query string accepted, in bytes (eagle.io documents 4096); undefined for no limit. */
  maxQueryBytes?: number;
}
