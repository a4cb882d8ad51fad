// What the observing hooks tell an app about each call: every attempt, why a retry happened and how
// long it waits, the final status with its request id, and the error, in the order they happened.
// Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import type { ClientHooks } from "../../src/runtime";
import { fakeClient, recordingSleep } from "./fake-vendor";
import { closeAfterEach, startScriptedServer, type ScriptedServer } from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

/** Every hook, recording `[hook name, payload]` in call order. */
function recordingHooks() {
  const seen: [string, Record<string, unknown>][] = [];
  const hooks: ClientHooks = {
    onRequest: (info) => void seen.push(["request", { ...info }]),
    onResponse: (info) => void seen.push(["response", { ...info }]),
    onRetry: (info) => void seen.push(["retry", { ...info }]),
    onError: (info) => void seen.push(["error", { ...info }]),
  };
  return { seen, hooks };
}

describe("the observing hooks", () => {
  it("report each attempt, the retry's reason and wait, and the answer's status and request id", async () => {
    server = await startScriptedServer([
      { status: 503, body: { error: "busy" } },
      { status: 200, headers: { "x-request-id": "req-7" }, body: { users: [] } },
    ]);
    const { seen, hooks } = recordingHooks();
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, {
      hooks,
      retry: { maxRetries: 2, baseDelayMs: 100, random: () => 0.5, sleep },
    });
    const { data } = await client.GET("/users");
    expect(data).toEqual({ users: [] });
    const call = { vendor: "fakevendor", method: "GET", url: `${server.baseUrl}/users` };
    expect(seen.map(([name]) => name)).toEqual(["request", "retry", "request", "response"]);
    expect(seen[0]![1]).toEqual({ ...call, attempt: 1 });
    expect(seen[1]![1]).toEqual({
      ...call,
      attempt: 1,
      reason: "status",
      status: 503,
      delayMs: 50,
    });
    expect(seen[2]![1]).toEqual({ ...call, attempt: 2 });
    expect(seen[3]![1]).toMatchObject({ ...call, attempt: 2, status: 200, requestId: "req-7" });
    expect(seen[3]![1].elapsedMs).toBeGreaterThanOrEqual(0);
    expect(seen[3]![1].elapsedMs).toBeLessThan(60_000);
    expect(waits).toEqual([50]);
  });

  it("report a reset connection as a network retry with no status, and the final error", async () => {
    server = await startScriptedServer(["destroy"]);
    const { seen, hooks } = recordingHooks();
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, {
      hooks,
      retry: { maxRetries: 1, baseDelayMs: 10, random: () => 0, sleep },
    });
    await expect(client.GET("/users")).rejects.toMatchObject({ name: "NetworkError", attempts: 2 });
    expect(seen.map(([name]) => name)).toEqual(["request", "retry", "request", "error"]);
    expect(seen[1]![1]).toMatchObject({
      attempt: 1,
      reason: "network",
      status: undefined,
      delayMs: 0,
    });
    expect(seen[3]![1]).toMatchObject({ attempt: 2, error: { name: "NetworkError", attempts: 2 } });
  });

  it("report a failed answer to onResponse and then its ApiError to onError, once each", async () => {
    server = await startScriptedServer([
      { status: 404, headers: { "request-id": "r-404" }, body: { error: "no such user" } },
    ]);
    const { seen, hooks } = recordingHooks();
    const client = fakeClient(server.baseUrl, { hooks });
    const { error, response } = await client.GET("/users/{id}", { params: { path: { id: "u9" } } });
    expect(error).toEqual({ error: "no such user" });
    expect(response.status).toBe(404);
    expect(seen.map(([name]) => name)).toEqual(["request", "response", "error"]);
    expect(seen[1]![1]).toMatchObject({ attempt: 1, status: 404, requestId: "r-404" });
    expect(seen[2]![1]).toMatchObject({
      url: `${server.baseUrl}/users/u9`,
      attempt: 1,
      error: {
        name: "NotFoundError",
        status: 404,
        vendorMessage: "no such user",
        requestId: "r-404",
      },
    });
  });
});
