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
import type { UptrendsClientOptions } from "../src/index";
import { THIRD_OPERATOR, useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("docs");

const GET_ROUTE = "GET /Operator/{}";
const POST_ROUTE = "POST /Operator";

/** What the caller should see: the data after a retry, or this error. */
type Outcome =
  | { ok: true; attempts: number }
  | { error: new (...args: never[]) => Error; message?: RegExp; status?: number };

interface Case {
  name: string;
  fault: Fault;
  options?: Partial<UptrendsClientOptions>;
  get: Outcome;
  post: Outcome;
}

const RATE_LIMIT_MESSAGE = /Rate limit exceeded\. Try again later\./;

const cases: Case[] = [
  {
    // Uptrends sends no rate-limit headers: plain backoff.
    name: "429 without Retry-After",
    fault: { kind: "rate-limit" },
    get: { ok: true, attempts: 2 },
    post: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
  },
  {
    name: "429 with Retry-After: 0",
    fault: { kind: "rate-limit", retryAfterSeconds: 0 },
    get: { ok: true, attempts: 2 },
    post: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
  },
  {
    // Longer than maxDelayMs: handed back at once rather than slept on.
    name: "429 with a long Retry-After",
    fault: { kind: "rate-limit", retryAfterSeconds: 120 },
    get: { error: RateLimitError, message: RATE_LIMIT_MESSAGE, status: 429 },
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

describe.each(cases)("Uptrends fault: $name", ({ fault, options, get, post }) => {
  it("GET (idempotent)", async () => {
    const client = env.client(options);
    env.sim.faults.once(fault, { route: GET_ROUTE });
    await expectOutcome(async () => {
      const operator = unwrap(
        await client.GET("/Operator/{operatorGuid}", {
          params: { path: { operatorGuid: THIRD_OPERATOR } },
        }),
      );
      expect(operator.OperatorGuid).toBe(THIRD_OPERATOR);
      return operator;
    }, get);
    expect(env.sim.requestCount(GET_ROUTE)).toBe("ok" in get ? get.attempts : 1);
  });

  it("POST (not idempotent) never reaches the server twice", async () => {
    const client = env.client(options);
    env.sim.faults.once(fault, { route: POST_ROUTE });
    await expectOutcome(
      async () =>
        unwrap(
          await client.POST("/Operator", {
            body: { FullName: "Retry Probe", Email: "retry.probe@acme.test" },
          }),
        ),
      post,
    );
    expect(env.sim.requestCount(POST_ROUTE)).toBe(1);
  });
});

it("a 204 answer is success, not a parse error", async () => {
  const result = await env
    .client()
    .DELETE("/Operator/{operatorGuid}/DutySchedule/{dutyScheduleId}", {
      params: {
        path: {
          operatorGuid: THIRD_OPERATOR,
          dutyScheduleId: env.sim.store.schedulesOf(THIRD_OPERATOR)[0]!.Id,
        },
      },
    });
  expect(result.response.status).toBe(204);
  expect(result.error).toBeUndefined();
});
