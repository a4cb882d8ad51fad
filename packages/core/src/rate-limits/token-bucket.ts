/**
 * A token bucket on an injected clock (ms): `capacity` tokens, refilled continuously at
 * `capacity / windowMs`. A call takes its token at once and is told how long to wait for it, so
 * concurrent callers queue in the order they asked without polling: no loop, no spinning.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private capacity: number,
    private windowMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  private get perMs(): number {
    return this.capacity / this.windowMs;
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

  /** The vendor states the limit or the window: adopt them (the caller has checked the values). */
  resize(capacity: number, windowMs: number, now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, capacity);
    this.capacity = capacity;
    this.windowMs = windowMs;
  }
}
