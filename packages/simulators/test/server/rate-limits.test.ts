// The vendors' published request limits, enforced over real HTTP on loopback. A fake clock stands
// still (so exactly N requests fit a window whatever the machine's load) and steps forward to
// refill a bucket without waiting.
import { Agent, request } from "node:http";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  startAll,
  startEagle,
  startOpsgenie,
  startRootly,
  startUptrends,
  type SimulatorClock,
} from "../../src/index";
import { bundledSpec } from "../../src/vendor-specs";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);

function fakeClock() {
  let now = START;
  const sleeps: number[] = [];
  const clock: SimulatorClock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms) };
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
afterAll(() => agent.destroy());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One request with node:http, so a test can pick the client's loopback address. */
function call(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    localAddress?: string;
  } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? "GET",
        headers: {
          ...options.headers,
          ...(payload !== undefined && { "content-type": "application/json" }),
        },
        // A different source address needs its own connection, not a pooled one.
        ...(options.localAddress ? { localAddress: options.localAddress } : { agent }),
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parse(text) }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `count` requests, 16 at a time; the statuses in the order they were sent. */
async function burst(count: number, send: () => Promise<Answer>): Promise<number[]> {
  const statuses: number[] = [];
  for (let done = 0; done < count; done += 16) {
    const batch = Array.from({ length: Math.min(16, count - done) }, send);
    statuses.push(...(await Promise.all(batch)).map((answer) => answer.status));
  }
  return statuses;
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>(
    (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  );

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((sim) => sim.close()));
});
function track<T extends { close(): Promise<void> }>(sim: T): T {
  closers.push(sim);
  return sim;
}

describe("eagle.io: 350 requests per 5 minutes per client IP", () => {
  async function eagle(options: { timeScale?: number; limits?: boolean } = {}) {
    const time = fakeClock();
    const sim = track(await startEagle({ seed: "docs", clock: time.clock, ...options }));
    const owner = (init: Parameters<typeof call>[1] = {}) =>
      call(`${sim.url}/api/v1/owners/account?attr=_id`, {
        ...init,
        headers: { "x-api-key": sim.credentials.apiKey, ...init.headers },
      });
    return { sim, owner, ...time };
  }

  it("refuses the 351st request with eagle.io's 429 body and no rate-limit headers", async () => {
    const { sim, owner } = await eagle();
    expect(tally(await burst(350, owner))).toEqual({ 200: 350 });
    const refused = await owner();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: 429, message: "Rate limit exceeded. Try again later." },
    });
    expect(
      Object.keys(refused.headers).filter((name) => /ratelimit|retry-after/.test(name)),
    ).toEqual([]);
    expect(sim.stats()).toEqual({ statuses: { "200": 350, "429": 1 }, throttled: { api: 1 } });
    expect(sim.contractViolations).toEqual([]);
  });

  it("counts by IP: a wrong key from the same address is refused too, another address is not", async () => {
    const { owner } = await eagle();
    await burst(350, owner);
    expect((await owner({ headers: { "x-api-key": "not-the-key" } })).status).toBe(429);
    expect((await owner({ localAddress: "127.0.0.2" })).status).toBe(200);
  });

  it("refills over the window, which the time scale shortens", async () => {
    const { owner, advance } = await eagle({ timeScale: 60 });
    await burst(351, owner);
    advance(2_500); // half of the 5-minute window at 60×: half the bucket
    expect(tally(await burst(176, owner))).toEqual({ 200: 175, 429: 1 });
    advance(5_000); // a whole scaled window: full again
    expect(tally(await burst(351, owner))).toEqual({ 200: 350, 429: 1 });

    const unscaled = await eagle();
    await burst(351, unscaled.owner);
    unscaled.advance(5_000); // 5 s of a 5-minute window: 350 × 5 / 300 = 5.8 requests
    expect(tally(await burst(7, unscaled.owner))).toEqual({ 200: 5, 429: 2 });
  });

  it("enforces nothing with limits: false", async () => {
    const { sim, owner } = await eagle({ limits: false });
    expect(tally(await burst(400, owner))).toEqual({ 200: 400 });
    expect(sim.stats().throttled).toEqual({});
  });

  it("lets a scripted fault win over the limits, and reset() refills the bucket", async () => {
    const { sim, owner } = await eagle();
    await burst(350, owner);
    sim.faults.once({ kind: "server-error", status: 503 });
    expect((await owner()).status).toBe(503);
    expect((await owner()).status).toBe(429);
    sim.reset();
    expect(sim.stats()).toEqual({ statuses: {}, throttled: {} });
    expect((await owner()).status).toBe(200);
  });
});

describe("a limit scoped to routes", () => {
  it("counts only the calls of its routes, a path template matching the concrete paths", async () => {
    const { clock } = fakeClock();
    const spec = {
      ...bundledSpec("eagle"),
      "x-rollcall-rate-limits": [
        {
          id: "group-deletes",
          keyedBy: "credential",
          requests: 2,
          windowSeconds: 60,
          scope: { routes: ["DELETE /api/v1/owners/account/groups/{id}"] },
          source: "https://example.test/limits",
        },
      ],
    };
    const sim = track(await startEagle({ seed: "docs", clock, spec }));
    const headers = { "x-api-key": sim.credentials.apiKey };
    const groups = `${sim.url}/api/v1/owners/account/groups`;
    const remove = (id: string) => call(`${groups}/${id}`, { method: "DELETE", headers });
    expect((await remove("0123456789abcdef01234567")).status).toBe(404);
    expect((await remove("fedcba9876543210fedcba98")).status).toBe(404);
    expect((await remove("00000000000000000000000a")).status).toBe(429);
    const owner = () => call(`${sim.url}/api/v1/owners/account?attr=_id`, { headers });
    expect(tally(await burst(5, owner))).toEqual({ 200: 5 });
    expect(sim.stats().throttled).toEqual({ "group-deletes": 1 });
  });
});

describe("Rootly: 3000 reads and, apart, 3000 writes per minute per API key", () => {
  it("counts GETs per key with X-RateLimit-* on every answer, and refuses the 3001st", async () => {
    const { clock } = fakeClock();
    const sim = track(await startRootly({ seed: "docs", clock }));
    const auth = { authorization: `Bearer ${sim.credentials.token}` };
    const roles = (init: Parameters<typeof call>[1] = {}) =>
      call(`${sim.url}/v1/incident_roles`, { ...init, headers: { ...auth, ...init.headers } });

    const first = await roles();
    expect(first.headers).toMatchObject({
      "x-ratelimit-limit": "3000, 3000;window=60",
      "x-ratelimit-remaining": "2999",
      "x-ratelimit-used": "1",
      // Full again once the one token is back (20 ms), rounded up to a whole second.
      "x-ratelimit-reset": String(START / 1000 + 1),
    });
    expect(tally(await burst(2999, roles))).toEqual({ 200: 2999 });
    const refused = await roles();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "Rate limit exceeded. Try again later." });
    expect(refused.headers).toMatchObject({
      "x-ratelimit-remaining": "0",
      "x-ratelimit-used": "3000",
      "x-ratelimit-reset": String(START / 1000 + 60),
    });
    expect(refused.headers["retry-after"]).toBeUndefined();

    // Writes have their own bucket; a wrong key is refused as unknown, not as throttled; and the
    // key, not the address, is what is counted.
    const write = await call(`${sim.url}/v1/users/999999`, {
      method: "DELETE",
      headers: auth,
    });
    expect(write.status).toBe(404);
    expect(write.headers["x-ratelimit-remaining"]).toBe("2999");
    expect((await roles({ headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await roles({ localAddress: "127.0.0.2" })).status).toBe(429);
    expect(sim.stats().throttled).toEqual({ reads: 2 });
  }, 60_000);

  it("reports the window and reset in wall-clock seconds under a time scale", async () => {
    const { clock } = fakeClock();
    const sim = track(await startRootly({ seed: "docs", clock, timeScale: 6 }));
    const answer = await call(`${sim.url}/v1/incident_roles`, {
      headers: { authorization: `Bearer ${sim.credentials.token}` },
    });
    expect(answer.headers["x-ratelimit-limit"]).toBe("3000, 3000;window=10");
  });
});

describe("OpsGenie: 600 configuration requests per minute per account", () => {
  it("refuses the 601st with THROTTLED, the reason and the period, v1 and v2 sharing the bucket", async () => {
    const { clock } = fakeClock();
    const sim = track(await startOpsgenie({ seed: "docs", clock, timeScale: 60 }));
    const key = sim.credentials.apiKey;
    const v1 = () =>
      call(`${sim.url}/v1.2/json/user?${new URLSearchParams({ apiKey: key, limit: "1" })}`);

    const first = await v1();
    expect(first.headers).toMatchObject({
      "x-ratelimit-state": "OK",
      "x-ratelimit-period-in-sec": "1",
    });
    expect(first.headers["x-ratelimit-reason"]).toBeUndefined();
    expect(tally(await burst(599, v1))).toEqual({ 200: 599 });
    const refused = await call(`${sim.url}/v2/users`, {
      headers: { authorization: `GenieKey ${key}` },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({
      "x-ratelimit-state": "THROTTLED",
      "x-ratelimit-reason": "ACCOUNT",
      "x-ratelimit-period-in-sec": "1",
    });
    expect(refused.headers["retry-after"]).toBeUndefined();
    expect(refused.body).toMatchObject({ code: 429 });
    expect(sim.stats()).toEqual({
      statuses: { "200": 600, "429": 1 },
      throttled: { configuration: 1 },
    });
  }, 60_000);
});

describe("Uptrends publishes no limit", () => {
  it("never throttles and sends no rate-limit headers", async () => {
    const { clock } = fakeClock();
    const sim = track(await startUptrends({ seed: "docs", clock }));
    const operators = () =>
      call(`${sim.url}/Operator`, { headers: { authorization: sim.credentials.authorization } });
    expect(tally(await burst(400, operators))).toEqual({ 200: 400 });
    const answer = await operators();
    expect(Object.keys(answer.headers).filter((name) => name.includes("ratelimit"))).toEqual([]);
  });
});

describe("latency, and startAll", () => {
  it("waits the mean latency give or take the jitter before each answer", async () => {
    const { clock, sleeps } = fakeClock();
    const sim = track(await startEagle({ seed: "docs", clock, latency: 50, jitter: 20 }));
    await burst(40, () =>
      call(`${sim.url}/api/v1/owners/account?attr=_id`, {
        headers: { "x-api-key": sim.credentials.apiKey },
      }),
    );
    expect(sleeps).toHaveLength(40);
    for (const ms of sleeps) {
      expect(ms).toBeGreaterThanOrEqual(30);
      expect(ms).toBeLessThanOrEqual(70);
    }
    expect(new Set(sleeps).size).toBeGreaterThan(1);
  });

  it("counts the latency from the request's arrival, its own work inside it, not added on top", async () => {
    // A clock that moves on each time it is read, as time passes while the simulator works.
    let now = START;
    const sleeps: number[] = [];
    const clock: SimulatorClock = {
      now: () => (now += step),
      sleep: async (ms) => void sleeps.push(ms),
    };
    let step = 4;
    const sim = track(await startEagle({ seed: "docs", clock, latency: 50, limits: false }));
    const owners = () =>
      call(`${sim.url}/api/v1/owners/account?attr=_id`, {
        headers: { "x-api-key": sim.credentials.apiKey },
      });
    expect((await owners()).status).toBe(200);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThan(50);
    // Work that outlasts the latency is answered as soon as it is done, with no wait after it.
    step = 60;
    expect((await owners()).status).toBe(200);
    expect(sleeps).toHaveLength(1);
  });

  it("passes the settings to every vendor and reports each one's answers", async () => {
    const all = track(await startAll({ seed: "docs", limits: false, timeScale: 60 }));
    await call(`${all.eagle.url}/api/v1/owners/account`, {
      headers: { "x-api-key": all.eagle.credentials.apiKey },
    });
    await call(`${all.rootly.url}/v1/users`);
    const stats = all.stats();
    expect(Object.keys(stats).sort()).toEqual(["eagle", "opsgenie", "rootly", "uptrends"]);
    expect(stats.eagle.statuses).toEqual({ "200": 1 });
    expect(stats.rootly.statuses).toEqual({ "401": 1 });
    expect(stats.uptrends.statuses).toEqual({});
  });

  it("rejects settings it cannot honour", async () => {
    await expect(startEagle({ timeScale: 0 })).rejects.toThrow(
      /timeScale must be a number above 0/,
    );
    await expect(startEagle({ latency: -5 })).rejects.toThrow(/latency must be from 0/);
    await expect(startEagle({ limits: "no" as unknown as boolean })).rejects.toThrow(
      /limits must be true or false/,
    );
  });
});
