import { startEagle, type EagleSimulator } from "@rollcall/simulators";
import type { ClientHooks } from "@rollcall/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEagleClient, type EagleClient } from "../src/index";
import { expectNoSecret, expectOutcome, faultCases, outcomeOf } from "./fault-matrix";

let sim: EagleSimulator;
let client: EagleClient;
const hookPayloads: unknown[] = [];
const record = (payload: unknown) => void hookPayloads.push(payload);
const hooks: ClientHooks = {
  onRequest: record,
  onResponse: record,
  onRetry: record,
  onError: record,
};

const GET_ROUTE = "GET /api/v1/owners/account/usage";
const POST_ROUTE = "POST /api/v1/owners/account/groups";

beforeAll(async () => {
  sim = await startEagle({ seed: "docs" });
});
beforeEach(() => {
  sim.reset();
  hookPayloads.length = 0;
  client = createEagleClient({
    apiKey: sim.credentials.apiKey,
    baseUrl: sim.url,
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    hooks,
  });
});
afterEach(() => {
  // Whatever happened, nothing the user can see holds the key.
  for (const payload of hookPayloads) expectNoSecret(payload, [sim.credentials.apiKey]);
  sim.assertNoContractViolations();
});
afterAll(() => sim.close());

const cases = faultCases({
  rateLimit: "Rate limit exceeded. Try again later.",
  server: (status) => `simulated ${status}`,
});

describe.each(cases)("eagle.io under $name", ({ fault, timeoutMs, get, post }) => {
  const callOptions = timeoutMs === undefined ? {} : { timeoutMs };

  it("GET (idempotent)", async () => {
    sim.faults.once(fault, { route: GET_ROUTE });
    const outcome = await outcomeOf(() => client.GET("/api/v1/owners/account/usage", callOptions));
    expectOutcome(outcome, get);
    if ("data" in outcome) {
      expect(outcome.data).toEqual(sim.store.usage);
      expect(sim.requestCount(GET_ROUTE)).toBe(2);
    } else {
      expectNoSecret(outcome.error, [sim.credentials.apiKey]);
    }
  });

  it("POST (not idempotent) reaches the server once", async () => {
    sim.faults.once(fault, { route: POST_ROUTE });
    const outcome = await outcomeOf(() =>
      client.POST("/api/v1/owners/account/groups", {
        body: [{ name: "Fault group", users: [] }],
        ...callOptions,
      }),
    );
    expectOutcome(outcome, post);
    if ("error" in outcome) expectNoSecret(outcome.error, [sim.credentials.apiKey]);
    expect(sim.requestCount(POST_ROUTE)).toBe(1);
  });
});

it("a 429 too far away is handed back with retryAfterMs instead of a long sleep", async () => {
  sim.faults.once({ kind: "rate-limit", retryAfterSeconds: 30 }, { route: GET_ROUTE });
  const outcome = await outcomeOf(() => client.GET("/api/v1/owners/account/usage"));
  expect((outcome as { error: { retryAfterMs?: number } }).error.retryAfterMs).toBe(30_000);
  expect(sim.requestCount(GET_ROUTE)).toBe(1);
});
