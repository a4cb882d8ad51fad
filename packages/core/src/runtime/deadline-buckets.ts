/**
 * Shared timeout signals. A timer plus AbortController per request costs more than the whole 5%
 * overhead budget the runtime has over bare openapi-fetch, so requests that start within the same
 * short window (1% of the timeout, 1–100 ms) and share a timeout share one controller and one timer.
 * Every request in a bucket gets between `timeoutMs` and `timeoutMs × 1.01` before it is aborted.
 */
export class DeadlineBuckets {
  readonly #open = new Map<number, DeadlineBucket>();

  /** A bucket whose signal aborts at least `timeoutMs` from now. Pair with {@link release}. */
  acquire(timeoutMs: number): DeadlineBucket {
    const now = Date.now();
    let bucket = this.#open.get(timeoutMs);
    if (bucket === undefined || now >= bucket.closesAt) {
      if (bucket !== undefined) bucket.close();
      const width = Math.min(100, Math.max(1, Math.floor(timeoutMs / 100)));
      bucket = new DeadlineBucket(now + width, width + timeoutMs);
      this.#open.set(timeoutMs, bucket);
    }
    bucket.leases++;
    return bucket;
  }

  release(bucket: DeadlineBucket): void {
    if (--bucket.leases === 0 && bucket.closed) bucket.dispose();
  }
}

export class DeadlineBucket {
  leases = 0;
  /** No longer handed out; its timer is cleared once the last lease is released. */
  closed = false;
  readonly closesAt: number;
  readonly #controller = new AbortController();
  readonly signal: AbortSignal = this.#controller.signal;
  /** A fetch init carrying the signal, shared by every request in the bucket (fetch never mutates it). */
  readonly fetchInit: RequestInit = { signal: this.signal };
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(closesAt: number, firesInMs: number) {
    this.closesAt = closesAt;
    this.#timer = setTimeout(() => this.#controller.abort(), firesInMs);
    // Never keep a process alive just to time out requests that already finished.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  close(): void {
    this.closed = true;
    if (this.leases === 0) this.dispose();
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
