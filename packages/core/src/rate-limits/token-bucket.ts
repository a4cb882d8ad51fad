/**
 * The burst a bucket allows, as a fraction of the limit. Network jitter can bunch calls sent apart
 * so that they reach the vendor together; keeping a tenth of the burst back absorbs that bunching
 * (up to a tenth of the window) without slowing the steady rate.
 */
const BURST = 0.9;

/**
 * A token bucket on an injected clock (ms) for `limit` calls per `windowMs`: it refills
 * continuously at `limit / windowMs` and holds at most 90% of the limit (at least one token). A
 * call takes its token at once and is told how long to wait for it, so concurrent callers queue in
 * the order they asked without polling: no loop, no spinning.
 */
export class TokenBucket {
  private capacity = 0;
  private perMs = 0;
  private tokens: number;
  private at: number;

  constructor(limit: number, windowMs: number, now: number) {
    this.at = now;
    this.resize(limit, windowMs, now);
    this.tokens = this.capacity;
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
      this.at = now;
    }
  }

  /** Takes one token: how many ms until it is ours (0: now). */
  take(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.perMs);
  }

  /** Returns a token taken but not spent (the call gave up waiting). */
  giveBack(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }

  /** The vendor says only `remaining` calls are left: never believe we have more. */
  atMost(remaining: number, now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, remaining);
  }

  /** No token until `ms` from now (a 429, or nothing left until the window resets). */
  emptyFor(ms: number, now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, -ms * this.perMs);
  }

  /** `limit` calls per `windowMs` from now on (the caller has checked the values). */
  resize(limit: number, windowMs: number, now: number): void {
    this.refill(now);
    this.capacity = Math.min(limit, Math.max(1, Math.floor(limit * BURST)));
    this.perMs = limit / windowMs;
    this.tokens = Math.min(this.tokens, this.capacity);
  }
}
