// An interpreter of the limits codegen copies from a spec's `x-rollcall-rate-limits`: a vendor's
// generated factory passes `rateLimiter(limits)` only when its spec has limits, so a client of a
// vendor without any bundles none of this.
import type { RateLimitOptions } from "../runtime/client-options";
import { checkOptionFields, isFunction, isMs, type OptionChecks } from "../runtime/retry-policy";
import type { RateLimitDescriptor } from "../runtime/vendor-descriptor";
import { readRateLimitHeaders } from "./rate-limit-headers";
import { TokenBucket } from "./token-bucket";

/** A token a call holds but must wait for: `wait` resolves when it may be sent. */
export interface Reservation {
  /** Sleeps until the token is due; rejects (returning the token) when `signal` aborts. */
  wait(signal: AbortSignal): Promise<void>;
}

/** A client's view of the process-wide buckets of its vendor's published limits. */
export interface RateLimiter {
  /** Takes a token of every limit the request counts against: undefined when it may go now. */
  acquire(request: Request): Reservation | undefined;
  /** Corrects the buckets from the vendor's rate-limit headers and from a 429. */
  observe(request: Request, response: Response): void;
}

/** What the limiter needs besides the limits: where the client goes, its credentials, its clock. */
export interface LimiterSettings {
  vendor: string;
  baseUrl: string;
  /** Every credential of the client: hashed into the bucket key, never kept. */
  secrets: readonly string[];
  /** The user's `rateLimit` option, unchecked. */
  options: unknown;
  /** The client's retry clock and sleep, when the options name none. */
  now: () => number;
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** How long the vendor asked to wait after a 429 without rate-limit headers (Retry-After). */
  retryDelay: (response: Response, now: number) => number | undefined;
}

/** Default longest wait for a token; a call that would wait longer is sent and the vendor decides. */
export const DEFAULT_MAX_WAIT_MS = 60_000;
// Bounds on what a vendor's headers may set, so a hostile or broken header cannot make a bucket
// that never refills (window of years) or lets everything through at once (limit of billions).
const MAX_LIMIT = 1_000_000;
const MIN_WINDOW_MS = 1_000;
const MAX_WINDOW_MS = 86_400_000;

// Every client of the process that calls the same origin with the same credential (any credential,
// for per-IP limits) shares these. Keys hold a hash of the credential, never the credential itself.
const buckets = new Map<string, TokenBucket>();

/**
 * A 64-bit non-cryptographic hash (cyrb53-style, two lanes). It only keys a map inside the
 * process: whoever can read that map can read the client holding the credential anyway.
 */
function fingerprint(text: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a limit counts `method path`, by its scope (every call when it has none). */
function scopeTest(limit: RateLimitDescriptor): (method: string, path: string) => boolean {
  const { scope } = limit;
  if (!scope) return () => true;
  const routes = (scope.routes ?? []).map((route) => {
    const [method, template = ""] = route.split(" ");
    const path = new RegExp(`^${escape(template).replace(/\\\{[^}]*\\\}/g, "[^/]+")}/?$`);
    return (m: string, p: string) => m === method && path.test(p);
  });
  return (method, path) =>
    (scope.methods?.includes(method as never) ?? false) || routes.some((r) => r(method, path));
}

/** Builds a client's limiter at construction; `fail` refuses a bad `rateLimit` option. */
export type RateLimiterFactory = (
  settings: LimiterSettings,
  fail: (field: string, message: string) => never,
) => RateLimiter | undefined;

/**
 * `VendorConfig.rateLimiter` for a vendor's published limits. Each client gets a limiter over
 * process-wide token buckets, one per limit: `requests × share` tokens refilled over
 * `windowMs ÷ timeScale`, keyed by vendor, limit id, the origin the client calls, the
 * credential's hash (per-key limits) and the time scale. `rateLimit: false` gives the client none.
 */
export function rateLimiter(limits: readonly RateLimitDescriptor[]): RateLimiterFactory {
  return (settings, fail) => {
    const options = checkRateLimitOptions(settings.options, fail);
    return options && limits.length ? createRateLimiter(limits, settings, options) : undefined;
  };
}

function createRateLimiter(
  limits: readonly RateLimitDescriptor[],
  settings: LimiterSettings,
  options: RateLimitOptions,
): RateLimiter {
  const { retryDelay } = settings;
  const share = options.share ?? 1;
  const scale = options.timeScale ?? 1;
  const now = options.now ?? settings.now;
  const sleep = options.sleep ?? settings.sleep;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const base = new URL(settings.baseUrl);
  const basePath = base.pathname.replace(/\/$/, "");
  const credential = fingerprint([...settings.secrets].sort().join("\n"));

  const paced = limits.map((limit) => {
    // The server that counts (its origin: a region, a proxy or a test server counts apart) and,
    // for a per-key limit, whose key.
    const key = [settings.vendor, limit.id, base.origin, limit.keyedBy === "ip" ? "" : credential];
    const id = `${key.join("\n")}\n${scale}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket(limit.requests * share, limit.windowMs / scale, now());
      buckets.set(id, bucket);
    }
    return { limit, bucket, counts: scopeTest(limit), windowMs: limit.windowMs / scale };
  });

  const counting = (request: Request) => {
    const { pathname } = new URL(request.url);
    const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
    return paced.filter((entry) => entry.counts(request.method, path));
  };

  return {
    acquire(request) {
      const at = now();
      const taken = counting(request);
      let ms = 0;
      for (const { bucket } of taken) ms = Math.max(ms, bucket.take(at));
      if (ms === 0) return undefined;
      const giveBack = () => taken.forEach(({ bucket }) => bucket.giveBack());
      // Longer than the caller would wait: send it now and let the vendor answer (a 429 then
      // reaches the caller as a RateLimitError with its retryAfterMs, as without a limiter).
      if (ms > maxWaitMs) return void giveBack();
      return {
        wait: async (signal) => {
          try {
            await sleep(ms, signal);
            // A timer may fire a little early (a busy event loop's clock lags): never send
            // before the token is due, or a vendor counting the same window answers 429.
            const early = at + ms - now();
            if (early > 0) await sleep(early, signal);
          } catch (reason) {
            giveBack();
            throw reason;
          }
        },
      };
    },

    observe(request, response) {
      const throttled = response.status === 429;
      if (!throttled && !paced.some((entry) => entry.limit.headers)) return;
      const at = now();
      for (const entry of counting(request)) {
        const { limit, bucket } = entry;
        const reading = limit.headers
          ? readRateLimitHeaders(limit.headers, response.headers, at)
          : {};
        if (reading.limit !== undefined || reading.windowMs !== undefined) {
          if (reading.windowMs !== undefined)
            entry.windowMs = clamp(reading.windowMs, MIN_WINDOW_MS, MAX_WINDOW_MS) / scale;
          const requests = Math.min(reading.limit ?? limit.requests, MAX_LIMIT);
          bucket.resize(requests * share, entry.windowMs, at);
        }
        if (reading.remaining !== undefined) bucket.atMost(reading.remaining * share, at);
        if (throttled || reading.throttled || reading.remaining === 0) {
          // Nothing left until the reset: at most one window away, whatever a header claims. A
          // 429 is waited out as the retry policy waits it (Retry-After first, then the reset),
          // so a vendor saying "Retry-After: 0" is not held for its whole window.
          let asked: number | undefined;
          if (throttled) {
            try {
              asked = retryDelay(response, at);
            } catch {
              // A broken vendor reader: fall back to the rate-limit headers.
            }
          }
          asked ??= reading.resetMs;
          const resetMs = asked === undefined || !Number.isFinite(asked) ? 0 : asked / scale;
          bucket.emptyFor(clamp(resetMs, 0, entry.windowMs), at);
        }
      }
    },
  };
}

const positive = (value: unknown) => isMs(value) && (value as number) > 0;
const OPTION_CHECKS: OptionChecks = {
  share: [(v) => positive(v) && (v as number) <= 1, "a fraction of the limit, 0 < share ≤ 1"],
  timeScale: [positive, "a finite number > 0"],
  maxWaitMs: [isMs, "a finite number of milliseconds ≥ 0"],
  now: [isFunction, "a function"],
  sleep: [isFunction, "a function"],
};

/** The client's `rateLimit` option checked: false (off), or its options (default: all defaults). */
function checkRateLimitOptions(
  options: unknown,
  fail: (field: string, message: string) => never,
): RateLimitOptions | false {
  if (options === undefined || options === false) return options ?? {};
  checkOptionFields(options, OPTION_CHECKS, "options.rateLimit", "rate-limit", fail);
  return options as RateLimitOptions;
}
