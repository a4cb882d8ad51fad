import { unwrap } from "@rollcall/core";
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  outcomeOf,
  runFaultScenario,
  secretLeaks,
} from "@rollcall/simulators";
import { beforeEach, describe, expect, it } from "vitest";
import type { OpsgenieClient } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

// The fixture fails any test whose hook payloads show the key.
const env = useOpsgenieSimulator("docs");
let client: OpsgenieClient;
beforeEach(() => {
  client = env.client({ retry: FAULT_TEST_RETRY, hooks: env.recorder.hooks });
});

const JOHN = "ac463592-dbd2-4ca3-a651-48fdf5e5c871";
const GET_ROUTE = "GET /v1/json/user";
const POST_ROUTE = "POST /v1/json/user";

describe.each(faultScenarios("opsgenie"))("OpsGenie under $name", (scenario) => {
  it("GET (idempotent)", async () => {
    const run = await runFaultScenario(
      env.sim,
      GET_ROUTE,
      scenario,
      scenario.idempotent,
      async (o) =>
        unwrap(await client.GET("/v1/json/user", { params: { query: { id: JOHN } }, ...o })),
    );
    expect(run.problems).toEqual([]);
    if ("data" in run.outcome) {
      expect(run.outcome.data).toMatchObject({ id: JOHN, username: "john.smith@example.com" });
    } else {
      // The key rode in this GET's query string: it must not be in the URL the error shows.
      expect(secretLeaks(run.outcome.error, [env.sim.credentials.apiKey])).toEqual([]);
    }
  });

  it("POST (not idempotent) reaches the server once", async () => {
    const run = await runFaultScenario(
      env.sim,
      POST_ROUTE,
      scenario,
      scenario.nonIdempotent,
      async (o) =>
        unwrap(
          await client.POST("/v1/json/user", {
            body: { username: "fault@example.com", fullname: "Fault Case", role: "User" },
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
    unwrap(await client.GET("/v1/json/user", { params: { query: { id: JOHN } } })),
  );
  expect((outcome as { error: { retryAfterMs?: number } }).error.retryAfterMs).toBe(30_000);
  expect(env.sim.requestCount(GET_ROUTE)).toBe(1);
});
