// What the limiter makes of what a vendor says, and which calls share which bucket: reset headers
// in each form a vendor writes them, stated limits, remaining counts and periods (in the client's
// share and time scale), scopes by method and route under a base path, per-IP and per-credential
// keys, and the longest wait. On a fake clock whose sleeps are counted, over real loopback HTTP.
import { describe, expect, it } from "vitest";
import { rateLimiter, type RateLimitDescriptor } from "../../src/index";
import { calls, fakeTime, freshKey, limitedClient, ok, perSecond } from "./rate-limit-fixtures";
import {
  closeAfterEach,
  startScriptedServer,
  type Reply,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

// 2027-01-15 in ms: a clock where epoch resets look as vendors send them.
const NOW = 1_800_000_000_000;
/** 20 calls per 10 s: one token's worth is 500 ms, and the window is long enough to see a reset. */
const slow = (overrides: Partial<RateLimitDescriptor> = {}) =>
  perSecond({ requests: 20, windowMs: 10_000, ...overrides });
const headerNames = (resetIn?: "seconds" | "epoch-seconds") => ({
  remaining: "x-ratelimit-remaining",
  reset: "x-ratelimit-reset",
  ...(resetIn && { resetIn }),
});

/** The waits of `count` calls after a first answer of `first`. */
async function waitsAfter(
  first: Reply,
  limits: RateLimitDescriptor[],
  { count = 2, start = NOW, rateLimit = {} } = {},
) {
  server = await startScriptedServer([first, ok]);
  const { time, retry } = fakeTime(start);
  const client = limitedClient(server.baseUrl, freshKey(), retry, { rateLimit }, limits);
  await calls(count, () => client.GET("/users"));
  return time.sleeps;
}

describe("the limiter reading a vendor's reset header", () => {
  // Nothing left until the reset: the next call waits for it and one token's refill (500 ms).
  it.each([
    ["seconds to wait", "seconds", "3", NOW, 3500],
    ["an epoch time", "epoch-seconds", String(NOW / 1000 + 3), NOW, 3500],
    ["an epoch time long past", "epoch-seconds", "3", NOW, 500],
    ["an epoch time, told by its size", undefined, String(NOW / 1000 + 3), NOW, 3500],
    ["seconds to wait, told by their size", undefined, "3", NOW, 3500],
    ["2001-09-09, the first time read as epoch", undefined, "1000000000", 1e12 - 3000, 3500],
    // Seconds as the descriptor says, so a year away: never more than one window.
    ["a huge number of seconds", "seconds", String(NOW / 1000 + 3), NOW, 10_500],
  ] as const)("reads %s", async (_, resetIn, reset, start, wait) => {
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset };
    const limits = [slow({ headers: headerNames(resetIn) })];
    expect(await waitsAfter({ ...ok, headers }, limits, { start })).toEqual([wait]);
  });

  it("is not cut short by a Retry-After on an answer that is not a 429", async () => {
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "3", "retry-after": "0" };
    const limits = [slow({ headers: headerNames("seconds") })];
    expect(await waitsAfter({ ...ok, headers }, limits)).toEqual([3500]);
  });
});

describe("the limiter following a vendor's stated limit, remaining count and period", () => {
  it("takes a stated limit of one call per window", async () => {
    const limits = [perSecond()];
    const first = { ...ok, headers: { "x-ratelimit-limit": "1" } };
    expect(await waitsAfter(first, limits, { count: 3 })).toEqual([1000, 1000]);
  });

  it("believes a stated remaining count and limit, in its share of them", async () => {
    // Half of 20 per 10 s: one token's worth is 1 s; the vendor says one call (its half of 2) is left.
    const headers = { "x-ratelimit-limit": "20", "x-ratelimit-remaining": "2" };
    const sleeps = await waitsAfter({ ...ok, headers }, [slow()], {
      count: 3,
      rateLimit: { share: 0.5 },
    });
    expect(sleeps).toEqual([1000]);
  });

  it("keeps a stated limit in the client's time scale", async () => {
    // 2 per 10 s run ten times faster: 2 a second, whatever the vendor's limit header repeats.
    const headers = { "x-ratelimit-limit": "2" };
    const limits = [perSecond({ windowMs: 10_000 })];
    const sleeps = await waitsAfter({ ...ok, headers }, limits, {
      count: 3,
      rateLimit: { timeScale: 10 },
    });
    expect(sleeps).toEqual([500, 500]);
  });

  // OpsGenie states the period of its limit: 10 calls per period, the bucket empty when THROTTLED.
  it.each([
    ["a period of 5 s", "5", 1, [500]],
    ["a period of 0 s as no period", "0", 1, [1000]],
    ["a period of 5 s in the client's time scale", "5", 10, [50]],
  ] as const)("takes %s", async (_, period, timeScale, waits) => {
    const headers = { "x-ratelimit-state": "THROTTLED", "x-ratelimit-period-in-sec": period };
    const limits = [
      perSecond({
        requests: 10,
        windowMs: 10_000 * timeScale,
        headers: { state: "x-ratelimit-state", period: "x-ratelimit-period-in-sec" },
      }),
    ];
    const rateLimit = { timeScale };
    expect(await waitsAfter({ ...ok, headers }, limits, { rateLimit })).toEqual(waits);
  });

  it("follows the one limit with headers when another limit has none", async () => {
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "3" };
    const limits = [slow({ id: "burst", headers: undefined }), slow()];
    expect(await waitsAfter({ ...ok, headers }, limits)).toEqual([3500]);
  });
});

describe("the limiter after a 429 a POST cannot retry", () => {
  const posts = async (
    first: Reply,
    limits: RateLimitDescriptor[],
    options: Parameters<typeof limitedClient>[3] = {},
    vendor: Parameters<typeof limitedClient>[5] = {},
  ) => {
    server = await startScriptedServer([first, { status: 201, body: { id: "u1" } }]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry, options, limits, vendor);
    await calls(2, () => client.POST("/users", { body: { name: "Bo" } }));
    expect(server.seen).toHaveLength(2);
    return time.sleeps;
  };

  it("empties even a limit without rate-limit headers until the Retry-After", async () => {
    const throttled = { status: 429, headers: { "retry-after": "2" }, body: {} };
    expect(await posts(throttled, [slow({ headers: undefined })])).toEqual([2500]);
  });

  it("waits a Retry-After in the client's time scale", async () => {
    // 20 per 100 s ten times faster; the vendor's 2 s are 200 ms here, then one token's worth.
    const throttled = { status: 429, headers: { "retry-after": "2" }, body: {} };
    const limits = [slow({ windowMs: 100_000 })];
    expect(await posts(throttled, limits, { rateLimit: { timeScale: 10 } })).toEqual([700]);
  });

  it.each([NaN, Infinity])(
    "takes a vendor's wait reader answering %s as no wait, not a stall",
    async (answer) => {
      const throttled = { status: 429, body: {} };
      const sleeps = await posts(throttled, [slow()], {}, { retryDelay: () => answer });
      expect(sleeps).toEqual([500]);
    },
  );
});

describe("which calls a limit counts", () => {
  const counted = async (
    limit: Partial<RateLimitDescriptor>,
    send: (client: ReturnType<typeof limitedClient>) => Promise<unknown>,
    base = "",
  ) => {
    server = await startScriptedServer(() => ok);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 1, ...limit })];
    const client = limitedClient(`${server.baseUrl}${base}`, freshKey(), retry, {}, limits);
    await calls(2, () => send(client));
    return time.sleeps;
  };
  const get = (path: string) => (client: ReturnType<typeof limitedClient>) =>
    client.GET(path as "/users");
  const scope = { routes: ["POST /users", "GET /users/{userId}"] };

  it("counts the methods its scope names", async () => {
    const post = (client: ReturnType<typeof limitedClient>) =>
      client.POST("/users", { body: { name: "Bo" } });
    expect(await counted({ scope: { methods: ["POST"] } }, post)).toEqual([1000]);
    expect(await counted({ scope: { methods: ["POST"] } }, get("/users"))).toEqual([]);
  });

  it("counts a templated route of its scope, and only that route", async () => {
    expect(await counted({ scope }, get("/users/u-42"))).toEqual([1000]);
    expect(await counted({ scope }, get("/users"))).toEqual([]);
    expect(await counted({ scope }, get("/users/u-42/teams"))).toEqual([]);
  });

  it("matches routes below the base URL's path", async () => {
    expect(await counted({ scope }, get("/users/u-42"), "/api/v2/")).toEqual([1000]);
    expect(await counted({ scope }, get("/users/u-42"), "/api/v2")).toEqual([1000]);
  });
});

describe("which clients share a bucket", () => {
  /** Whether a client of `second` waits after one call of a client of `first`. */
  const shares = async (
    first: Parameters<typeof limitedClient>[5],
    second: Parameters<typeof limitedClient>[5],
    limit: Partial<RateLimitDescriptor> = {},
  ) => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 1, ...limit })];
    const client = (vendor: typeof first) =>
      limitedClient(server!.baseUrl, freshKey(), retry, {}, limits, vendor);
    await client(first).GET("/users");
    await client(second).GET("/users");
    return time.sleeps.length > 0;
  };
  const keyed = (headers: Record<string, string>) => ({ auth: { headers } });

  it("shares a per-IP limit between clients with different credentials", async () => {
    expect(await shares({}, {}, { keyedBy: "ip" })).toBe(true);
  });

  it("shares a bucket between clients listing the same credentials in another order", async () => {
    const [a, b] = [freshKey(), freshKey()];
    expect(
      await shares(
        keyed({ "X-Api-Key": a, "X-Api-Id": b }),
        keyed({ "X-Api-Id": b, "X-Api-Key": a }),
      ),
    ).toBe(true);
  });

  it("keeps apart credentials that only spell the same text run together", async () => {
    const key = freshKey();
    const first = keyed({ "X-Api-Key": key, "X-Api-Id": "mz" });
    const second = keyed({ "X-Api-Key": `${key}m`, "X-Api-Id": "z" });
    expect(await shares(first, second)).toBe(false);
  });

  it("keeps apart vendors and limits whose names only spell the same text run together", async () => {
    const key = freshKey();
    const auth = keyed({ "X-Api-Key": key });
    const first = { ...auth, vendor: "acme" };
    const second = {
      ...auth,
      vendor: "acmeapi",
      rateLimiter: rateLimiter([perSecond({ requests: 1, id: "limit" })]),
    };
    expect(await shares(first, second, { id: "apilimit" })).toBe(false);
  });
});

describe("the limiter's longest wait", () => {
  const waits = async (windowMs: number, rateLimit: object) => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 1, windowMs })];
    const client = limitedClient(server.baseUrl, freshKey(), retry, { rateLimit }, limits);
    await calls(2, () => client.GET("/users"));
    expect(server.seen).toHaveLength(2);
    return time.sleeps;
  };

  it("waits up to 60 s by default, and sends a call that would wait longer", async () => {
    expect(await waits(60_000, {})).toEqual([60_000]);
    expect(await waits(300_000, {})).toEqual([]);
  });

  it("waits exactly maxWaitMs, and sends a call that would wait longer", async () => {
    expect(await waits(1000, { maxWaitMs: 1000 })).toEqual([1000]);
    expect(await waits(5000, { maxWaitMs: 1000 })).toEqual([]);
  });

  it("takes a share of exactly 1 as the whole limit", async () => {
    expect(await waits(1000, { share: 1 })).toEqual([1000]);
  });
});

describe("the limiter's clock", () => {
  it("never sends before the token is due when a timer fires early", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    // The first timer fires 7 ms early, as a busy event loop's may.
    let timers = 0;
    const early = (ms: number, signal: AbortSignal | undefined) =>
      retry.sleep(timers++ === 0 ? ms - 7 : ms, signal);
    const client = limitedClient(server.baseUrl, freshKey(), { ...retry, sleep: early });
    await calls(2, () => client.GET("/users"));
    expect(time.sleeps).toEqual([493, 7]);
  });

  it("lets calls through when the clock steps back, instead of draining the bucket", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime(NOW);
    const client = limitedClient(server.baseUrl, freshKey(), retry, {}, [slow()]);
    await client.GET("/users");
    time.now -= 60_000;
    await calls(3, () => client.GET("/users"));
    expect(time.sleeps).toEqual([]);
  });
});
