import type { RateLimitDescriptor } from "../runtime/vendor-descriptor";

/** What a response's rate-limit headers say, each value already checked; absent when unusable. */
export interface RateLimitReading {
  limit?: number;
  remaining?: number;
  /** ms from now until the window resets (never negative). */
  resetMs?: number;
  windowMs?: number;
  /** The state header reads THROTTLED: nothing is left. */
  throttled?: boolean;
}

// Plain decimal numbers only: signs, exponents, hex, "Infinity" and junk are ignored, not guessed.
const DECIMAL = /^\s*\d{1,15}(\.\d{1,6})?\s*$/;
const number = (value: string | null) =>
  value !== null && DECIMAL.test(value) ? Number(value) : undefined;

/**
 * Reads a limit's headers (names from its descriptor) off a response. Garbage in a header leaves
 * that value out; a reset in the past reads as 0. Epoch resets are told from delta ones by the
 * descriptor's `resetIn`, else by size (past 2001-09-09 in ms is an epoch, as retry-policy reads it).
 */
export function readRateLimitHeaders(
  names: NonNullable<RateLimitDescriptor["headers"]>,
  headers: Headers,
  now: number,
): RateLimitReading {
  const get = (name: string | undefined) => (name === undefined ? null : headers.get(name));
  const reading: RateLimitReading = {};
  const limit = number(get(names.limit));
  if (limit !== undefined && limit >= 1) reading.limit = Math.floor(limit);
  const remaining = number(get(names.remaining));
  if (remaining !== undefined) reading.remaining = Math.floor(remaining);
  const reset = number(get(names.reset));
  if (reset !== undefined) {
    const epoch = names.resetIn === "epoch-seconds" || (!names.resetIn && reset * 1000 >= 1e12);
    reading.resetMs = Math.max(0, Math.ceil(epoch ? reset * 1000 - now : reset * 1000));
  }
  const period = number(get(names.period));
  if (period !== undefined && period > 0) reading.windowMs = period * 1000;
  if (get(names.state)?.trim().toUpperCase() === "THROTTLED") reading.throttled = true;
  return reading;
}
