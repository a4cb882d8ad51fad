import { unwrap } from "@rollcall/core";
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  outcomeOf,
  runFaultScenario,
  secretLeaks,
} from "@rollcall/simulators";
import { beforeEach, describe, expect, it } from "vitest";
import type { EagleClient } from "../src/index";
import { useEagleSimulator } from "./support/simulator";

// Whatever happens, no hook payload may hold the key: the fixture checks after each test.
const env = useEagleSimulator("docs");
let client: EagleClient;
beforeEach(() => {
  client = env.client({ retry: FAULT_TEST_RETRY, hooks: env.recorder.hooks });
});

const GET_ROUTE = "GET /api/v1/owners/account/usage";
const POST_ROUTE = "POST /api/v1/owners/account/groups";

describe.each(faultScenarios("eagle"))("eagle.io under $name", (scenario) => {
  it("GET (idempotent)", async () => {
    const run = await runFaultScenario(
      env.sim,
      GET_ROUTE,
      scenario,
      scenario.idempotent,
      async (o) => unwrap(await client.GET("/api/v1/owners/account/usage", o)),
    );
    expect(run.problems).toEqual([]);
    if ("data" in run.outcome) expect(run.outcome.data).toEqual(env.sim.store.usage);
    else expect(secretLeaks(run.outcome.error, [env.sim.credentials.apiKey])).toEqual([]);
  });

  it("POST (not idempotent) reaches the server once", async () => {
    const run = await runFaultScenario(
      env.sim,
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
      expect(secretLeaks(run.outcome.error, [env.sim.credentials.apiKey])).toEqual([]);
    }
  });
});

it("a 429 too far away is handed back with retryAfterMs instead of a long sleep", async () => {
  env.sim.faults.once({ kind: "rate-limit", retryAfterSeconds: 30 }, { route: GET_ROUTE });
  const outcome = await outcomeOf(async () =>
    unwrap(await client.GET("/api/v1/owners/account/usage")),
  );
  expect((outcome as { error: { retryAfterMs?: number } }).error.retryAfterMs).toBe(30_000);
  expect(env.sim.requestCount(GET_ROUTE)).toBe(1);
});
