import { expect, it } from "vitest";
import { THIRD_OPERATOR, useUptrendsSimulator } from "./support/simulator";

// Uptrends answers a deleted duty schedule with 204 and no body. The faults every vendor shares
// are in tools/conformance.
const env = useUptrendsSimulator("docs");

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
