// Every error the runtime throws. Messages, fields, toJSON and util.inspect output are built from
// redacted values only: no error object ever holds a credential, a raw URL or a raw Response.

const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

type InspectFn = (value: unknown, options?: unknown) => string;

/** Base class of every Rollcall error: `name` is the class name, `vendor` says which API. */
export class RollcallError extends Error {
  override readonly name: string = "RollcallError";
  readonly vendor: string | undefined;

  constructor(message: string, vendor: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.vendor = vendor;
  }

  /** Redacted, serialisable fields (what JSON.stringify and util.inspect show). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) json[key] = value;
    if (this.cause instanceof Error) {
      json.cause = { name: this.cause.name, message: this.cause.message };
    }
    return json;
  }

  [inspectCustom](_depth: number, options: unknown, inspect?: InspectFn): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const head = this.stack ?? `${this.name}: ${this.message}`;
    const body = inspect === undefined ? JSON.stringify(fields) : inspect(fields, options);
    return `${head} ${body}`;
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
  override readonly name: string = "ApiError";
  declare readonly vendor: string;
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly vendorMessage: string | undefined;
  readonly vendorCode: string | number | undefined;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails, kind: ApiErrorKind = "other") {
    super(apiErrorMessage(details), details.vendor);
    this.kind = kind;
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.vendorMessage = details.vendorMessage;
    this.vendorCode = details.vendorCode;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
    this.body = details.body;
    this.headers = details.headers;
    this.retryAfterMs = details.retryAfterMs;
  }
}

function apiErrorMessage(d: ApiErrorDetails): string {
  const status = d.statusText ? `${d.status} ${d.statusText}` : String(d.status);
  const extras: string[] = [];
  if (d.vendorCode !== undefined) extras.push(`code ${d.vendorCode}`);
  if (d.requestId !== undefined) extras.push(`request id ${d.requestId}`);
  if (d.attempts > 1) extras.push(`after ${d.attempts} attempts`);
  const reason = d.vendorMessage ? `: ${d.vendorMessage}` : "";
  const suffix = extras.length > 0 ? ` (${extras.join(", ")})` : "";
  return `${d.vendor} ${d.method} ${d.url} failed with ${status}${reason}${suffix}`;
}

/** 400/422 (and any status a vendor maps to "bad-request"): the request was rejected as invalid. */
export class BadRequestError extends ApiError {
  override readonly name: string = "BadRequestError";
}
/** 401/403: the credentials were refused or lack permission. */
export class AuthenticationError extends ApiError {
  override readonly name: string = "AuthenticationError";
}
/** 404: the resource does not exist (or is not visible to these credentials). */
export class NotFoundError extends ApiError {
  override readonly name: string = "NotFoundError";
}
/** 429: rate limited; `retryAfterMs` says how long the server asked to wait, when it said. */
export class RateLimitError extends ApiError {
  override readonly name: string = "RateLimitError";
}
/** 5xx: the vendor failed. */
export class ServerError extends ApiError {
  override readonly name: string = "ServerError";
}

const KIND_CLASSES: Record<ApiErrorKind, typeof ApiError> = {
  "bad-request": BadRequestError,
  authentication: AuthenticationError,
  "not-found": NotFoundError,
  "rate-limit": RateLimitError,
  server: ServerError,
  other: ApiError,
};

/** The default kind for a status: 400/422 bad-request, 401/403 authentication, 404, 429, 5xx. */
export function apiErrorKindFor(status: number): ApiErrorKind {
  if (status === 400 || status === 422) return "bad-request";
  if (status === 401 || status === 403) return "authentication";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limit";
  if (status >= 500) return "server";
  return "other";
}

/** Build the right {@link ApiError} subclass for a kind. */
export function createApiError(details: ApiErrorDetails, kind: ApiErrorKind): ApiError {
  return new KIND_CLASSES[kind](details, kind);
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
  override readonly name: string = "TimeoutError";
  declare readonly vendor: string;
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;
  readonly attempts: number;

  constructor(facts: RequestFacts & { timeoutMs: number }) {
    const tries = facts.attempts > 1 ? ` (${facts.attempts} attempts)` : "";
    super(
      `${facts.vendor} ${facts.method} ${facts.url} timed out after ${facts.timeoutMs} ms${tries}`,
      facts.vendor,
    );
    this.method = facts.method;
    this.url = facts.url;
    this.timeoutMs = facts.timeoutMs;
    this.attempts = facts.attempts;
  }
}

/** The request never got an HTTP response (DNS, refused, reset…). `cause` is a redacted copy. */
export class NetworkError extends RollcallError {
  override readonly name: string = "NetworkError";
  declare readonly vendor: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(facts: RequestFacts & { cause: Error }) {
    const tries = facts.attempts > 1 ? ` after ${facts.attempts} attempts` : "";
    const detail = describeCause(facts.cause);
    super(`${facts.vendor} ${facts.method} ${facts.url} failed${tries}: ${detail}`, facts.vendor, {
      cause: facts.cause,
    });
    this.method = facts.method;
    this.url = facts.url;
    this.attempts = facts.attempts;
  }
}

function describeCause(cause: Error): string {
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code =
    (inner as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
  const base = inner ? `${cause.message} (${inner.message})` : cause.message;
  return typeof code === "string" && !base.includes(code) ? `${base} [${code}]` : base;
}

/** The caller's AbortSignal fired. `name` is "AbortError", like the DOM error it replaces. */
export class AbortError extends RollcallError {
  override readonly name: string = "AbortError";
  declare readonly vendor: string;
  readonly method: string;
  readonly url: string;

  constructor(facts: Omit<RequestFacts, "attempts">) {
    super(`${facts.vendor} ${facts.method} ${facts.url} was aborted by the caller`, facts.vendor);
    this.method = facts.method;
    this.url = facts.url;
  }
}

/** A body that was promised as JSON (by Content-Type) was empty or not JSON. */
export class ResponseParseError extends RollcallError {
  override readonly name: string = "ResponseParseError";
  declare readonly vendor: string;
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly contentType: string | undefined;
  /** The first ~200 characters of the body, redacted. */
  readonly bodySnippet: string;

  constructor(facts: {
    vendor: string;
    method: string;
    url: string;
    status: number | undefined;
    contentType: string | undefined;
    bodySnippet: string;
    problem: string;
  }) {
    const status = facts.status === undefined ? "" : ` (status ${facts.status}`;
    const type = facts.status === undefined ? "" : `, content-type ${facts.contentType ?? "none"})`;
    const snippet = facts.bodySnippet ? `: ${JSON.stringify(facts.bodySnippet)}` : "";
    super(
      `${facts.vendor} ${facts.method} ${facts.url}${status}${type}: ${facts.problem}${snippet}`,
      facts.vendor,
    );
    this.method = facts.method;
    this.url = facts.url;
    this.status = facts.status;
    this.contentType = facts.contentType;
    this.bodySnippet = facts.bodySnippet;
  }
}

/** A bad argument caught before anything was sent. Vendor packages throw this for their inputs. */
export class ClientValidationError extends RollcallError {
  override readonly name: string = "ClientValidationError";
  declare readonly vendor: string;
  /** The operation (method name or operationId) that received the bad argument. */
  readonly operation: string;
  /** Which field or parameter was wrong, e.g. `params.path.id` or `body.email`. */
  readonly field: string;
  /** What was wrong, without the value when the value could be a secret. */
  readonly problem: string;

  constructor(details: { vendor: string; operation: string; field: string; message: string }) {
    super(
      `${details.vendor} ${details.operation}: ${details.field} ${details.message}`,
      details.vendor,
    );
    this.operation = details.operation;
    this.field = details.field;
    this.problem = details.message;
  }
}

/** A paginated listing misbehaved: too many pages, or the server repeated a cursor. */
export class PaginationError extends RollcallError {
  override readonly name: string = "PaginationError";
  readonly reason: "max-pages" | "repeated-cursor";
  readonly pagesFetched: number;

  constructor(details: {
    vendor: string | undefined;
    reason: "max-pages" | "repeated-cursor";
    pagesFetched: number;
    message: string;
  }) {
    super(details.message, details.vendor);
    this.reason = details.reason;
    this.pagesFetched = details.pagesFetched;
  }
}
