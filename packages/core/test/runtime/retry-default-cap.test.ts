// The README promise: a client never sleeps past `retry.maxDelayMs`, 60 s unless the caller says
// otherwise. Every other retry test passes its own cap; these pass none, so they hold the default.
import { afterEach, describe, expect, it } from "vitest";
import { RateLimitError, unwrap } from "../../src/runtime";
import { fakeClient, recordingSleep } from "./fake-vendor";
import { startScriptedServer } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = { status: 200, body: { users: [{ id: "u1" }] } } as const;

async function getAfter429(retryAfterSeconds: string) {
  server = await startScriptedServer([
    { status: 429, headers: { "retry-after": retryAfterSeconds } },
    ok,
  ]);
  const { sleep, waits } = recordingSleep();
  // `sleep` only stops the test from really waiting; no cap is given.
  const client = fakeClient(server.baseUrl, { retry: { sleep } });
  const outcome = await client
    .GET("/users")
    .then(unwrap)
    .catch((error: unknown) => error);
  return { outcome: outcome as unknown, waits, requests: server.seen.length };
}

describe("the default cap on a server-requested wait", () => {
  it("waits as long as the server asks, up to 60 s, then retries", async () => {
    const { outcome, waits, requests } = await getAfter429("60");
    expect(outcome).toEqual({ users: [{ id: "u1" }] });
    expect(waits).toEqual([60_000]);
    expect(requests).toBe(2);
  });

  it("hands back a longer wait as a RateLimitError instead of sleeping", async () => {
    const { outcome, waits, requests } = await getAfter429("61");
    expect(outcome).toBeInstanceOf(RateLimitError);
    expect((outcome as RateLimitError).retryAfterMs).toBe(61_000);
    expect(waits).toEqual([]);
    expect(requests).toBe(1);
  });

  it("holds for a client made with no retry options at all", async () => {
    server = await startScriptedServer([{ status: 429, headers: { "retry-after": "3600" } }, ok]);
    const client = fakeClient(server.baseUrl);
    const outcome = await client
      .GET("/users")
      .then(unwrap)
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(RateLimitError);
    expect((outcome as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(server.seen).toHaveLength(1);
  });
});
