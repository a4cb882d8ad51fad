// The retry options a caller passes are checked when the client is made (or the call starts), and
// the client's own wait between attempts can be cut short by the caller's AbortSignal.
import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  ClientValidationError,
  RateLimitError,
  ServerError,
  createApiClient,
  rateLimitResetDelay,
  unwrap,
  type RetryOptions,
} from "../../src/runtime";
import { fakeClient, fakeVendor, recordingSleep } from "./fake-vendor";
import { startScriptedServer, type paths } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = { status: 200, body: { users: [{ id: "u1" }] } } as const;

/** The users a GET /users returns, or the error it ends in. */
function usersOrError(client: ReturnType<typeof fakeClient>): Promise<unknown> {
  return client
    .GET("/users")
    .then(unwrap)
    .catch((e: unknown) => e);
}

/** What creating a client with these retry options throws (undefined when it is accepted). */
function refusal(retry: unknown): unknown {
  try {
    createApiClient<paths>(fakeVendor(), { retry: retry as RetryOptions });
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("retry options", () => {
  it.each([
    ["maxRetries", -1, "must be a non-negative integer"],
    ["maxRetries", "3", "must be a non-negative integer"],
    ["baseDelayMs", -5, "must be a finite number of milliseconds ≥ 0"],
    ["baseDelayMs", "500", "must be a finite number of milliseconds ≥ 0"],
    ["maxDelayMs", Number.POSITIVE_INFINITY, "must be a finite number of milliseconds ≥ 0"],
    ["retryNonIdempotent", "yes", "must be a boolean"],
    ["sleep", 1000, "must be a function"],
    ["random", 0.5, "must be a function"],
    ["now", Date.now(), "must be a function"],
  ])("refuses %s = %j, naming the field", (key, value, problem) => {
    const error = refusal({ [key]: value });
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({ field: `options.retry.${key}`, problem });
  });

  it("refuses a misspelt option instead of ignoring it", () => {
    const error = refusal({ maxRetry: 5 });
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({
      field: "options.retry.maxRetry",
      problem: "is not a retry option",
    });
  });

  it.each([[true], [null], ["off"], [3]])("refuses retry: %j", (retry) => {
    const error = refusal(retry);
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({
      field: "options.retry",
      problem: "must be an object of retry options or false",
    });
  });

  it("accepts zero for counts and delays, and skips options left undefined", async () => {
    server = await startScriptedServer([{ status: 503 }, ok]);
    const client = fakeClient(server.baseUrl, {
      retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, random: undefined },
    });
    const outcome = await usersOrError(client);
    // No retry at all: maxRetries 0 means one attempt.
    expect(outcome).toBeInstanceOf(ServerError);
    expect(server.seen).toHaveLength(1);
  });

  it("retries with the default wait when no sleep is injected", async () => {
    server = await startScriptedServer([{ status: 503, headers: { "retry-after": "0" } }, ok]);
    const client = fakeClient(server.baseUrl, { retry: { baseDelayMs: 1 } });
    expect(await client.GET("/users").then(unwrap)).toEqual({ users: [{ id: "u1" }] });
    expect(server.seen).toHaveLength(2);
  });

  it("still reports the server's wait when retries are turned off", async () => {
    server = await startScriptedServer([{ status: 429, headers: { "retry-after": "5" } }, ok]);
    const client = fakeClient(server.baseUrl, { retry: false });
    const outcome = await usersOrError(client);
    expect(outcome).toBeInstanceOf(RateLimitError);
    expect(outcome).toMatchObject({ retryAfterMs: 5000, attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  it("falls back to its own backoff when a rate-limit reset header is unreadable", async () => {
    server = await startScriptedServer([
      { status: 429, headers: { "x-ratelimit-reset": "soon" } },
      ok,
    ]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, {
      retry: { sleep, baseDelayMs: 400, random: () => 0.5 },
    });
    expect(await client.GET("/users").then(unwrap)).toEqual({ users: [{ id: "u1" }] });
    expect(waits).toEqual([200]);
  });

  it("reports no wait when the only reset header is unreadable", async () => {
    server = await startScriptedServer([{ status: 429, headers: { "x-ratelimit-reset": "soon" } }]);
    const client = fakeClient(server.baseUrl, { retry: false });
    const outcome = await usersOrError(client);
    expect(outcome).toBeInstanceOf(RateLimitError);
    expect((outcome as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it("reads a reset of exactly 10^9 seconds as the epoch instant it names", () => {
    // 1e9 s since the epoch is 2001-09-09: long past, so no wait (not 31 years of one).
    const headers = new Headers({ "x-ratelimit-reset": "1000000000" });
    expect(rateLimitResetDelay(headers, Date.parse("2025-06-01T12:00:00Z"))).toBe(0);
  });
});

describe("aborting while the client waits to retry", () => {
  // The server asks for a 60 s wait (the default cap allows it): only the abort can end the call
  // before the test's own timeout.
  async function abortDuringRetryWait(abortWhen: "before-wait" | "during-wait") {
    server = await startScriptedServer([{ status: 503, headers: { "retry-after": "60" } }, ok]);
    const controller = new AbortController();
    const client = fakeClient(server.baseUrl, {
      hooks: {
        onRetry: () => {
          if (abortWhen === "before-wait") controller.abort();
          else setTimeout(() => controller.abort(), 20);
        },
      },
    });
    const outcome = await client
      .GET("/users", { signal: controller.signal })
      .catch((e: unknown) => e);
    return outcome;
  }

  it("ends the call when the signal aborts before the wait starts", async () => {
    expect(await abortDuringRetryWait("before-wait")).toBeInstanceOf(AbortError);
    expect(server!.seen).toHaveLength(1);
  });

  it("ends the call when the signal aborts during the wait", async () => {
    expect(await abortDuringRetryWait("during-wait")).toBeInstanceOf(AbortError);
    expect(server!.seen).toHaveLength(1);
  });
});
