import { ClientValidationError } from "@rollcall/core";
import { outcomeOf, thrownBy } from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import { OFFBOARDING } from "./support/offboarding-vendors";
import { useVendorSimulator } from "./support/simulator-fixture";
import { VENDORS } from "./support/vendors";

// Bad input to every vendor's public entry points is refused with a ClientValidationError naming
// the field, before anything reaches the vendor.

/** Values no target field may hold: the executor would otherwise act on nobody, or on a guess. */
const UNUSABLE: [string, unknown][] = [
  ["empty", ""],
  ["blank", "  \t"],
  ["missing", undefined],
  ["null", null],
  ["a number", 42],
  ["an object", { id: "x" }],
];

describe.each(OFFBOARDING)("$vendor offboarding executor", (offboarding) => {
  const harness = VENDORS.find((row) => row.vendor === offboarding.vendor)!;
  const env = useVendorSimulator(harness);
  const refusal = async (step: unknown) => {
    const outcome = await outcomeOf(async () =>
      offboarding.connector.offboardingExecutor(env.client()).execute(step as never),
    );
    expect(env.sim.requests).toHaveLength(0);
    expect("error" in outcome && outcome.error).toBeInstanceOf(ClientValidationError);
    const error = (outcome as { error: ClientValidationError }).error;
    expect(error).toMatchObject({ vendor: offboarding.vendor, operation: "offboardingExecutor" });
    // The refusal says what the field must be, so the caller can fix the step.
    expect(error.problem).toMatch(/^must (be|name) \S/);
    return error;
  };

  const cases = offboarding.ghostSteps.flatMap(({ step, targets, malformed }) => [
    ...targets.flatMap((fields) =>
      UNUSABLE.map(([label, value]) => ({
        name: `${step.action} with ${fields.join(" and ")} ${label}`,
        fields,
        step: { ...step, ...Object.fromEntries(fields.map((field) => [field, value])) },
      })),
    ),
    ...malformed.map(([field, changes]) => ({
      name: `${step.action} with a malformed ${field}`,
      fields: [field],
      step: { ...step, ...changes },
    })),
  ]);

  it.each(cases)("refuses $name before sending anything", async ({ fields, step }) => {
    const error = await refusal(step);
    expect(fields.map((field) => `step.${field}`)).toContain(error.field);
  });

  it.each([
    ["another vendor's step", { ...offboarding.ghostSteps[0]!.step, action: "someone.else" }],
    ["a step without an action", { ...offboarding.ghostSteps[0]!.step, action: undefined }],
    ["no step at all", undefined],
    ["null", null],
  ])("refuses %s before sending anything", async (_label, step) => {
    const error = await refusal(step);
    expect(error.field).toBe("step.action");
  });
});

describe.each(VENDORS.filter((row) => row.listing !== undefined))(
  "$vendor listAllUsers",
  (harness) => {
    const env = useVendorSimulator(harness);
    const { maxPageSize, list } = harness.listing!;

    it.each([0, -1, 1.5, Number.NaN, maxPageSize + 1, "10"])(
      "refuses page size %s before sending anything",
      (pageSize) => {
        const error = thrownBy(() => list(env.client(), pageSize as number), ClientValidationError);
        expect(error.field).toBe("options.pageSize");
        expect(env.sim.requests).toHaveLength(0);
      },
    );

    it("accepts the largest page size the API serves", async () => {
      for await (const _user of list(env.client(), maxPageSize)) break;
      expect(env.sim.requests).toHaveLength(1);
    });
  },
);
