import { unwrap } from "@rollcall/core";
import { faultScenarios, runFaultScenario } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { THIRD_OPERATOR, useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("docs");

const GET_ROUTE = "GET /Operator/{}";
const POST_ROUTE = "POST /Operator";

type CallOptions = { timeoutMs?: number };

async function getOperator(options: CallOptions) {
  const operator = unwrap(
    await env.client().GET("/Operator/{operatorGuid}", {
      params: { path: { operatorGuid: THIRD_OPERATOR } },
      ...options,
    }),
  );
  expect(operator.OperatorGuid).toBe(THIRD_OPERATOR);
  return operator;
}

async function createOperator(options: CallOptions) {
  return unwrap(
    await env.client().POST("/Operator", {
      body: { FullName: "Retry Probe", Email: "retry.probe@acme.test" },
      ...options,
    }),
  );
}

describe.each(faultScenarios("uptrends"))("Uptrends fault: $name", (scenario) => {
  it("GET (idempotent)", async () => {
    const run = await runFaultScenario(env.sim, GET_ROUTE, scenario, scenario.idempotent, (o) =>
      getOperator(o),
    );
    expect(run.problems).toEqual([]);
  });

  it("POST (not idempotent) never reaches the server twice", async () => {
    const run = await runFaultScenario(env.sim, POST_ROUTE, scenario, scenario.nonIdempotent, (o) =>
      createOperator(o),
    );
    expect(run.problems).toEqual([]);
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
