import { startOpsgenie, type OpsgenieSimulator } from "@rollcall/simulators";
import type { ClientHooks } from "@rollcall/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpsgenieClient, type OpsgenieClient } from "../src/index";
import { expectNoSecret, expectOutcome, faultCases, outcomeOf } from "./fault-matrix";

let sim: OpsgenieSimulator;
let client: OpsgenieClient;
const hookPayloads: unknown[] = [];
const record = (payload: unknown) => void hookPayloads.push(payload);
const hooks: ClientHooks = {
  onRequest: record,
  onResponse: record,
  onRetry: record,
  onError: record,
};
const JOHN = "ac463592-dbd2-4ca3-a651-48fdf5e5c871";

const GET_ROUTE = "GET /v1/json/user";
const POST_ROUTE = "POST /v1/json/user";

beforeAll(async () => {
  sim = await startOpsgenie({ seed: "docs" });
});
beforeEach(() => {
  sim.reset();
  hookPayloads.length = 0;
  client = createOpsgenieClient({
    apiKey: sim.credentials.apiKey,
    baseUrl: sim.url,
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    hooks,
  });
});
afterEach(() => {
  for (const payload of hookPayloads) expectNoSecret(payload, [sim.credentials.apiKey]);
  sim.assertNoContractViolations();
});
afterAll(() => sim.close());

const cases = faultCases({
  rateLimit: "Rate limit exceeded. Try again later.",
  server: (status) => `simulated ${status}`,
});

describe.each(cases)("OpsGenie under $name", ({ fault, timeoutMs, get, post }) => {
  const callOptions = timeoutMs === undefined ? {} : { timeoutMs };

  it("GET (idempotent)", async () => {
    sim.faults.once(fault, { route: GET_ROUTE });
    const outcome = await outcomeOf(() =>
      client.GET("/v1/json/user", { params: { query: { id: JOHN } }, ...callOptions }),
    );
    expectOutcome(outcome, get);
    if ("data" in outcome) {
      expect(outcome.data).toMatchObject({ id: JOHN, username: "john.smith@example.com" });
      expect(sim.requestCount(GET_ROUTE)).toBe(2);
    } else {
      // The key rode in this GET's query string: it must not be in the URL the error shows.
      expectNoSecret(outcome.error, [sim.credentials.apiKey]);
    }
  });

  it("POST (not idempotent) reaches the server once", async () => {
    sim.faults.once(fault, { route: POST_ROUTE });
    const outcome = await outcomeOf(() =>
      client.POST("/v1/json/user", {
        body: { username: "fault@example.com", fullname: "Fault Case", role: "User" },
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
  const outcome = await outcomeOf(() =>
    client.GET("/v1/json/user", { params: { query: { id: JOHN } } }),
  );
  expect((outcome as { error: { retryAfterMs?: number } }).error.retryAfterMs).toBe(30_000);
  expect(sim.requestCount(GET_ROUTE)).toBe(1);
});
