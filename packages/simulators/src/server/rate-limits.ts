// The vendors' published request limits (the spec's x-rollcall-rate-limits), enforced as token
// buckets: a bucket holds `requests` tokens and refills them evenly over the window, so the
// (N+1)th request of a burst is refused and a full window later the bucket is full again. Vendor
// time may run faster than the wall clock (`timeScale`); every time a header reports is wall-clock
// time, so a client that corrects itself from the headers is right.
/** One limit, as the spec states it (route keys in `toRouteKey` form). */
export interface RateLimitRule {
  id: string;
  keyedBy: "credential" | "ip";
  requests: number;
  windowMs: number;
  /** Methods (upper-case) whose calls count; with `routes`, either selects a call. */
  methods?: readonly string[];
  /** Route keys whose calls count, e.g. `GET /v1/users/{}`. */
  routes?: readonly string[];
  /** The vendor's rate-limit headers by role, lower-case. */
  headers?: {
    limit?: string;
    remaining?: string;
    reset?: string;
    resetIn?: "seconds" | "epoch-seconds";
    period?: string;
    state?: string;
  };
}

/** What a limit said about one request. */
export interface RateLimitVerdict {
  rule: RateLimitRule;
  allowed: boolean;
  /** Whole requests left in the bucket after this one. */
  remaining: number;
  /** Wall-clock time (ms since the epoch) at which the bucket is full again. */
  resetAtMs: number;
  /** The window's length in wall-clock seconds (the vendor's window over the time scale). */
  periodSeconds: number;
  /** Wall-clock time of the request, ms since the epoch. */
  nowMs: number;
}

/** The time the limits and the latency use; tests pass a fake one to step time without waiting. */
export interface SimulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Whether `rule` counts a call (`routeKey` undefined: a path the spec does not have). */
function selects(rule: RateLimitRule, method: string, routeKey: string | undefined): boolean {
  if (!rule.methods && !rule.routes) return true;
  if (routeKey === undefined) return false;
  return Boolean(rule.methods?.includes(method) || rule.routes?.includes(routeKey));
}

/** The buckets of one simulator. */
export class RateLimits {
  readonly #rules: readonly RateLimitRule[];
  readonly #timeScale: number;
  readonly #clock: SimulatorClock;
  readonly #buckets = new Map<string, Bucket>();

  constructor(rules: readonly RateLimitRule[], timeScale: number, clock: SimulatorClock) {
    this.#rules = rules;
    this.#timeScale = timeScale;
    this.#clock = clock;
  }

  /**
   * Counts a request against every limit of `keyedBy` that selects it, keyed by `key` (the
   * client's IP or credential). Refused when any bucket is empty, and then no bucket is charged.
   * Returns the verdict to report: the refusing limit's, else the one with the fewest left.
   */
  take(
    keyedBy: RateLimitRule["keyedBy"],
    key: string,
    method: string,
    routeKey: string | undefined,
  ): RateLimitVerdict | undefined {
    const now = this.#clock.now();
    const rules = this.#rules.filter(
      (rule) => rule.keyedBy === keyedBy && selects(rule, method, routeKey),
    );
    const buckets = rules.map((rule) => ({ rule, bucket: this.#refilled(rule, key, now) }));
    const empty = buckets.find(({ bucket }) => bucket.tokens < 1);
    if (empty) return this.#verdict(empty.rule, empty.bucket, false, now);
    for (const { bucket } of buckets) bucket.tokens -= 1;
    const verdicts = buckets.map(({ rule, bucket }) => this.#verdict(rule, bucket, true, now));
    return verdicts.sort(
      (a, b) => a.remaining / a.rule.requests - b.remaining / b.rule.requests,
    )[0];
  }

  /** The verdict a scripted 429 reports: the first limit selecting the call, empty. */
  throttled(method: string, routeKey: string | undefined): RateLimitVerdict | undefined {
    const rule = this.#rules.find((candidate) => selects(candidate, method, routeKey));
    if (!rule) return undefined;
    const now = this.#clock.now();
    return this.#verdict(rule, { tokens: 0, at: now }, false, now);
  }

  reset(): void {
    this.#buckets.clear();
  }

  /** Wall-clock milliseconds the bucket takes to refill one token. */
  #msPerToken(rule: RateLimitRule): number {
    return rule.windowMs / this.#timeScale / rule.requests;
  }

  #refilled(rule: RateLimitRule, key: string, now: number): Bucket {
    const name = `${rule.id}\u0000${key}`;
    let bucket = this.#buckets.get(name);
    if (!bucket) {
      bucket = { tokens: rule.requests, at: now };
      this.#buckets.set(name, bucket);
    }
    const earned = Math.max(0, now - bucket.at) / this.#msPerToken(rule);
    // A little slack so a bucket left a whole window is full despite floating-point division.
    bucket.tokens = Math.min(rule.requests, bucket.tokens + earned + 1e-9);
    bucket.at = now;
    return bucket;
  }

  #verdict(rule: RateLimitRule, bucket: Bucket, allowed: boolean, now: number): RateLimitVerdict {
    const missing = rule.requests - bucket.tokens;
    return {
      rule,
      allowed,
      remaining: Math.max(0, Math.floor(bucket.tokens)),
      resetAtMs: now + Math.max(0, missing) * this.#msPerToken(rule),
      periodSeconds: rule.windowMs / this.#timeScale / 1000,
      nowMs: now,
    };
  }
}

/** The vendor's headers for a verdict, from the roles the spec names; whole seconds, rounded up. */
export function rateLimitHeaders(verdict: RateLimitVerdict): Record<string, string> {
  const { rule, allowed, remaining, resetAtMs, periodSeconds, nowMs } = verdict;
  const names = rule.headers ?? {};
  const headers: Record<string, string> = {};
  if (names.limit) headers[names.limit] = String(rule.requests);
  if (names.remaining) headers[names.remaining] = String(remaining);
  if (names.reset) {
    headers[names.reset] = String(
      names.resetIn === "epoch-seconds"
        ? Math.ceil(resetAtMs / 1000)
        : Math.ceil((resetAtMs - nowMs) / 1000),
    );
  }
  if (names.period) headers[names.period] = String(Math.ceil(periodSeconds));
  if (names.state) headers[names.state] = allowed ? "OK" : "THROTTLED";
  return headers;
}

/** The wall clock, with sleeps the simulator can cancel when it closes. */
export function wallClock(timers: Set<NodeJS.Timeout>): SimulatorClock {
  return {
    now: () => Date.now(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
  };
}
