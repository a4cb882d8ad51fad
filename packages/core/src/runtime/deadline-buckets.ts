/**
 * Shared timeouts. A timer plus AbortController per request costs more than the whole 5% overhead
 * budget the runtime has over bare openapi-fetch, so requests that start within the same short
 * window (1% of the timeout, 1–100 ms) and share a timeout share one timer. Every request in a
 * bucket gets between `timeoutMs` and `timeoutMs × 1.01` before it is aborted.
 *
 * The bucket does not hand out one shared AbortSignal: undici makes every request follow its signal
 * with a listener that is only removed on garbage collection, and Node's EventTarget scans all of a
 * signal's listeners on each add, so one long-lived signal made loopback calls ~10% slower. Instead
 * `fetchInit.signal` is a getter that makes a fresh signal for each fetch that actually reads it
 * (an in-memory fetch that never does pays nothing), and the bucket's timer aborts them all.
 */
export interface DeadlineBucket {
  /** A fetch init whose `signal` getter makes one signal per read, aborted when the bucket fires. */
  readonly fetchInit: RequestInit;
  readonly closesAt: number;
  readonly timer: ReturnType<typeof setTimeout>;
  /** The timer went off: every request still in the bucket has used up its timeout. */
  fired: boolean;
  leases: number;
  /** No longer handed out; its timer is cleared once the last lease is released. */
  closed: boolean;
}

// One set of shared timers for every client in the process: more sharing, fewer timers.
const open = new Map<number, DeadlineBucket>();

/** A bucket whose signals abort at least `timeoutMs` from now. Pair with {@link releaseDeadline}. */
export function acquireDeadline(timeoutMs: number): DeadlineBucket {
  const now = Date.now();
  let bucket = open.get(timeoutMs);
  if (!bucket || now >= bucket.closesAt) {
    if (bucket) {
      bucket.closed = true;
      if (!bucket.leases) clearTimeout(bucket.timer);
    }
    bucket = openBucket(timeoutMs, now);
    open.set(timeoutMs, bucket);
  }
  bucket.leases++;
  return bucket;
}

export function releaseDeadline(bucket: DeadlineBucket): void {
  if (!--bucket.leases && bucket.closed) clearTimeout(bucket.timer);
}

function openBucket(timeoutMs: number, now: number): DeadlineBucket {
  const width = Math.min(100, Math.max(1, Math.floor(timeoutMs / 100)));
  // Signals handed out by this bucket; finished requests' ones are dropped with the bucket, and
  // aborting a finished fetch is a no-op.
  const controllers: AbortController[] = [];
  const timer = setTimeout(() => {
    bucket.fired = true;
    for (const controller of controllers) controller.abort();
  }, width + timeoutMs);
  // Never keep a process alive just to time out requests that already finished.
  (timer as { unref?: () => void }).unref?.();
  const bucket: DeadlineBucket = {
    // An own, enumerable getter: a fetch wrapper that spreads the init still gets a signal.
    fetchInit: {
      // Redirects are never followed (see RedirectError), whatever fetch is used.
      redirect: "manual",
      get signal() {
        const controller = new AbortController();
        if (bucket.fired) controller.abort();
        else controllers.push(controller);
        return controller.signal;
      },
    },
    closesAt: now + width,
    timer,
    fired: false,
    leases: 0,
    closed: false,
  };
  return bucket;
}
