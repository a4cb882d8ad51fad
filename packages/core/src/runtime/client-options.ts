import type { QuerySerializerOptions } from "openapi-fetch";
import type { ApiErrorKind, RollcallError } from "./errors";
import type { HttpMethod } from "./http-method";
import type { RequestCheck } from "./request-checks";
import type { RetryOptions } from "./retry-policy";
import type { RateLimiterFactory } from "../rate-limits/rate-limiter";

/** A fetch the runtime can call: `globalThis.fetch` or anything with its contract (honour `init.signal`). */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * Where a vendor's credentials go. The declarative placements are applied by openapi-fetch while it
 * builds the Request (no extra Request copies), and every value in them is registered for redaction.
 */
export interface AuthOptions {
  /** Headers on every request, e.g. `{ "X-Api-Key": key }` or `{ Authorization: "Bearer …" }`. */
  headers?: Record<string, string>;
  /**
   * Headers on the calls of some methods or routes only, e.g. `{ Authorization: "GenieKey …" }` on
   * a vendor's v2 operations while its v1 ones take the key in the query. Above per-call headers.
   */
  scopedHeaders?: { headers: Record<string, string> } & AuthScope;
  /** Query parameters, e.g. `{ apiKey }` on GET and DELETE. Defaults to every call. */
  query?: { params: Record<string, string> } & AuthScope;
  /** Fields merged into JSON object bodies, e.g. `{ apiKey }` on POST. */
  body?: { fields: Record<string, string> } & AuthScope;
  /**
   * Escape hatch: change or replace the final Request before it is sent (once per call, before any
   * retry copies). Slower than the declarative placements; register what it adds in `secrets`.
   */
  onRequest?: (
    request: Request,
  ) => Request | undefined | void | Promise<Request | undefined | void>;
}

/**
 * Which calls an auth placement is for: those of `methods`, plus those of `routes` (`"METHOD
 * /path/template"` as the call names its path, e.g. `"GET /v2/teams/{identifier}"`). Every call
 * when neither is given.
 */
export interface AuthScope {
  methods?: readonly HttpMethod[];
  routes?: readonly string[];
}

/** What a vendor's error body says, in the vendor's words. */
export interface ErrorBodyInfo {
  message?: string | undefined;
  code?: string | number | undefined;
}

/** Reads `{ message, code }` out of a parsed error body (JSON value, or text when not JSON). */
export type ErrorBodyParser = (body: unknown, response: Response) => ErrorBodyInfo | undefined;

/** What a vendor package tells the runtime about its API. */
export interface VendorConfig {
  /** Vendor id used in every error and hook payload, e.g. "acme". */
  vendor: string;
  /** npm package name and version, for the User-Agent `name/version node/x.y.z`. */
  packageName: string;
  packageVersion: string;
  /** Default base URL (the user's `baseUrl` overrides it). */
  baseUrl: string;
  auth?: AuthOptions;
  /** Default headers (e.g. `Accept`), below the user's headers and auth headers. */
  headers?: Record<string, string>;
  /**
   * Headers only for requests with a body, e.g. a vendor media type as `Content-Type` (openapi-fetch
   * otherwise sends `application/json`). Above `headers`, below the user's headers and auth headers.
   */
  bodyHeaders?: Record<string, string>;
  /**
   * Runs before every call (`GET`, `POST`, …, `request`) is built; when it throws, the call rejects
   * with that error and nothing is sent. Use it to refuse calls the API would reject or that would
   * do harm; {@link checksByRoute} builds one from checks keyed by `"METHOD /path"`.
   */
  checkRequest?: RequestCheck;
  /** Extra strings to redact everywhere (auth values are registered automatically). */
  secrets?: readonly (string | undefined)[];
  /** Vendor error-body reader; when it returns nothing the common reader is tried. */
  parseErrorBody?: ErrorBodyParser;
  /** Response headers carrying a request id, first match wins. */
  requestIdHeaders?: readonly string[];
  /** How long the server asked to wait (ms) before a retry; default reads Retry-After and rate-limit reset headers. */
  retryDelay?: (response: Response, now: number) => number | undefined;
  /** Override the error class per status, e.g. for a vendor answering validation errors with 403. */
  errorKinds?: Readonly<Record<number, ApiErrorKind>>;
  /** openapi-fetch query serialisation for this API (default: form arrays, deepObject objects). */
  querySerializer?: QuerySerializerOptions;
  /**
   * Paces the client to the vendor's published limits: `rateLimiter(limits)` over the spec's
   * `x-rollcall-rate-limits`, passed by the generated factory when the spec has limits.
   */
  rateLimiter?: RateLimiterFactory;
}

/**
 * How a client paces itself to the vendor's published limits. Every client of the process with
 * the same credential (or, for per-IP limits, the same origin) draws on one token bucket per
 * limit, corrected from the vendor's rate-limit headers and drained by a 429 until its reset.
 */
export interface RateLimitOptions {
  /**
   * The fraction of each limit this process may use, 0 < share ≤ 1 (default 1): 0.5 for each of
   * two processes that share a key.
   */
  share?: number;
  /** The vendor's clock runs this many times faster, as a simulator's `timeScale` (default 1). */
  timeScale?: number;
  /**
   * Longest wait for a token in ms (default 60 000). A call that would wait longer is sent at
   * once and the vendor decides: a 429 then reaches the caller as a RateLimitError.
   */
  maxWaitMs?: number;
  /** Injectable clock (epoch ms); default the client's retry clock. */
  now?: () => number;
  /** Injectable wait; must reject when `signal` aborts. Default the client's retry sleep. */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** Options a user passes to a vendor client; vendor packages pass them through untouched. */
export interface ApiClientOptions {
  baseUrl?: string;
  /** Your own fetch (proxies, mocks, instrumentation). It must honour `init.signal`. */
  fetch?: FetchFunction;
  headers?: Record<string, string>;
  /** Per-attempt timeout in ms, headers and body (default 30 000; 0 turns timeouts off). */
  timeoutMs?: number;
  /**
   * Largest response body accepted, in bytes after decompression (default 32 MiB; 0 = no limit).
   * A larger one fails the call with a `ResponseTooLargeError`.
   */
  maxResponseBytes?: number;
  /** Retry settings, or `false` for none. */
  retry?: RetryOptions | false;
  /**
   * Pacing to the vendor's published limits (on by default), or `false` for none. Ignored for a
   * vendor that publishes no limits.
   */
  rateLimit?: RateLimitOptions | false;
  hooks?: ClientHooks;
}

/** Per-call options, passed in the same object as `params` and `body`. */
export interface CallOptions {
  /** This call's per-attempt timeout in ms (0 = none). */
  timeoutMs?: number;
  /** This call's response size limit in decoded bytes (0 = none). */
  maxResponseBytes?: number;
  /** This call's retry settings; `{ retryNonIdempotent: true }` lets this POST be re-sent. */
  retry?: RetryOptions | false;
  /**
   * `false` skips the vendor's request check for this call: for a helper that made the choice the
   * check guards explicit, and sends what the check refuses from a plain call.
   */
  checkRequest?: false;
}

/** Observational callbacks. They receive only redacted data; what they return is ignored. */
export interface ClientHooks {
  onRequest?: (info: RequestInfo) => void;
  onResponse?: (info: ResponseInfo) => void;
  onRetry?: (info: RetryInfo) => void;
  onError?: (info: ErrorInfo) => void;
}

export interface RequestInfo {
  vendor: string;
  method: string;
  /** URL with credentials removed. */
  url: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
}

export interface ResponseInfo extends RequestInfo {
  status: number;
  requestId: string | undefined;
  elapsedMs: number;
}

export interface RetryInfo extends RequestInfo {
  /** Why the attempt failed. */
  reason: "status" | "network" | "timeout";
  status: number | undefined;
  /** How long the runtime waits before the next attempt. */
  delayMs: number;
}

export interface ErrorInfo extends RequestInfo {
  error: RollcallError;
}
