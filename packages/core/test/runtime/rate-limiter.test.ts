// The client-side limiter as a caller meets it: calls wait for a token instead of meeting a 429,
// clients with one credential share a bucket, and hostile rate-limit headers neither stall nor spin
// it. On a fake clock whose sleeps are counted, over real loopback HTTP.
import { describe, expect, it } from "vitest";
import { AbortError, ClientValidationError, RateLimitError, unwrap } from "../../src/index";
import { calls, fakeTime, freshKey, limitedClient, ok, perSecond } from "./rate-limit-fixtures";
import {
  closeAfterEach,
  startScriptedServer,
  type Reply,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

describe("the client-side rate limiter", () => {
  it("lets 90% of the limit through at once, then paces each call to one token's worth", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 20, windowMs: 10_000 })];
    const client = limitedClient(server.baseUrl, freshKey(), retry, {}, limits);
    await calls(21, () => client.GET("/users"));
    expect(server.seen).toHaveLength(21);
    expect(time.sleeps).toEqual([500, 500, 500]);
  });

  it("shares one bucket between clients using the same credential", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const key = freshKey();
    const first = limitedClient(server.baseUrl, key, retry);
    const second = limitedClient(server.baseUrl, key, retry);
    const other = limitedClient(server.baseUrl, freshKey(), retry);
    await first.GET("/users");
    await other.GET("/users");
    expect(time.sleeps).toEqual([]);
    await second.GET("/users");
    expect(time.sleeps).toEqual([500]);
  });

  // Both pace to one token per 500 ms: half of 4 a second, or 2 per 10 s run ten times faster.
  it.each([
    ["uses only its share of the limit", { requests: 4 }, { share: 0.5 }],
    ["runs the vendor's window faster under a time scale", { windowMs: 10_000 }, { timeScale: 10 }],
  ] as const)("%s", async (_, limit, rateLimit) => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry, { rateLimit }, [
      perSecond(limit),
    ]);
    await calls(3, () => client.GET("/users"));
    expect(time.sleeps).toEqual([500, 500]);
  });

  it("waits for nothing when switched off", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry, { rateLimit: false });
    await calls(6, () => client.GET("/users"));
    expect(server.seen).toHaveLength(6);
    expect(time.sleeps).toEqual([]);
  });

  it("counts only the calls a limit's scope selects", async () => {
    server = await startScriptedServer((request) =>
      request.method === "POST" ? { status: 201, body: { id: "u1" } } : ok,
    );
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 1, scope: { routes: ["POST /users"] } })];
    const client = limitedClient(server.baseUrl, freshKey(), retry, {}, limits);
    await calls(3, () => client.GET("/users"));
    expect(time.sleeps).toEqual([]);
    await calls(2, () => client.POST("/users", { body: { name: "Bo" } }));
    expect(time.sleeps).toEqual([1000]);
  });

  it("drains the bucket on a 429 and retries a GET once the vendor's reset has passed", async () => {
    const throttled: Reply = { status: 429, headers: { "x-ratelimit-reset": "3" }, body: {} };
    server = await startScriptedServer([throttled, ok]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry);
    const { response } = await client.GET("/users");
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(2);
    // The retry waits out the reset; its token is due by then, so the limiter adds no second wait.
    expect(time.sleeps).toEqual([3000]);
  });

  it("waits out a 429 as its Retry-After says, even when its reset header names a later time", async () => {
    const throttled: Reply = {
      status: 429,
      headers: { "retry-after": "0", "x-ratelimit-reset": "50" },
      body: {},
    };
    server = await startScriptedServer([throttled, ok]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 100, windowMs: 60_000 })];
    const client = limitedClient(server.baseUrl, freshKey(), retry, {}, limits);
    const { response } = await client.GET("/users");
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(2);
    // Not the 50 s the reset header names: the vendor asked for an immediate retry.
    expect(Math.max(0, ...time.sleeps)).toBeLessThan(1000);
  });

  it("never re-sends a POST that met a 429, and makes the next call wait for the reset", async () => {
    const throttled: Reply = { status: 429, headers: { "x-ratelimit-reset": "2" }, body: {} };
    server = await startScriptedServer([throttled, { status: 201, body: { id: "u1" } }]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 20, windowMs: 10_000 })];
    const client = limitedClient(server.baseUrl, freshKey(), retry, {}, limits);
    const result = await client.POST("/users", { body: { name: "Bo" } });
    expect(() => unwrap(result)).toThrow(RateLimitError);
    expect(server.seen.filter((r) => r.method === "POST")).toHaveLength(1);
    await client.POST("/users", { body: { name: "Cy" } });
    // The reset, then one token's worth of refill (20 per 10 s).
    expect(time.sleeps).toEqual([2500]);
    expect(server.seen.map((r) => r.body)).toEqual(['{"name":"Bo"}', '{"name":"Cy"}']);
  });

  it("treats OpsGenie's THROTTLED state as an empty bucket until the period ends", async () => {
    const limits = [
      perSecond({
        requests: 10,
        headers: { state: "x-ratelimit-state", period: "x-ratelimit-period-in-sec" },
      }),
    ];
    server = await startScriptedServer([
      { ...ok, headers: { "x-ratelimit-state": "THROTTLED", "x-ratelimit-period-in-sec": "1" } },
      ok,
    ]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry, {}, limits);
    await calls(2, () => client.GET("/users"));
    // Emptied, then refilled at 10 a second: one token's worth.
    expect(time.sleeps).toEqual([100]);
  });

  it("gives the token back and throws an AbortError when the caller aborts while waiting", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 1 })];
    const key = freshKey();
    const client = limitedClient(server.baseUrl, key, retry, {}, limits);
    await client.GET("/users");
    const controller = new AbortController();
    const neverEnds = {
      ...retry,
      sleep: (_ms: number, signal: AbortSignal | undefined) =>
        new Promise<void>((_, reject) =>
          signal!.addEventListener("abort", () => reject(signal!.reason)),
        ),
    };
    const waiting = limitedClient(server.baseUrl, key, neverEnds, {}, limits);
    const pending = waiting.GET("/users", { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(server.seen).toHaveLength(1);
    // The abandoned token is back: the next call waits one interval, not two.
    await client.GET("/users");
    expect(time.sleeps).toEqual([1000]);
  });

  it("sends at once, instead of waiting longer than maxWaitMs, and lets the vendor decide", async () => {
    server = await startScriptedServer([ok]);
    const { time, retry } = fakeTime();
    const limits = [perSecond({ requests: 1, windowMs: 300_000 })];
    const client = limitedClient(
      server.baseUrl,
      freshKey(),
      retry,
      { rateLimit: { maxWaitMs: 1000 } },
      limits,
    );
    await calls(3, () => client.GET("/users"));
    expect(server.seen).toHaveLength(3);
    expect(time.sleeps).toEqual([]);
  });

  it("refuses rate-limit options it cannot use, naming the field", () => {
    for (const [rateLimit, field] of [
      [{ share: 0 }, "options.rateLimit.share"],
      [{ share: 1.5 }, "options.rateLimit.share"],
      [{ timeScale: -1 }, "options.rateLimit.timeScale"],
      [{ timeScale: Infinity }, "options.rateLimit.timeScale"],
      [{ maxWaitMs: "soon" }, "options.rateLimit.maxWaitMs"],
      [{ sleep: 5 }, "options.rateLimit.sleep"],
      [{ burst: 3 }, "options.rateLimit.burst"],
      [true, "options.rateLimit"],
    ] as const) {
      let thrown: unknown;
      try {
        limitedClient(
          "https://api.fake.invalid",
          freshKey(),
          {},
          { rateLimit: rateLimit as never },
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ClientValidationError);
      expect(thrown).toMatchObject({ field });
    }
  });
  it("names what it expected when refusing an option it does not know or a non-object", () => {
    for (const [rateLimit, expected] of [
      [{ burst: 3 }, /is not a rate-limit option/],
      [true, /must be an object of rate-limit options or false/],
    ] as const) {
      expect(() =>
        limitedClient(
          "https://api.fake.invalid",
          freshKey(),
          {},
          { rateLimit: rateLimit as never },
        ),
      ).toThrow(expected);
    }
  });
});

describe("the rate limiter against hostile rate-limit headers", () => {
  // Each case: the headers of the first answer, then the waits the next three calls may make.
  const hostile: [string, Record<string, string>, number[]][] = [
    // Past reset: nothing left, and the window is already over: one token's worth, not a stall.
    [
      "a reset in the past",
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0" },
      [500, 500, 500],
    ],
    [
      "a reset years away",
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "99999999999" },
      [1500, 500, 500],
    ],
    ["a limit of zero", { "x-ratelimit-limit": "0" }, [500, 500, 500]],
    [
      "a negative limit",
      { "x-ratelimit-limit": "-5", "x-ratelimit-remaining": "-1" },
      [500, 500, 500],
    ],
    [
      "garbage",
      { "x-ratelimit-limit": "lots", "x-ratelimit-remaining": "1e400", "x-ratelimit-reset": "NaN" },
      [500, 500, 500],
    ],
    // A descriptor naming no state or period header reads none, whatever a header is called.
    ["a header named `undefined`", { undefined: "5" }, [500, 500, 500]],
    [
      "a huge limit",
      { "x-ratelimit-limit": "9".repeat(15), "x-ratelimit-remaining": "9".repeat(15) },
      [1],
    ],
  ];

  it.each(hostile)("%s neither stalls nor spins", async (_, headers, expected) => {
    server = await startScriptedServer([{ ...ok, headers }, ok]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry);
    await calls(4, () => client.GET("/users"));
    expect(server.seen).toHaveLength(4);
    expect(time.sleeps).toEqual(expected);
  });

  it("never waits longer than one window, whatever a 429 claims", async () => {
    const forever: Reply = {
      status: 429,
      headers: { "x-ratelimit-reset": "99999999999", "retry-after": "99999999" },
      body: {},
    };
    server = await startScriptedServer([forever, ok]);
    const { time, retry } = fakeTime();
    const client = limitedClient(server.baseUrl, freshKey(), retry);
    // Longer than the retry policy allows: the caller gets the 429, as without a limiter.
    const first = await client.GET("/users");
    expect(first.response.status).toBe(429);
    await client.GET("/users");
    expect(time.sleeps).toHaveLength(1);
    expect(time.sleeps[0]).toBeLessThanOrEqual(1500);
  });
});

describe("the rate limiter on the real clock", () => {
  it("keeps fifteen concurrent calls under a server that enforces the same limit", async () => {
    // The server's own bucket: 10 calls in 3 s, the whole limit at once. It forgives a twentieth
    // of a token, for a timer that fires a millisecond early. The client's held-back tenth of the
    // burst absorbs 300 ms of its first calls being slow to connect on a loaded machine.
    const capacity = 10;
    const perMs = capacity / 3000;
    let tokens = capacity;
    let at = performance.now();
    server = await startScriptedServer(() => {
      const now = performance.now();
      tokens = Math.min(capacity, tokens + (now - at) * perMs);
      at = now;
      if (tokens < 0.95) return { status: 429, headers: { "retry-after": "1" }, body: {} };
      tokens -= 1;
      return ok;
    });
    const limits = [perSecond({ requests: capacity, windowMs: 3000 })];
    const client = limitedClient(server.baseUrl, freshKey(), { maxRetries: 0 }, {}, limits);
    const results = await Promise.all(Array.from({ length: 15 }, () => client.GET("/users")));
    expect(results.map((result) => result.response.status)).toEqual(Array(15).fill(200));
  });
});
