import { describe, expect, it } from "vitest";
import { buildDirectory, executeOffboarding, planOffboarding } from "../../src/identity/index";
import { account, planners } from "./account-fixtures";

const sam = () =>
  buildDirectory([
    account("opsgenie", "opsgenie.user", "og-1", [
      ["sam@home.example", "backup"],
      [" Sam@Example.com ", "login"],
    ]),
    account("uptrends", "uptrends.operator", "guid-1", [["sam@example.com", "primary"]]),
    account("rootly", "rootly.user", "42", [["sam@example.com", "primary"]]),
    account("eagle", "eagle.administrator", "sam@example.com", [["sam@example.com", "login"]]),
    account("eagle", "eagle.groupMember", "sam@example.com", [["sam@example.com", "login"]], {
      groups: [{ id: "61bac74a84cac62fcbfe2c3c", name: "Ops" }],
    }),
  ]);

describe("offboarding steps", () => {
  it("names each step's vendor, which picks the executor that runs it", () => {
    const plan = planOffboarding(sam(), "sam@example.com", planners);
    expect(plan.steps.map((step) => [step.vendor, step.action])).toEqual([
      ["eagle", "eagle.remove"],
      ["eagle", "eagle.remove"],
      ["opsgenie", "opsgenie.remove"],
      ["rootly", "rootly.remove"],
      ["uptrends", "uptrends.remove"],
    ]);
  });

  it("names the vendor user by its sign-in address as given, not by a backup address", () => {
    const plan = planOffboarding(sam(), "sam@example.com", planners);
    const opsgenie = plan.steps.find((step) => step.vendor === "opsgenie");
    expect(opsgenie?.description).toBe("Remove Sam@Example.com (opsgenie.user og-1).");
  });

  it("reports a step whose executor throws something that is not an error as failed", async () => {
    const plan = planOffboarding(sam(), "sam@example.com", planners);
    const result = await executeOffboarding(
      { ...plan, steps: plan.steps.filter((step) => step.vendor === "rootly") },
      {
        rootly: {
          execute: () => {
            throw { status: 500 };
          },
        },
      },
    );
    expect(result.ok).toBe(false);
    expect(result.outcomes.map((outcome) => [outcome.status, outcome.error])).toEqual([
      ["failed", { name: "Error", message: "the step failed" }],
    ]);
  });

  it("says why the steps after a failure were skipped when stopOnFailure is set", async () => {
    const plan = planOffboarding(sam(), "sam@example.com", planners);
    const fail = {
      execute: () => {
        throw new Error("down");
      },
    };
    const result = await executeOffboarding(
      plan,
      { eagle: fail, opsgenie: fail, rootly: fail, uptrends: fail },
      { stopOnFailure: true },
    );
    expect(result.outcomes.map((outcome) => [outcome.status, outcome.error?.message])).toEqual([
      ["failed", "down"],
      ...plan.steps
        .slice(1)
        .map(() => ["skipped", "not run: an earlier step failed and stopOnFailure is set"]),
    ]);
  });
});
