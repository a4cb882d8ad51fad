import { BadRequestError } from "@rollcall/core";
import { expect, it } from "vitest";
import { offboardingExecutor, type UptrendsDeleteOperator } from "../src/index";
import { useUptrendsSimulator } from "./support/simulator";

// What every vendor's executor does (removal read back, reruns, faults, refusals) is in
// tools/conformance (offboarding.test.ts, validation.test.ts); this is Uptrends' own refusal.

const env = useUptrendsSimulator("demo");

function step(operatorGuid: string): UptrendsDeleteOperator {
  return {
    vendor: "uptrends",
    action: "uptrends.deleteOperator",
    operatorGuid,
    description: `Delete Uptrends operator ${operatorGuid}`,
    account: { vendor: "uptrends", kind: "uptrends.operator", id: operatorGuid },
  };
}

it("fails with Uptrends' message when the operator cannot be deleted", async () => {
  const guid = env.sim.store.apiAccountOperatorGuid;
  const error = await Promise.resolve(offboardingExecutor(env.client()).execute(step(guid))).catch(
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BadRequestError);
  expect((error as BadRequestError).vendorMessage).toMatch(/cannot delete the operator/);
  expect(env.sim.store.operators.get(guid)).toBeDefined();
});
