// The timer a bucket shares may only go once nobody is left in it: a request must keep its timeout
// however the others that started beside it end.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireDeadline, releaseDeadline } from "../../src/runtime/deadline-buckets";

// Distinct timeouts per test: buckets are shared process-wide, keyed by timeout.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("deadline bucket leases", () => {
  it("still times out a request that joined after everyone before it had finished", () => {
    const first = acquireDeadline(2_001);
    first.fetchInit.signal;
    releaseDeadline(first); // the bucket is empty but its window is still open
    const second = acquireDeadline(2_001);
    expect(second).toBe(first);
    const signal = second.fetchInit.signal!;
    vi.advanceTimersByTime(2_001 + 21);
    expect(signal.aborted).toBe(true);
    releaseDeadline(second);
  });

  it("still times out a request whose bucket closed and whose neighbour finished", () => {
    const slow = acquireDeadline(2_002);
    const slowSignal = slow.fetchInit.signal!;
    const quick = acquireDeadline(2_002);
    vi.advanceTimersByTime(21); // past the window: the next request opens a new bucket
    const later = acquireDeadline(2_002);
    expect(later).not.toBe(slow);
    releaseDeadline(quick);
    vi.advanceTimersByTime(2_002);
    expect(slowSignal.aborted).toBe(true);
    releaseDeadline(slow);
    releaseDeadline(later);
  });
});
