import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireDeadline, releaseDeadline } from "../../src/runtime/deadline-buckets";

// Distinct timeouts per test: buckets are shared process-wide, keyed by timeout.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("deadline buckets", () => {
  it("shares one bucket between requests that start together, but not their signals", () => {
    const first = acquireDeadline(1_001);
    const second = acquireDeadline(1_001);
    expect(second).toBe(first);
    const a = first.fetchInit.signal;
    const b = second.fetchInit.signal;
    expect(a).toBeInstanceOf(AbortSignal);
    expect(b).not.toBe(a);
    releaseDeadline(first);
    releaseDeadline(second);
  });

  it("aborts every signal it handed out once the timeout has passed", () => {
    const bucket = acquireDeadline(1_002);
    const signal = bucket.fetchInit.signal!;
    vi.advanceTimersByTime(1_002);
    expect(signal.aborted).toBe(false);
    expect(bucket.fired).toBe(false);
    vi.advanceTimersByTime(20); // the bucket's window (1% of the timeout)
    expect(signal.aborted).toBe(true);
    expect(bucket.fired).toBe(true);
    // A fetch that reads the signal only now gets one that is already aborted.
    expect(bucket.fetchInit.signal!.aborted).toBe(true);
    releaseDeadline(bucket);
  });

  it("keeps the signal when a fetch wrapper spreads the init", () => {
    const bucket = acquireDeadline(1_003);
    const spread: RequestInit = { ...bucket.fetchInit, redirect: "manual" };
    vi.advanceTimersByTime(1_100);
    expect(spread.signal?.aborted).toBe(true);
    releaseDeadline(bucket);
  });

  it("opens a new bucket after the window, and never aborts a finished one", () => {
    const early = acquireDeadline(1_004);
    const earlySignal = early.fetchInit.signal!;
    vi.advanceTimersByTime(11);
    const late = acquireDeadline(1_004);
    expect(late).not.toBe(early);
    releaseDeadline(early); // the old bucket is closed and now idle: its timer goes
    const lateSignal = late.fetchInit.signal!;
    vi.advanceTimersByTime(1_004 + 20); // past both buckets' deadlines
    expect(earlySignal.aborted).toBe(false);
    expect(lateSignal.aborted).toBe(true);
    releaseDeadline(late);
  });
});
