/** How a client retries. Every field is optional; per-call values override the client's. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2, so at most 3 attempts). */
  maxRetries?: number;
  /** Backoff base: attempt n waits a random time in [0, baseDelayMs × 2^(n-1)] (default 500). */
  baseDelayMs?: number;
  /**
   * Longest wait before a retry (default 60 000). When the server asks for longer (Retry-After,
   * rate-limit reset), the runtime does not retry and returns that response, so the caller gets a
   * RateLimitError/ApiError carrying `retryAfterMs` instead of a silent multi-minute sleep.
   */
  maxDelayMs?: number;
  /** Also retry POST/PATCH (off by default: re-sending may duplicate). Best set per call. */
  retryNonIdempotent?: boolean;
  /** Injectable wait (tests, custom schedulers). Must reject when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Injectable randomness for the jitter, returning [0, 1). */
  random?: () => number;
  /** Injectable clock (epoch ms) for HTTP-date Retry-After and reset headers. */
  now?: () => number;
}

/** A {@link RetryOptions} with every field decided. */
export type RetryPolicy = Readonly<Required<RetryOptions>>;

/** setTimeout as a promise that rejects with the signal's reason when `signal` aborts. */
function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  retryNonIdempotent: false,
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
};

// What each option must be: a predicate on the value and the message when it is not.
/** A finite number of milliseconds ≥ 0. */
export const isMs = (v: unknown): boolean => typeof v === "number" && v >= 0 && Number.isFinite(v);
export const isFunction = (v: unknown) => typeof v === "function";
const OPTION_CHECKS: OptionChecks = {
  maxRetries: [(v) => Number.isInteger(v) && (v as number) >= 0, "a non-negative integer"],
  baseDelayMs: [isMs, "a finite number of milliseconds ≥ 0"],
  maxDelayMs: [isMs, "a finite number of milliseconds ≥ 0"],
  retryNonIdempotent: [(v) => typeof v === "boolean", "a boolean"],
  sleep: [isFunction, "a function"],
  random: [isFunction, "a function"],
  now: [isFunction, "a function"],
};

/** Merge options over a base policy (`false` turns retries off but keeps the injected clock). */
export function resolveRetryPolicy(
  base: RetryPolicy,
  options: RetryOptions | false | undefined,
  where: string,
  fail: (field: string, message: string) => never,
): RetryPolicy {
  if (options === undefined) return base;
  if (options === false) return { ...base, maxRetries: 0 };
  checkOptionFields(options, OPTION_CHECKS, where, "retry", fail);
  const policy: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) policy[key] = value;
  return policy as RetryPolicy;
}

/** Each option's predicate and what it must be, for {@link checkOptionFields}. */
export type OptionChecks = Record<string, [(value: unknown) => boolean, string]>;

/** Refuses an options object that is not one, or has a field unknown or wrong, naming it. */
export function checkOptionFields(
  options: unknown,
  checks: OptionChecks,
  where: string,
  noun: string,
  fail: (field: string, message: string) => never,
): void {
  if (typeof options !== "object" || options === null)
    fail(where, `must be an object of ${noun} options or false`);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (!check) fail(`${where}.${key}`, `is not a ${noun} option`);
    else if (!check[0](value)) fail(`${where}.${key}`, `must be ${check[1]}`);
  }
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);

/** Whether this method may be retried under this policy. */
export function mayRetryMethod(policy: RetryPolicy, method: string): boolean {
  return policy.maxRetries > 0 && (policy.retryNonIdempotent || IDEMPOTENT.has(method));
}

export function isRetryableStatus(status: number): boolean {
  return [408, 429, 500, 502, 503, 504].includes(status);
}

/** Full-jitter exponential backoff for the wait after failed attempt `attempt` (1-based). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(policy.random() * ceiling);
}

/**
 * How long the server asked us to wait, in ms, or undefined when it did not say. Reads
 * `Retry-After` (delta seconds or HTTP date) on any status, and on 429 also `X-RateLimit-Reset` /
 * `RateLimit-Reset` (epoch seconds, as some vendors send; small values are read as delta seconds, as the
 * IETF draft defines them).
 */
export function serverRetryDelay(response: Response, now: number): number | undefined {
  const retryAfter = response.headers.get("retry-after");
  return (
    (retryAfter === null ? undefined : parseRetryAfter(retryAfter, now)) ??
    (response.status === 429 ? rateLimitResetDelay(response.headers, now) : undefined)
  );
}

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/** `Retry-After` as ms from `now`: delta seconds or an HTTP date; undefined if unreadable. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  if (SECONDS.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value.trim());
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Rate-limit reset headers as ms from `now`; undefined when absent or unreadable. */
export function rateLimitResetDelay(headers: Headers, now: number): number | undefined {
  const value = headers.get("x-ratelimit-reset") ?? headers.get("ratelimit-reset");
  if (value === null || !SECONDS.test(value)) return undefined;
  const ms = Math.ceil(Number(value) * 1000);
  // Anything past 2001-09-09 is an epoch timestamp; smaller numbers are seconds to wait.
  return ms >= 1e12 ? Math.max(0, ms - now) : ms;
}
