import {
  NetworkError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  unwrap,
} from "@rollcall/core";
import type { Fault } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import type { RootlyClientOptions } from "../src/index";
import { FAST_RETRY, useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("docs");

const GET_ROUTE = "GET /v1/users/{}";
const POST_ROUTE = "POST /v1/incidents/{}/assign_role_to_user";
const INCIDENT = "af96c85d-324d-4189-9138-d393d9a12fb9";
const ROLE = "f8e941d9-1172-4544-afdc-b40f4eb20c77";

/** What the caller should see: the data after a retry, or this error. */
type Outcome =
  | { ok: true; attempts: number }
  | { error: new (...args: never[]) => Error; message?: RegExp; status?: number };

interface Case {
  name: string;
  fault: Fault;
  options?: Partial<RootlyClientOptions>;
  get: Outcome;
  post: Outcome;
}

const RATE_LIMIT_MESSAGE = /Rate limit exceeded\. Try again later\./;

const cases: Case[] = [
  {
    // The simulator's X-RateLimit-Reset is a minute away: longer than maxDelayMs, so no silent wait.
    name: "429 whose X-RateLimit-Reset is far off",
    fault: { kind: "rate-limit" },
    get: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
    post: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
  },
  {
    // An injected clock already past the reset: core reads X-RateLimit-Reset and retries at once.
    name: "429 whose X-RateLimit-Reset has passed",
    fault: { kind: "rate-limit" },
    options: { retry: { ...FAST_RETRY, now: () => Date.now() + 120_000 } },
    get: { ok: true, attempts: 2 },
    post: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
  },
  {
    name: "429 with Retry-After: 0",
    fault: { kind: "rate-limit", retryAfterSeconds: 0 },
    get: { ok: true, attempts: 2 },
    post: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
  },
  ...([500, 502, 503, 504] as const).map((status): Case => ({
    name: `${status}`,
    fault: { kind: "server-error", status },
    get: { ok: true, attempts: 2 },
    post: { error: ServerError, message: new RegExp(`simulated ${status}`), status },
  })),
  {
    name: "a delay past the timeout",
    fault: { kind: "delay", ms: 3_000 },
    options: { timeoutMs: 150 },
    get: { ok: true, attempts: 2 },
    post: { error: TimeoutError, message: /timed out after 150 ms/ },
  },
  {
    name: "a connection reset",
    fault: { kind: "connection-reset" },
    get: { ok: true, attempts: 2 },
    post: { error: NetworkError },
  },
  {
    name: "malformed JSON in a 200",
    fault: { kind: "malformed-json" },
    get: { error: ResponseParseError, message: /not valid JSON|expected a JSON body/ },
    post: { error: ResponseParseError, message: /not valid JSON|expected a JSON body/ },
  },
  {
    name: "an HTML 502 page",
    fault: { kind: "html-error-page" },
    get: { ok: true, attempts: 2 },
    post: { error: ServerError, status: 502 },
  },
  {
    name: "an empty 200 body",
    fault: { kind: "empty-body" },
    get: { error: ResponseParseError, message: /empty/ },
    post: { error: ResponseParseError, message: /empty/ },
  },
];

async function expectOutcome(call: () => Promise<unknown>, outcome: Outcome): Promise<void> {
  if ("ok" in outcome) {
    await expect(call()).resolves.toBeDefined();
    return;
  }
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(outcome.error);
  if (outcome.message) expect((error as Error).message).toMatch(outcome.message);
  if (outcome.status !== undefined)
    expect((error as { status: number }).status).toBe(outcome.status);
}

describe.each(cases)("Rootly fault: $name", ({ fault, options, get, post }) => {
  it("GET (idempotent)", async () => {
    const client = env.client(options);
    env.sim.faults.once(fault, { route: GET_ROUTE });
    await expectOutcome(async () => {
      const user = unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } } }));
      expect(user.data.id).toBe("317");
      return user;
    }, get);
    expect(env.sim.requestCount(GET_ROUTE)).toBe("ok" in get ? get.attempts : 1);
  });

  it("POST (not idempotent) never reaches the server twice", async () => {
    const client = env.client(options);
    env.sim.faults.once(fault, { route: POST_ROUTE });
    await expectOutcome(
      async () =>
        unwrap(
          await client.POST("/v1/incidents/{id}/assign_role_to_user", {
            params: { path: { id: INCIDENT } },
            body: {
              data: { type: "incidents", attributes: { user_id: "317", incident_role_id: ROLE } },
            },
          }),
        ),
      post,
    );
    expect(env.sim.requestCount(POST_ROUTE)).toBe(1);
  });
});
