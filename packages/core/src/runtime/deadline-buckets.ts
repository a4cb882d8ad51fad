/**
 * Shared timeout signals. A timer plus AbortController per request costs more than the whole 5%
 * overhead budget the runtime has over bare openapi-fetch, so requests that start within the same
 * short window (1% of the timeout, 1–100 ms) and share a timeout share one controller and one timer.
 * Every request in a bucket gets between `timeoutMs` and `timeoutMs × 1.01` before it is aborted.
 */
export interface DeadlineBucket {
  readonly signal: AbortSignal;
  /** A fetch init carrying the signal, shared by every request in the bucket (fetch never mutates it). */
  readonly fetchInit: RequestInit;
  readonly closesAt: number;
  readonly timer: ReturnType<typeof setTimeout>;
  leases: number;
  /** No longer handed out; its timer is cleared once the last lease is released. */
  closed: boolean;
}

// One set of shared timers for every client in the process: more sharing, fewer timers.
const open = new Map<number, DeadlineBucket>();

/** A bucket whose signal aborts at least `timeoutMs` from now. Pair with {@link releaseDeadline}. */
export function acquireDeadline(timeoutMs: number): DeadlineBucket {
  const now = Date.now();
  let bucket = open.get(timeoutMs);
  if (!bucket || now >= bucket.closesAt) {
    if (bucket) {
      bucket.closed = true;
      if (!bucket.leases) clearTimeout(bucket.timer);
    }
    const width = Math.min(100, Math.max(1, Math.floor(timeoutMs / 100)));
    const controller = new AbortController();
    const signal = controller.signal;
    const timer = setTimeout(() => controller.abort(), width + timeoutMs);
    // Never keep a process alive just to time out requests that already finished.
    (timer as { unref?: () => void }).unref?.();
    bucket = {
      signal,
      fetchInit: { signal },
      closesAt: now + width,
      timer,
      leases: 0,
      closed: false,
    };
    open.set(timeoutMs, bucket);
  }
  bucket.leases++;
  return bucket;
}

export function releaseDeadline(bucket: DeadlineBucket): void {
  if (!--bucket.leases && bucket.closed) clearTimeout(bucket.timer);
}
