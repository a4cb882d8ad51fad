import type { ClientHooks, ErrorBodyParser, FetchFunction, RetryInfo } from "./client-options";
import { acquireDeadline, releaseDeadline, type DeadlineBucket } from "./deadline-buckets";
import { parseCommonErrorBody, readRequestId } from "./error-body";
import {
  AbortError,
  apiErrorKindFor,
  createApiError,
  NetworkError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  RollcallError,
  TimeoutError,
  type ApiError,
  type ApiErrorKind,
} from "./errors";
import type { RateLimiter, Reservation } from "../rate-limits/rate-limiter";
import type { Redactor } from "./redaction";
import { API_ERROR, DELIVERY, hide, type Carrier, type Delivery } from "./response-facts";
import { backoffDelay, isRetryableStatus, mayRetryMethod, type RetryPolicy } from "./retry-policy";

/** How one call is sent: the client's defaults, or a per-call variant built by the method wrappers. */
export interface CallContext {
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** The caller passed an AbortSignal: link it to the timeout (slower path). */
  readonly userSignal: boolean;
  /** The caller asked for `parseAs` other than JSON: leave non-JSON bodies alone. */
  readonly rawBody: boolean;
  /** The caller asked for `parseAs: "stream"`: hand the body over unread. */
  readonly stream: boolean;
  /** Largest response body accepted, in decoded bytes (0: no limit). */
  readonly maxBytes: number;
}

/** How an attempt ended: a response, or a failure with what was thrown. */
interface Outcome {
  response?: Response;
  /** "final": a typed error (redirect, size cap, parse) that no retry can change. */
  failure?: "abort" | "timeout" | "network" | "final";
  cause?: unknown;
  /** The deadline the attempt still runs under (its body is not read yet). */
  bucket?: DeadlineBucket;
}

// Redirects are never followed (see RedirectError); sent with every request, whatever the fetch.
const NO_REDIRECTS: RequestInit = { redirect: "manual" };

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
  /** Paces calls to the vendor's published limits; undefined when off or there are none. */
  limiter?: RateLimiter | undefined;
}

const decoder = new TextDecoder();

/**
 * `response`, its body already read into `bytes`, answering the body methods from them. Keeping
 * the Response (its url, status, headers) is the point: a new Response per call, and undici
 * reading it again, would cost more than the rest of the runtime together.
 */
function answeringFrom(response: Response, bytes: Uint8Array): Response {
  let text: string | undefined;
  const read = () => (text ??= decoder.decode(bytes));
  return Object.assign(response, {
    text: async () => read(),
    json: async () => JSON.parse(read()),
    arrayBuffer: async () => bytes.slice().buffer,
    blob: async () =>
      new Blob([bytes.slice()], { type: response.headers.get("content-type") ?? "" }),
    // For middleware that reads a copy: a fresh Response over the same bytes.
    clone: () => answeringFrom(new Response(null, response), bytes),
  });
}

/** How an attempt that threw failed: our typed errors are final, the rest by what fired. */
const failureOf = (thrown: unknown, callerSignal: AbortSignal, timedOut: boolean) =>
  thrown instanceof RollcallError
    ? "final"
    : callerSignal.aborted
      ? "abort"
      : timedOut
        ? "timeout"
        : "network";

/** `read()`, or undefined when it throws: a broken vendor reader must not hide the real failure. */
function tolerant<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Builds a ResponseParseError for a 2xx body that is empty or not JSON, from redacted facts. */
type ParseErrorFactory = (
  method: string,
  url: string,
  status: number | undefined,
  contentType: string | undefined,
  body: string,
  problem: string,
) => ResponseParseError;

export interface ClientRuntime {
  /** Sends a request with auth, timeout and retries; the openapi-fetch `fetch` of every client. */
  send(request: Request, call: CallContext): Promise<Response>;
  parseError: ParseErrorFactory;
  /**
   * For a non-2xx result: builds the call's ApiError, attaches it to the result for `unwrap`, and
   * reports it to `hooks.onError` — once per failed call, whether or not the caller unwraps.
   */
  failed(result: { error?: unknown; response: Response }, method: string): void;
}

export function createRuntime(settings: RuntimeSettings): ClientRuntime {
  const { vendor, redactor, hooks, authOnRequest, limiter } = settings;
  // Hooks are fixed at construction: with none set, no call pays for observing.
  const observed = hooks.onRequest || hooks.onResponse || hooks.onRetry || hooks.onError;

  const parseError: ParseErrorFactory = (method, url, status, contentType, body, problem) =>
    new ResponseParseError({
      vendor,
      method,
      url: redactor.url(url),
      status,
      contentType: contentType && redactor.text(contentType),
      bodySnippet: redactor.text(body.slice(0, 200)),
      problem: redactor.text(problem),
    });

  const abortError = (method: string, req: Request) =>
    new AbortError({ vendor, method, url: redactor.url(req.url) });

  /**
   * The hot path: no auth hook, no observing hooks, the shared deadline, and no body to keep for a
   * retry. A small async frame with one await; anything unusual about the outcome (a failure, a
   * non-2xx, a body to check) is handed to {@link sendAll} as the first attempt's outcome.
   */
  function send(request: Request, call: CallContext): Promise<Response> {
    if (authOnRequest || call.userSignal || !call.timeoutMs || observed)
      return sendAll(request, call);
    const method = request.method;
    // A body that a retry could need must be copied before the first send: the full path does that.
    // (GET is checked first: it never has one, and skipping the `body` getter keeps it cheap.)
    if (method !== "GET" && mayRetryMethod(call.retry, method) && request.body)
      return sendAll(request, call);
    return sendFast(request, call);
  }

  async function sendFast(req: Request, call: CallContext): Promise<Response> {
    // A call that must wait for its token takes the full path, which waits under its signal.
    const reserved = limiter?.acquire(req);
    if (reserved) return sendAll(req, call, undefined, reserved);
    const bucket = acquireDeadline(call.timeoutMs);
    let response: Response;
    try {
      response = await call.fetch(req, bucket.fetchInit);
      limiter?.observe(req, response);
    } catch (cause) {
      releaseDeadline(bucket);
      return sendAll(req, call, { failure: failureOf(cause, req.signal, bucket.fired), cause });
    }
    // A 2xx labelled JSON only needs its body read, under the same deadline; the rest (204, raw
    // bodies, redirects, errors, retries) takes the full path, which keeps this lease.
    if (
      !response.ok ||
      response.redirected ||
      !response.headers.get("content-type")?.includes("json")
    )
      return sendAll(req, call, { response, bucket });
    try {
      response = await readBody(response, call, req);
    } catch (cause) {
      releaseDeadline(bucket);
      return sendAll(req, call, { failure: failureOf(cause, req.signal, bucket.fired), cause });
    }
    releaseDeadline(bucket);
    return response;
  }

  /**
   * The response with its whole body read under the call's deadline and size cap (counted after
   * decompression, so a gzip bomb stops at the cap). See {@link answeringFrom} for why it is the
   * same Response.
   */
  async function readBody(response: Response, call: CallContext, req: Request): Promise<Response> {
    const body = response.body;
    if (!body || call.stream) return response;
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let part; !(part = await reader.read()).done;) {
      size += part.value.byteLength;
      if (call.maxBytes && size > call.maxBytes) {
        reader.cancel().catch(() => undefined);
        throw new ResponseTooLargeError({
          vendor,
          method: req.method,
          url: redactor.url(req.url),
          status: response.status,
          maxResponseBytes: call.maxBytes,
        });
      }
      chunks.push(part.value);
    }
    let bytes = chunks[0] ?? new Uint8Array();
    if (chunks.length > 1) {
      bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
    return answeringFrom(response, bytes);
  }

  /**
   * Every case; `first` is attempt 1's outcome when {@link sendFast} already made it, `reserved`
   * the rate-limit token it took for attempt 1 and must wait for.
   */
  async function sendAll(
    request: Request,
    call: CallContext,
    first?: Outcome,
    reserved?: Reservation,
  ): Promise<Response> {
    let req = request;
    if (authOnRequest) {
      const replaced = await authOnRequest(req);
      if (replaced instanceof Request) req = replaced;
    }
    const method = req.method;
    const policy = call.retry;
    const maxRetries = mayRetryMethod(policy, method) ? policy.maxRetries : 0;
    // Bodies are streams: keep an unsent copy only when a retry could need one.
    // (GET and HEAD never carry one; skipping the `body` getter keeps the hot path cheap.)
    let spare =
      maxRetries && method !== "GET" && method !== "HEAD" && req.body ? req.clone() : undefined;
    const url = observed ? redactor.url(req.url) : "";

    for (let attempt = 1; ; attempt++) {
      const startedAt = observed ? Date.now() : 0;
      hooks.onRequest?.({ vendor, method, url, attempt });
      const { timeoutMs } = call;
      let response: Response | undefined;
      let failure: Outcome["failure"];
      let cause: unknown;
      let reason: RetryInfo["reason"] = "status";
      let delayMs: number | undefined;
      // The common case is a shared deadline bucket, no per-request timer; a caller's own signal
      // gets a dedicated controller that follows both it and the timer. Either covers the headers
      // and the body.
      let bucket: DeadlineBucket | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let timedOut = false;
      let controller: AbortController | undefined;
      const callerSignal = req.signal;
      const abort = () => controller!.abort();
      try {
        if (first) {
          ({ response, failure, cause, bucket } = first);
          first = undefined;
        } else {
          // Wait for a token of every limit the call counts against, before the attempt's timer.
          const token = reserved ?? limiter?.acquire(req);
          reserved = undefined;
          if (token) await token.wait(callerSignal);
          let init: RequestInit = NO_REDIRECTS;
          if (timeoutMs && !call.userSignal) {
            bucket = acquireDeadline(timeoutMs);
            init = bucket.fetchInit;
          } else if (timeoutMs) {
            if (callerSignal.aborted) throw callerSignal.reason;
            controller = new AbortController();
            init = { signal: controller.signal, redirect: "manual" };
            callerSignal.addEventListener("abort", abort);
            timer = setTimeout(() => {
              timedOut = true;
              abort();
            }, timeoutMs);
          }
          response = await call.fetch(req, init);
          limiter?.observe(req, response);
        }
        if (!response) {
          // Attempt 1 already failed in sendFast: `failure` says how.
        } else if (
          response.redirected ||
          response.type === "opaqueredirect" ||
          (response.status > 299 && response.status < 400)
        ) {
          // Never followed: the credential (header, query or body) would go wherever it points.
          await response.body?.cancel().catch(() => undefined);
          const location =
            response.headers.get("location") ?? (response.redirected ? response.url : undefined);
          throw new RedirectError({
            vendor,
            method,
            url: redactor.url(req.url),
            status: response.status,
            location: location === undefined ? undefined : redactor.url(location),
          });
        } else if (response.ok) {
          if (hooks.onResponse) notifyResponse(method, url, response, attempt, startedAt);
          const status = response.status;
          if (status === 204 || status === 205 || method === "HEAD") return response;
          response = await readBody(response, call, req);
          const type = response.headers.get("content-type");
          if (call.rawBody || type?.includes("json")) return response;
          // A 2xx whose Content-Type is not JSON: fine if empty or JSON anyway, else a clear error.
          const text = await response.text();
          const init = { status, statusText: response.statusText, headers: response.headers };
          if (!text.trim()) return new Response(null, init);
          if (tolerant(() => JSON.parse(text)) === undefined) {
            throw parseError(
              method,
              req.url,
              status,
              type ?? undefined,
              text,
              "expected a JSON body",
            );
          }
          return new Response(text, init);
        } else {
          if (attempt <= maxRetries && isRetryableStatus(response.status)) {
            const asked = tolerant(() => settings.retryDelay(response!, policy.now()));
            // Asked to wait longer than we are allowed to: give the caller the response instead.
            delayMs =
              asked === undefined || !Number.isFinite(asked)
                ? backoffDelay(policy, attempt)
                : asked > policy.maxDelayMs
                  ? undefined
                  : Math.max(0, asked);
          }
          if (delayMs === undefined) {
            response = await readBody(response, call, req);
            hide(response, DELIVERY, { url: req.url, attempts: attempt } satisfies Delivery);
            if (hooks.onResponse) notifyResponse(method, url, response, attempt, startedAt);
            return response;
          }
          // Free the connection before waiting; the body of a retried response is never read.
          await response.body?.cancel().catch(() => undefined);
        }
      } catch (thrown) {
        cause = thrown;
        failure = failureOf(thrown, callerSignal, bucket ? bucket.fired : timedOut);
      } finally {
        if (bucket) releaseDeadline(bucket);
        else if (controller) {
          clearTimeout(timer);
          callerSignal.removeEventListener("abort", abort);
        }
      }

      if (failure) {
        if (failure === "abort" || failure === "final" || attempt > maxRetries) {
          const safeUrl = redactor.url(req.url);
          const error: RollcallError =
            failure === "abort"
              ? abortError(method, req)
              : failure === "timeout"
                ? new TimeoutError({ vendor, method, url: safeUrl, attempts: attempt, timeoutMs })
                : cause instanceof RollcallError
                  ? cause
                  : new NetworkError({
                      vendor,
                      method,
                      url: safeUrl,
                      attempts: attempt,
                      cause: redactor.error(cause),
                    });
          hooks.onError?.({ vendor, method, url, attempt, error });
          throw error;
        }
        reason = failure;
        delayMs = backoffDelay(policy, attempt);
      }

      const status = response?.status;
      hooks.onRetry?.({ vendor, method, url, attempt, reason, status, delayMs: delayMs! });
      try {
        await policy.sleep(delayMs!, req.signal);
      } catch (thrown) {
        throw req.signal.aborted ? abortError(method, req) : thrown;
      }
      // The next attempt sends the spare copy, keeping another if more attempts may follow.
      if (spare) [req, spare] = [spare, attempt < maxRetries ? spare.clone() : undefined];
    }
  }

  /** Reports a response to `hooks.onResponse` (only called when that hook is set). */
  function notifyResponse(
    method: string,
    url: string,
    response: Response,
    attempt: number,
    startedAt: number,
  ) {
    hooks.onResponse?.({
      vendor,
      method,
      url,
      attempt,
      status: response.status,
      requestId: readRequestId(response.headers, settings.requestIdHeaders, redactor),
      elapsedMs: Date.now() - startedAt,
    });
  }

  function failed(result: { error?: unknown; response: Response }, method: string): void {
    const { response } = result;
    const { url = response.url, attempts = 1 } = (response as Carrier)[DELIVERY] ?? {};
    const error = apiError(settings, response, result.error, method, url, attempts);
    hide(response, API_ERROR, error);
    hooks.onError?.({ vendor, method, url: error.url, attempt: attempts, error });
  }

  return { send, parseError, failed };
}

/** What building an ApiError needs (a client's settings, or the anonymous ones of `unwrap`). */
export type ErrorSettings = Pick<
  RuntimeSettings,
  "vendor" | "redactor" | "requestIdHeaders" | "retryDelay" | "errorKinds"
> & { parseErrorBody?: ErrorBodyParser | undefined };

/** The ApiError for a non-2xx response whose body openapi-fetch already read into `body`. */
export function apiError(
  settings: ErrorSettings,
  response: Response,
  body: unknown,
  method: string,
  url: string,
  attempts: number,
): ApiError {
  const { redactor } = settings;
  const headers = response.headers;
  const info =
    tolerant(() => settings.parseErrorBody?.(body, response)) ?? parseCommonErrorBody(body);
  const code = info?.code;
  return createApiError(
    {
      vendor: settings.vendor,
      status: response.status,
      statusText: redactor.text(response.statusText),
      method,
      url: redactor.url(url),
      vendorMessage:
        info?.message === undefined ? undefined : redactor.text(info.message).slice(0, 500),
      vendorCode: typeof code === "string" ? redactor.text(code) : code,
      requestId: readRequestId(headers, settings.requestIdHeaders, redactor),
      attempts,
      body: typeof body === "string" ? redactor.text(body.slice(0, 2000)) : redactor.value(body),
      headers: redactor.headers(headers),
      retryAfterMs: tolerant(() => settings.retryDelay(response, Date.now())),
    },
    settings.errorKinds[response.status] ?? apiErrorKindFor(response.status),
  );
}
