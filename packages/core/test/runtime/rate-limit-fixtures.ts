// What the rate-limiter tests share: a limit like Rootly's, a fresh credential per test (the
// buckets are process-wide), and a fake clock that moves only when something sleeps.
import {
  rateLimiter,
  type ApiClientOptions,
  type RateLimitDescriptor,
  type VendorConfig,
} from "../../src/index";
import { fakeClient } from "./fake-vendor";

export const ok = { status: 200, body: { users: [] } } as const;

/** 2 calls a second per credential, with Rootly-style headers. */
export const perSecond = (overrides: Partial<RateLimitDescriptor> = {}): RateLimitDescriptor => ({
  id: "api",
  keyedBy: "credential",
  requests: 2,
  windowMs: 1000,
  headers: {
    limit: "x-ratelimit-limit",
    remaining: "x-ratelimit-remaining",
    reset: "x-ratelimit-reset",
    resetIn: "seconds",
  },
  source: "https://example.invalid/limits",
  ...overrides,
});

// Each test keys its buckets with its own credential: the registry is process-wide by design.
let keys = 0;
export const freshKey = () => `key-${Date.now()}-${++keys}`;

/** A clock (from `start` ms) that only moves when the limiter or a retry sleeps; every sleep is recorded. */
export function fakeTime(start = 1_000_000) {
  const time = { now: start, sleeps: [] as number[] };
  const sleep = async (ms: number, signal: AbortSignal | undefined) => {
    if (signal?.aborted) throw signal.reason;
    time.sleeps.push(ms);
    time.now += ms;
  };
  return { time, retry: { sleep, now: () => time.now, random: () => 0 } };
}

/** A fake vendor's client paced by `limits`, authenticating with `key` (or `vendor.auth`). */
export function limitedClient(
  baseUrl: string,
  key: string,
  retry: ApiClientOptions["retry"],
  options: Omit<ApiClientOptions, "retry"> = {},
  limits: RateLimitDescriptor[] = [perSecond()],
  vendor: Partial<VendorConfig> = {},
) {
  return fakeClient(
    baseUrl,
    { retry, ...options },
    { auth: { headers: { "X-Api-Key": key } }, rateLimiter: rateLimiter(limits), ...vendor },
  );
}

export const calls = async (count: number, call: () => Promise<unknown>) => {
  for (let i = 0; i < count; i++) await call();
};
