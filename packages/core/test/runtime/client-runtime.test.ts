import { afterEach, describe, expect, it } from "vitest";
import {
  NetworkError,
  RateLimitError,
  ServerError,
  unwrap,
  type RetryInfo,
} from "../../src/runtime";
import { fakeClient, recordingSleep } from "./fake-vendor";
import { startScriptedServer } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = { status: 200, body: { users: [{ id: "u1" }] } } as const;

describe("retries", () => {
  it.each([408, 429, 500, 502, 503, 504])(
    "retries a GET answered %i, then succeeds",
    async (status) => {
      server = await startScriptedServer([{ status, body: { error: "try later" } }, ok]);
      const { sleep, waits } = recordingSleep();
      const retries: RetryInfo[] = [];
      const client = fakeClient(server.baseUrl, {
        retry: { sleep, random: () => 0.5, baseDelayMs: 100 },
        hooks: { onRetry: (info) => retries.push(info) },
      });
      const data = unwrap(await client.GET("/users"));
      expect(data.users).toEqual([{ id: "u1" }]);
      expect(server.seen).toHaveLength(2);
      expect(waits).toEqual([50]); // full jitter: random 0.5 × base 100 × 2^0
      expect(retries).toEqual([
        expect.objectContaining({
          attempt: 1,
          reason: "status",
          status,
          delayMs: 50,
          method: "GET",
        }),
      ]);
    },
  );

  it("grows the backoff ceiling exponentially, capped by maxDelayMs", async () => {
    server = await startScriptedServer([{ status: 503 }]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, {
      retry: { sleep, random: () => 0.999, baseDelayMs: 100, maxDelayMs: 250, maxRetries: 3 },
    });
    await client.GET("/users");
    expect(waits).toEqual([99, 199, 249]);
  });

  it("honours Retry-After in seconds", async () => {
    server = await startScriptedServer([{ status: 429, headers: { "retry-after": "7" } }, ok]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep } });
    await client.GET("/users");
    expect(waits).toEqual([7000]);
  });

  it("honours Retry-After as an HTTP date, against the injected clock", async () => {
    const now = Date.parse("2025-01-02T03:04:05Z");
    const later = new Date(now + 12_000).toUTCString();
    server = await startScriptedServer([{ status: 503, headers: { "retry-after": later } }, ok]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep, now: () => now } });
    await client.GET("/users");
    expect(waits).toEqual([12_000]);
  });

  it("honours Rootly's X-RateLimit-Reset epoch seconds on a 429", async () => {
    const now = Date.parse("2025-01-02T03:04:05Z");
    const reset = String(now / 1000 + 3);
    server = await startScriptedServer([
      { status: 429, headers: { "x-ratelimit-reset": reset } },
      ok,
    ]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep, now: () => now } });
    await client.GET("/users");
    expect(waits).toEqual([3000]);
  });

  it("does not sleep past maxDelayMs: returns the 429 with retryAfterMs instead", async () => {
    server = await startScriptedServer([{ status: 429, headers: { "retry-after": "600" } }, ok]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep, maxDelayMs: 60_000 } });
    const error = await client
      .GET("/users")
      .then(unwrap, (e: unknown) => e)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(600_000);
    expect(waits).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("never re-sends a POST by default", async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 201, body: { id: "u2" } }]);
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep } });
    const result = await client.POST("/users", { body: { name: "Ada" } });
    expect(result.response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  it("re-sends a POST, body intact, when that call opts in", async () => {
    server = await startScriptedServer([
      { status: 503 },
      { status: 502 },
      { status: 201, body: { id: "u2" } },
    ]);
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep } });
    const created = unwrap(
      await client.POST("/users", { body: { name: "Ada" }, retry: { retryNonIdempotent: true } }),
    );
    expect(created.id).toBe("u2");
    expect(server.seen.map((r) => r.body)).toEqual(Array(3).fill(JSON.stringify({ name: "Ada" })));
  });

  it("re-sends a PUT body on retry", async () => {
    server = await startScriptedServer([{ status: 500 }, { status: 204 }]);
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep } });
    await client.PUT("/users/{id}", { params: { path: { id: "u1" } }, body: { name: "Bo" } });
    expect(server.seen.map((r) => r.body)).toEqual([`{"name":"Bo"}`, `{"name":"Bo"}`]);
  });

  it("stops after maxRetries and reports the attempts", async () => {
    server = await startScriptedServer([{ status: 500, body: { error: "boom" } }]);
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep, maxRetries: 2 } });
    const error = await client
      .GET("/users")
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).attempts).toBe(3);
    expect(server.seen).toHaveLength(3);
  });

  it("does not retry a 400", async () => {
    server = await startScriptedServer([{ status: 400, body: { error: "bad" } }, ok]);
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep } });
    const result = await client.GET("/users");
    expect(result.response.status).toBe(400);
    expect(server.seen).toHaveLength(1);
  });

  it("turns a reset connection into a NetworkError after the retries", async () => {
    server = await startScriptedServer(["destroy"]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep, maxRetries: 2 } });
    const error = await client.GET("/users").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(3);
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
    expect(waits).toHaveLength(2);
    expect(server.seen).toHaveLength(3);
  });

  it("recovers when a reset connection is followed by an answer", async () => {
    server = await startScriptedServer(["destroy", ok]);
    const client = fakeClient(server.baseUrl, { retry: { sleep: async () => {} } });
    expect(unwrap(await client.GET("/users")).users).toHaveLength(1);
  });

  it("can turn retries off per call", async () => {
    server = await startScriptedServer([{ status: 503 }, ok]);
    const client = fakeClient(server.baseUrl, { retry: { sleep: async () => {} } });
    const result = await client.GET("/users", { retry: false });
    expect(result.response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });
});
