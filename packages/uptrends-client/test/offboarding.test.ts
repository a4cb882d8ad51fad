import {
  AccountStillPresentError,
  BadRequestError,
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  planOffboarding,
  type UptrendsDeleteOperator,
} from "@rollcall/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { offboardingExecutor, pullAccounts } from "../src/index";
import { useUptrendsSimulator } from "./support/simulator";

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

describe("offboardingExecutor", () => {
  it("deletes the person's operator and nobody else", async () => {
    const client = env.client();
    const before = env.sim.store.operators.list().length;
    const directory = buildDirectory((await pullAccounts(client)).accounts);
    const plan = planOffboarding(directory, "ben.okafor@harbourline.example");
    const result = await executeOffboarding(plan, { uptrends: offboardingExecutor(client) });
    expect(result.ok).toBe(true);
    expect(result.outcomes.map((o) => o.step.action)).toEqual(["uptrends.deleteOperator"]);

    const after = await pullAccounts(client);
    const emails = after.accounts.map((a) => a.emails[0]!.value);
    expect(emails).not.toContain("ben.okafor@harbourline.example");
    expect(emails).toHaveLength(before - 1);
  });

  it("treats an operator that is already gone as done", async () => {
    await expect(
      offboardingExecutor(env.client()).execute(step("00000000-0000-4000-8000-000000000000")),
    ).resolves.toBeUndefined();
    expect(env.sim.requestCount("DELETE /Operator/{}")).toBe(1);
  });

  it("fails with Uptrends' message when the operator cannot be deleted", async () => {
    const guid = env.sim.store.apiAccountOperatorGuid;
    const error = await Promise.resolve(
      offboardingExecutor(env.client()).execute(step(guid)),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).vendorMessage).toMatch(/cannot delete the operator/);
    expect(env.sim.store.operators.get(guid)).toBeDefined();
  });

  it("rejects a step without an OperatorGuid before sending anything", async () => {
    await expect(offboardingExecutor(env.client()).execute(step(" "))).rejects.toBeInstanceOf(
      ClientValidationError,
    );
    expect(env.sim.requests).toHaveLength(0);
  });
});

describe("offboardingExecutor against an Uptrends that does not delete", () => {
  afterEach(() => vi.restoreAllMocks());
  const someone = () =>
    env.sim.store.operators
      .list()
      .find((o) => o.OperatorGuid !== env.sim.store.apiAccountOperatorGuid)!;

  it("fails the step when the delete is answered 204 but the operator stays", async () => {
    const operator = someone();
    vi.spyOn(env.sim.store.operators, "delete").mockReturnValue(true);
    await expect(
      offboardingExecutor(env.client()).execute(step(operator.OperatorGuid)),
    ).rejects.toBeInstanceOf(AccountStillPresentError);
    expect(env.sim.store.operators.get(operator.OperatorGuid)).toBeDefined();
  });

  it("fails the step when the delete is answered 404 but the operator can still be read", async () => {
    const operator = someone();
    env.sim.faults.once({ kind: "empty-body", status: 404 }, { route: "DELETE /Operator/{}" });
    await expect(
      offboardingExecutor(env.client()).execute(step(operator.OperatorGuid)),
    ).rejects.toThrow(/still there.*404/);
  });
});
