// Retries at their edges, as a caller meets them: a signal aborted before the call sends nothing,
// a body survives every re-send, a vendor's odd wait is tamed, and a failing wait is not hidden.
// Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import { AbortError, unwrap } from "../../src/runtime";
import { fakeClient, recordingSleep } from "./fake-vendor";
import { closeAfterEach, startScriptedServer, type ScriptedServer } from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

const ok = { status: 200, body: { users: [] } } as const;

describe("retries at their edges", () => {
  it("sends nothing when the caller's signal is already aborted", async () => {
    server = await startScriptedServer([ok]);
    const controller = new AbortController();
    controller.abort();
    const client = fakeClient(server.baseUrl);
    const error = await client
      .GET("/users", { signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.seen).toHaveLength(0);
  });

  it("re-sends a PUT body intact on every retry it is allowed", async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 500 }, { status: 204 }]);
    const { sleep } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { sleep, maxRetries: 2 } });
    const { response } = await client.PUT("/users/{id}", {
      params: { path: { id: "u1" } },
      body: { name: "Bo" },
    });
    expect(response.status).toBe(204);
    expect(server.seen.map((r) => r.body)).toEqual(Array(3).fill(`{"name":"Bo"}`));
  });

  it.each([
    ["a negative wait", () => -5, [0]],
    ["no number", () => Number.NaN, [50]],
    ["an infinite wait", () => Infinity, [50]],
    [
      "a reader that throws",
      () => {
        throw new Error("bad header");
      },
      [50],
    ],
  ])(
    "retries after %s from the vendor's wait reader at once or with its own backoff",
    async (_label, retryDelay, expected) => {
      server = await startScriptedServer([{ status: 503 }, ok]);
      const { sleep, waits } = recordingSleep();
      const client = fakeClient(
        server.baseUrl,
        { retry: { sleep, baseDelayMs: 100, random: () => 0.5 } },
        { retryDelay },
      );
      expect(unwrap(await client.GET("/users"))).toEqual({ users: [] });
      expect(waits).toEqual(expected);
      expect(server.seen).toHaveLength(2);
    },
  );

  it("fails the call with the wait's own error when the wait fails without an abort", async () => {
    server = await startScriptedServer([{ status: 503 }, ok]);
    const broken = new Error("scheduler is shutting down");
    const client = fakeClient(server.baseUrl, {
      retry: {
        sleep: async () => {
          throw broken;
        },
      },
    });
    await expect(client.GET("/users")).rejects.toBe(broken);
    expect(server.seen).toHaveLength(1);
  });
});
