import { unwrap, type ClientHooks } from "@rollcall/core";
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  outcomeOf,
  runFaultScenario,
  secretLeaks,
  startEagle,
  type EagleSimulator,
} from "@rollcall/simulators";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEagleClient, type EagleClient } from "../src/index";

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
    retry: FAULT_TEST_RETRY,
    hooks,
  });
});
afterEach(() => {
  // Whatever happened, nothing the user can see holds the key.
  for (const payload of hookPayloads) {
    expect(secretLeaks(payload, [sim.credentials.apiKey])).toEqual([]);
  }
  sim.assertNoContractViolations();
});
afterAll(() => sim.close());

describe.each(faultScenarios("eagle"))("eagle.io under $name", (scenario) => {
  it("GET (idempotent)", async () => {
    const run = await runFaultScenario(sim, GET_ROUTE, scenario, scenario.idempotent, async (o) =>
      unwrap(await client.GET("/api/v1/owners/account/usage", o)),
    );
    expect(run.problems).toEqual([]);
    if ("data" in run.outcome) expect(run.outcome.data).toEqual(sim.store.usage);
    else expect(secretLeaks(run.outcome.error, [sim.credentials.apiKey])).toEqual([]);
  });

  it("POST (not idempotent) reaches the server once", async () => {
    const run = await runFaultScenario(
      sim,
      POST_ROUTE,
      scenario,
      scenario.nonIdempotent,
      async (o) =>
        unwrap(
          await client.POST("/api/v1/owners/account/groups", {
            body: [{ name: "Fault group", users: [] }],
            ...o,
          }),
        ),
    );
    expect(run.problems).toEqual([]);
    if ("error" in run.outcome) {
      expect(secretLeaks(run.outcome.error, [sim.credentials.apiKey])).toEqual([]);
    }
  });
});

it("a 429 too far away is handed back with retryAfterMs instead of a long sleep", async () => {
  sim.faults.once({ kind: "rate-limit", retryAfterSeconds: 30 }, { route: GET_ROUTE });
  const outcome = await outcomeOf(async () =>
    unwrap(await client.GET("/api/v1/owners/account/usage")),
  );
  expect((outcome as { error: { retryAfterMs?: number } }).error.retryAfterMs).toBe(30_000);
  expect(sim.requestCount(GET_ROUTE)).toBe(1);
});
