import type {
  ClientHooks,
  ErrorBodyParser,
  FetchFunction,
  RequestInfo,
  RetryInfo,
} from "./client-options";
import { DeadlineBuckets } from "./deadline-buckets";
import { parseCommonErrorBody, readRequestId } from "./error-body";
import {
  AbortError,
  apiErrorKindFor,
  createApiError,
  NetworkError,
  ResponseParseError,
  RollcallError,
  TimeoutError,
  type ApiError,
  type ApiErrorKind,
} from "./errors";
import type { Redactor } from "./redaction";
import {
  backoffDelay,
  isRetryableStatus,
  mayRetryMethod,
  serverRetryDelay,
  type RetryPolicy,
} from "./retry-policy";

/** How one call is sent: the client's defaults, or a per-call variant built by the method wrappers. */
export interface CallContext {
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** The caller passed an AbortSignal: link it to the timeout (slower path). */
  readonly userSignal: boolean;
  /** The caller asked for `parseAs` other than JSON: leave non-JSON bodies alone. */
  readonly rawBody: boolean;
}

/** Everything the runtime knows about one vendor client, fixed at construction. */
export interface RuntimeSettings {
  vendor: string;
  redactor: Redactor;
  hooks: ClientHooks;
  parseErrorBody: ErrorBodyParser | undefined;
  requestIdHeaders: readonly string[];
  retryDelay: (response: Response, now: number) => number | undefined;
  errorKinds: Readonly<Record<number, ApiErrorKind>>;
  authOnRequest:
    | ((request: Request) => Request | undefined | void | Promise<Request | undefined | void>)
    | undefined;
}

/** Facts about a non-2xx response that `unwrap` needs to build its ApiError. */
interface FailedResponse {
  runtime: ClientRuntime;
  method: string;
  url: string;
  attempts: number;
}

// Filled for non-2xx responses only, so successful calls pay nothing.
const failedResponses = new WeakMap<Response, FailedResponse>();

// One set of shared timers for every client in the process: more sharing, fewer timers.
const deadlines = new DeadlineBuckets();

type AttemptFailure = { kind: "abort" | "timeout" | "network"; cause: unknown };

const STATUSES_WITHOUT_BODY = new Set([204, 205]);

export class ClientRuntime {
  readonly settings: RuntimeSettings;

  constructor(settings: RuntimeSettings) {
    this.settings = settings;
  }

  /** Sends a request with auth, timeout and retries; the openapi-fetch `fetch` of every client. */
  async send(request: Request, call: CallContext): Promise<Response> {
    const { hooks, authOnRequest } = this.settings;
    let req = request;
    if (authOnRequest !== undefined) {
      const replaced = await authOnRequest(req);
      if (replaced instanceof Request) req = replaced;
    }
    const method = req.method;
    const policy = call.retry;
    const maxRetries = mayRetryMethod(policy, method) ? policy.maxRetries : 0;
    // Bodies are streams: keep an unsent copy only when a retry could need one.
    // (GET and HEAD never carry one; skipping the `body` getter keeps the hot path cheap.)
    let spare =
      maxRetries > 0 && method !== "GET" && method !== "HEAD" && req.body !== null
        ? req.clone()
        : undefined;
    const observed = hooks.onRequest ?? hooks.onResponse ?? hooks.onRetry ?? hooks.onError;
    const safeUrl = observed === undefined ? "" : this.settings.redactor.url(req.url);
    for (let attempt = 1; ; attempt++) {
      const startedAt = observed === undefined ? 0 : Date.now();
      hooks.onRequest?.({ vendor: this.settings.vendor, method, url: safeUrl, attempt });
      let response: Response;
      try {
        if (call.timeoutMs !== 0 && !call.userSignal) {
          // The common case, inlined: a shared deadline signal, no per-request timer.
          const bucket = deadlines.acquire(call.timeoutMs);
          try {
            response = await call.fetch(req, bucket.fetchInit);
          } catch (cause) {
            const kind = req.signal.aborted
              ? "abort"
              : bucket.signal.aborted
                ? "timeout"
                : "network";
            throw { kind, cause } satisfies AttemptFailure;
          } finally {
            deadlines.release(bucket);
          }
        } else {
          response = await this.#attempt(req, call);
        }
      } catch (thrown) {
        const failure = thrown as AttemptFailure;
        if (failure.kind !== "abort" && attempt <= maxRetries) {
          const delayMs = backoffDelay(policy, attempt);
          this.#notifyRetry(method, req.url, safeUrl, attempt, failure.kind, undefined, delayMs);
          await this.#pause(delayMs, policy, req, method);
          [req, spare] = nextAttempt(req, spare, attempt < maxRetries);
          continue;
        }
        const error = this.#attemptError(failure, req, method, attempt, call.timeoutMs);
        hooks.onError?.({ vendor: this.settings.vendor, method, url: safeUrl, attempt, error });
        throw error;
      }
      if (response.ok) {
        if (hooks.onResponse) this.#notifyResponse(response, method, safeUrl, attempt, startedAt);
        if (call.rawBody || STATUSES_WITHOUT_BODY.has(response.status) || method === "HEAD") {
          return response;
        }
        const type = response.headers.get("content-type");
        return type !== null && type.includes("json")
          ? response
          : this.#checkUntypedBody(response, type, method, req.url);
      }
      if (attempt <= maxRetries && isRetryableStatus(response.status)) {
        const delayMs = this.#retryDelay(response, policy, attempt);
        if (delayMs !== undefined) {
          // Free the connection before waiting; the body of a retried response is never read.
          await response.body?.cancel().catch(() => undefined);
          this.#notifyRetry(method, req.url, safeUrl, attempt, "status", response.status, delayMs);
          await this.#pause(delayMs, policy, req, method);
          [req, spare] = nextAttempt(req, spare, attempt < maxRetries);
          continue;
        }
      }
      failedResponses.set(response, { runtime: this, method, url: req.url, attempts: attempt });
      if (hooks.onResponse) this.#notifyResponse(response, method, safeUrl, attempt, startedAt);
      return response;
    }
  }

  /** One fetch without a timeout or with the caller's signal; failures thrown as {@link AttemptFailure}. */
  async #attempt(req: Request, call: CallContext): Promise<Response> {
    const timeoutMs = call.timeoutMs;
    if (timeoutMs === 0) {
      try {
        return await call.fetch(req);
      } catch (cause) {
        throw { kind: req.signal.aborted ? "abort" : "network", cause } satisfies AttemptFailure;
      }
    }
    return attemptWithCallerSignal(req, call, timeoutMs);
  }

  #retryDelay(response: Response, policy: RetryPolicy, attempt: number): number | undefined {
    let asked: number | undefined;
    try {
      asked = this.settings.retryDelay(response, policy.now());
    } catch {
      asked = undefined; // A broken vendor reader must not turn a 503 into a crash: use backoff.
    }
    if (asked === undefined || !Number.isFinite(asked)) return backoffDelay(policy, attempt);
    // Asked to wait longer than we are allowed to: give the caller the response instead.
    return asked > policy.maxDelayMs ? undefined : Math.max(0, asked);
  }

  async #pause(ms: number, policy: RetryPolicy, req: Request, method: string): Promise<void> {
    try {
      await policy.sleep(ms, req.signal);
    } catch (cause) {
      if (req.signal.aborted) throw this.#attemptError({ kind: "abort", cause }, req, method, 0, 0);
      throw cause;
    }
  }

  #attemptError(
    failure: AttemptFailure,
    req: Request,
    method: string,
    attempts: number,
    timeoutMs: number,
  ): RollcallError {
    const { vendor, redactor } = this.settings;
    const url = redactor.url(req.url);
    if (failure.kind === "abort") return new AbortError({ vendor, method, url });
    if (failure.kind === "timeout")
      return new TimeoutError({ vendor, method, url, attempts, timeoutMs });
    if (failure.cause instanceof RollcallError) return failure.cause;
    return new NetworkError({
      vendor,
      method,
      url,
      attempts,
      cause: redactor.error(failure.cause),
    });
  }

  /** A 2xx whose Content-Type is not JSON: fine if empty or JSON anyway, else a clear error. */
  async #checkUntypedBody(
    response: Response,
    contentType: string | null,
    method: string,
    url: string,
  ): Promise<Response> {
    const text = await response.text();
    const init = {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    };
    if (text.trim() === "") return new Response(null, init);
    try {
      JSON.parse(text);
    } catch {
      throw this.parseError({
        method,
        url,
        status: response.status,
        contentType: contentType ?? undefined,
        body: text,
        problem: "expected a JSON body",
      });
    }
    return new Response(text, init);
  }

  parseError(facts: {
    method: string;
    url: string;
    status: number | undefined;
    contentType: string | undefined;
    body: string;
    problem: string;
  }): ResponseParseError {
    const { redactor, vendor } = this.settings;
    return new ResponseParseError({
      vendor,
      method: facts.method,
      url: redactor.url(facts.url),
      status: facts.status,
      contentType: facts.contentType,
      bodySnippet: redactor.text(facts.body.slice(0, 200)),
      problem: redactor.text(facts.problem),
    });
  }

  /** The ApiError for a non-2xx response whose body openapi-fetch already read into `body`. */
  apiError(
    response: Response,
    body: unknown,
    method: string,
    url: string,
    attempts: number,
  ): ApiError {
    const s = this.settings;
    let info = undefined as ReturnType<ErrorBodyParser>;
    try {
      info = s.parseErrorBody?.(body, response);
    } catch {
      info = undefined; // A vendor parser that trips over an odd body must not hide the real error.
    }
    info ??= parseCommonErrorBody(body);
    let retryAfterMs: number | undefined;
    try {
      retryAfterMs = s.retryDelay(response, Date.now());
    } catch {
      retryAfterMs = undefined;
    }
    const message =
      info?.message === undefined ? undefined : s.redactor.text(info.message).slice(0, 500);
    const code = typeof info?.code === "string" ? s.redactor.text(info.code) : info?.code;
    const safeBody =
      typeof body === "string" ? s.redactor.text(body.slice(0, 2000)) : s.redactor.value(body);
    return createApiError(
      {
        vendor: s.vendor,
        status: response.status,
        statusText: response.statusText,
        method,
        url: s.redactor.url(url),
        vendorMessage: message,
        vendorCode: code,
        requestId: readRequestId(response.headers, s.requestIdHeaders),
        attempts,
        body: safeBody,
        headers: s.redactor.headers(response.headers),
        retryAfterMs,
      },
      s.errorKinds[response.status] ?? apiErrorKindFor(response.status),
    );
  }

  #notifyResponse(
    response: Response,
    method: string,
    url: string,
    attempt: number,
    startedAt: number,
  ) {
    this.settings.hooks.onResponse?.({
      vendor: this.settings.vendor,
      method,
      url,
      attempt,
      status: response.status,
      requestId: readRequestId(response.headers, this.settings.requestIdHeaders),
      elapsedMs: Date.now() - startedAt,
    });
  }

  #notifyRetry(
    method: string,
    rawUrl: string,
    safeUrl: string,
    attempt: number,
    reason: RetryInfo["reason"],
    status: number | undefined,
    delayMs: number,
  ) {
    const onRetry = this.settings.hooks.onRetry;
    if (onRetry === undefined) return;
    const url = safeUrl || this.settings.redactor.url(rawUrl);
    onRetry({ vendor: this.settings.vendor, method, url, attempt, reason, status, delayMs });
  }
}

/** The request for the next attempt: the spare copy (keeping another if more may follow), or the same bodiless request. */
function nextAttempt(
  req: Request,
  spare: Request | undefined,
  moreMayFollow: boolean,
): [Request, Request | undefined] {
  if (spare === undefined) return [req, undefined];
  return [spare, moreMayFollow ? spare.clone() : undefined];
}

/** The slower path when the caller passed a signal: one controller following both the caller and the timer. */
async function attemptWithCallerSignal(
  req: Request,
  call: CallContext,
  timeoutMs: number,
): Promise<Response> {
  const callerSignal = req.signal;
  if (callerSignal.aborted) {
    throw { kind: "abort", cause: callerSignal.reason } satisfies AttemptFailure;
  }
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await call.fetch(req, { signal: controller.signal });
  } catch (cause) {
    const kind = callerSignal.aborted ? "abort" : timedOut ? "timeout" : "network";
    throw { kind, cause } satisfies AttemptFailure;
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onAbort);
  }
}

/** The context `unwrap` needs for a non-2xx response, if it came through a Rollcall client. */
export function failedResponseContext(response: Response): FailedResponse | undefined {
  return failedResponses.get(response);
}

export type { RequestInfo };
