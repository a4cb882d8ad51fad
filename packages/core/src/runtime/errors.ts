// Every error the runtime throws. Messages, fields, toJSON and util.inspect output are built from
// redacted values only: no error object ever holds a credential, a raw URL or a raw Response.
// Fields are copied in by the base constructor (`declare` keeps class-field code out of the bundle).

type InspectFn = (value: unknown, options?: unknown) => string;

/** Base class of every Rollcall error: `name` is the class name, `vendor` says which API. */
export class RollcallError extends Error {
  declare readonly vendor: string | undefined;

  constructor(message: string, vendor: string | undefined, fields?: object, cause?: unknown) {
    super(message, cause ? { cause } : undefined);
    Object.assign(this, { vendor }, fields);
  }

  /** Redacted, serialisable fields (what JSON.stringify and util.inspect show). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) json[key] = value;
    const cause = this.cause;
    if (cause instanceof Error) json.cause = { name: cause.name, message: cause.message };
    return json;
  }

  [Symbol.for("nodejs.util.inspect.custom")](_: number, options: unknown, inspect?: InspectFn) {
    const { name: _n, message: _m, ...fields } = this.toJSON();
    return `${this.stack} ${inspect ? inspect(fields, options) : JSON.stringify(fields)}`;
  }
}

/** What kind of failure an {@link ApiError} is, decided from its status (vendors may remap). */
export type ApiErrorKind =
  "bad-request" | "authentication" | "not-found" | "rate-limit" | "server" | "other";

/** The facts an {@link ApiError} is built from (already redacted). */
export interface ApiErrorDetails {
  vendor: string;
  status: number;
  statusText: string;
  method: string;
  /** Request URL with credentials removed. */
  url: string;
  vendorMessage: string | undefined;
  vendorCode: string | number | undefined;
  requestId: string | undefined;
  attempts: number;
  /** Parsed response body (JSON value or text), redacted. */
  body: unknown;
  /** Response headers, redacted. */
  headers: Record<string, string>;
  /** How long the server asked us to wait before trying again, when it said. */
  retryAfterMs: number | undefined;
}

/** The vendor answered with a non-2xx status. */
export class ApiError extends RollcallError {
  declare readonly vendor: string;
  declare readonly kind: ApiErrorKind;
  declare readonly status: number;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly vendorMessage: string | undefined;
  declare readonly vendorCode: string | number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly attempts: number;
  declare readonly body: unknown;
  declare readonly headers: Record<string, string>;
  declare readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails, kind: ApiErrorKind = "other") {
    const { vendor, statusText, ...fields } = details;
    const d = details;
    const extras = [
      d.vendorCode !== undefined && `code ${d.vendorCode}`,
      d.requestId !== undefined && `request id ${d.requestId}`,
      d.attempts > 1 && `after ${d.attempts} attempts`,
    ].filter(Boolean);
    super(
      `${where(d)} failed with ${d.status}${statusText && ` ${statusText}`}` +
        (d.vendorMessage ? `: ${d.vendorMessage}` : "") +
        (extras.length ? ` (${extras.join(", ")})` : ""),
      vendor,
      { kind, ...fields },
    );
  }
}

/** 400/422 (and any status a vendor maps to "bad-request"): the request was rejected as invalid. */
export class BadRequestError extends ApiError {}
/** 401/403: the credentials were refused or lack permission. */
export class AuthenticationError extends ApiError {}
/** 404: the resource does not exist (or is not visible to these credentials). */
export class NotFoundError extends ApiError {}
/** 429: rate limited; `retryAfterMs` says how long the server asked to wait, when it said. */
export class RateLimitError extends ApiError {}
/** 5xx: the vendor failed. */
export class ServerError extends ApiError {}

const where = (f: { vendor: string; method: string; url: string }) =>
  `${f.vendor} ${f.method} ${f.url}`;

/** The default kind for a status: 400/422 bad-request, 401/403 authentication, 404, 429, 5xx. */
export function apiErrorKindFor(status: number): ApiErrorKind {
  return status === 400 || status === 422
    ? "bad-request"
    : status === 401 || status === 403
      ? "authentication"
      : status === 404
        ? "not-found"
        : status === 429
          ? "rate-limit"
          : status >= 500
            ? "server"
            : "other";
}

/** Build the right {@link ApiError} subclass for a kind. */
export function createApiError(details: ApiErrorDetails, kind: ApiErrorKind): ApiError {
  const Class = {
    "bad-request": BadRequestError,
    authentication: AuthenticationError,
    "not-found": NotFoundError,
    "rate-limit": RateLimitError,
    server: ServerError,
    other: ApiError,
  }[kind];
  return new Class(details, kind);
}

/** Where a transport failure happened. */
interface RequestFacts {
  vendor: string;
  method: string;
  /** Redacted URL. */
  url: string;
  attempts: number;
}

/** No response within `timeoutMs` (per attempt). */
export class TimeoutError extends RollcallError {
  declare readonly vendor: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly timeoutMs: number;
  declare readonly attempts: number;

  constructor(facts: RequestFacts & { timeoutMs: number }) {
    const { vendor, ...fields } = facts;
    const tries = facts.attempts > 1 ? ` (${facts.attempts} attempts)` : "";
    super(`${where(facts)} timed out after ${facts.timeoutMs} ms${tries}`, vendor, fields);
  }
}

/** The request never got an HTTP response (DNS, refused, reset…). `cause` is a redacted copy. */
export class NetworkError extends RollcallError {
  declare readonly vendor: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;

  constructor(facts: RequestFacts & { cause: Error }) {
    const { vendor, cause, ...fields } = facts;
    const tries = facts.attempts > 1 ? ` after ${facts.attempts} attempts` : "";
    // The cause's own cause often holds the useful part (undici's "fetch failed" wraps ECONNRESET).
    const inner = cause.cause instanceof Error ? cause.cause : undefined;
    const code =
      (inner as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
    const base = inner ? `${cause.message} (${inner.message})` : cause.message;
    const detail = typeof code === "string" && !base.includes(code) ? `${base} [${code}]` : base;
    super(`${where(facts)} failed${tries}: ${detail}`, vendor, fields, cause);
  }
}

/** The caller's AbortSignal fired. `name` is "AbortError", like the DOM error it replaces. */
export class AbortError extends RollcallError {
  declare readonly vendor: string;
  declare readonly method: string;
  declare readonly url: string;

  constructor(facts: Omit<RequestFacts, "attempts">) {
    const { vendor, method, url } = facts;
    super(`${where(facts)} was aborted by the caller`, vendor, { method, url });
  }
}

/** A body that was promised as JSON (by Content-Type) was empty or not JSON. */
export class ResponseParseError extends RollcallError {
  declare readonly vendor: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly status: number | undefined;
  declare readonly contentType: string | undefined;
  /** The first ~200 characters of the body, redacted. */
  declare readonly bodySnippet: string;

  constructor(facts: {
    vendor: string;
    method: string;
    url: string;
    status: number | undefined;
    contentType: string | undefined;
    bodySnippet: string;
    problem: string;
  }) {
    const { vendor, problem, ...fields } = facts;
    const { status, bodySnippet: snippet } = facts;
    const got =
      status === undefined
        ? ""
        : ` (status ${status}, content-type ${facts.contentType ?? "none"})`;
    super(
      `${where(facts)}${got}: ${problem}${snippet && `: ${JSON.stringify(snippet)}`}`,
      vendor,
      fields,
    );
  }
}

/**
 * The server answered with a redirect (3xx), or a custom fetch followed one. Redirects are never
 * followed: the request carried a credential, and a redirect may lead to another origin.
 */
export class RedirectError extends RollcallError {
  declare readonly vendor: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly status: number;
  /** Where the server pointed (its `Location`, or the followed URL), redacted. */
  declare readonly location: string | undefined;

  constructor(facts: Omit<RequestFacts, "attempts"> & { status: number; location?: string }) {
    const { vendor, ...fields } = facts;
    super(
      `${where(facts)} was redirected (${facts.status}) to ${facts.location}: not followed`,
      vendor,
      fields,
    );
  }
}

/** A response body grew past `maxResponseBytes` (counted after decompression). */
export class ResponseTooLargeError extends RollcallError {
  declare readonly vendor: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly status: number;
  declare readonly maxResponseBytes: number;

  constructor(
    facts: Omit<RequestFacts, "attempts"> & { status: number; maxResponseBytes: number },
  ) {
    const { vendor, ...fields } = facts;
    super(
      `${where(facts)}: response body over maxResponseBytes (${facts.maxResponseBytes})`,
      vendor,
      fields,
    );
  }
}

/** A bad argument caught before anything was sent. Vendor packages throw this for their inputs. */
export class ClientValidationError extends RollcallError {
  declare readonly vendor: string;
  /** The operation (method name or operationId) that received the bad argument. */
  declare readonly operation: string;
  /** Which field or parameter was wrong, e.g. `params.path.id` or `body.email`. */
  declare readonly field: string;
  /** What was wrong, without the value when the value could be a secret. */
  declare readonly problem: string;

  constructor(details: { vendor: string; operation: string; field: string; message: string }) {
    const { vendor, operation, field, message } = details;
    super(`${vendor} ${operation}: ${field} ${message}`, vendor, {
      operation,
      field,
      problem: message,
    });
  }
}

/** Why a paginated listing was stopped. */
export type PaginationFailure =
  "max-pages" | "repeated-cursor" | "repeated-page" | "inconsistent-total";

/**
 * A paginated listing misbehaved: too many pages, the server repeated a cursor, it answered the
 * same page again for a new cursor (it ignores the cursor), or, in a parallel walk, a page
 * disagreed with the total the first page stated.
 */
export class PaginationError extends RollcallError {
  declare readonly reason: PaginationFailure;
  declare readonly pagesFetched: number;

  constructor(details: {
    vendor: string | undefined;
    reason: PaginationFailure;
    pagesFetched: number;
    message: string;
  }) {
    const { vendor, message, ...fields } = details;
    super(message, vendor, fields);
  }
}

// `name` lives on each prototype, spelled out so it survives minification of the class names.
for (const [name, Class] of Object.entries({
  RollcallError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  NetworkError,
  AbortError,
  ResponseParseError,
  RedirectError,
  ResponseTooLargeError,
  ClientValidationError,
  PaginationError,
})) {
  Class.prototype.name = name;
}
