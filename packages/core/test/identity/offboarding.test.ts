import { inspect } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import type { OffboardingPlan, OffboardingStep } from "../../src/identity/index";
import {
  IdentityError,
  buildDirectory,
  executeOffboarding,
  planOffboarding,
} from "../../src/identity/index";
import { account, planners } from "./account-fixtures";

// Built inside each test, not when the file loads, so mutation runs see the code under test.
const directory = () =>
  buildDirectory([
    account("opsgenie", "opsgenie.user", "og-1", [["Jane@Example.com", "login"]]),
    account("uptrends", "uptrends.operator", "guid-1", [["jane@example.com", "primary"]]),
    account("rootly", "rootly.user", "42", [["jane@example.com", "primary"]]),
    account("eagle", "eagle.administrator", "jane@example.com", [["jane@example.com", "login"]]),
    account("eagle", "eagle.groupMember", "jane@example.com", [["jane@example.com", "login"]], {
      groups: [
        { id: "61bac74a84cac62fcbfe2c3c", name: "Engineering team" },
        { id: "61bac74a84cac62fcbfe2c3d", name: "Ops" },
      ],
    }),
    account("pagerbox", "pagerbox.user", "p-1", [["jane@example.com", "login"]]),
    account("uptrends", "uptrends.operator", "guid-2", [
      ["bob@example.com", "primary"],
      ["jane@example.com", "backup"],
    ]),
  ]);

describe("planOffboarding", () => {
  let plan: OffboardingPlan;
  beforeEach(() => {
    plan = planOffboarding(directory(), "JANE@example.com", planners);
  });

  it("asks each account's vendor planner for its steps, keeping every step it gives", () => {
    expect(plan.personId).toBe("jane@example.com");
    expect(plan.steps.map((step) => [step.action, step.account.id])).toEqual([
      ["eagle.remove", "jane@example.com"],
      ["eagle.remove", "jane@example.com"],
      ["eagle.remove", "jane@example.com"],
      ["opsgenie.remove", "og-1"],
      ["manual.review", "p-1"],
      ["rootly.remove", "42"],
      ["uptrends.remove", "guid-1"],
    ]);
    expect(plan.steps.slice(1, 3)).toEqual([
      expect.objectContaining({ groupId: "61bac74a84cac62fcbfe2c3c" }),
      expect.objectContaining({ groupId: "61bac74a84cac62fcbfe2c3d" }),
    ]);
  });

  it("gives a planner the account's sign-in address as the vendor wrote it", () => {
    const opsgenie = plan.steps.find((step) => step.vendor === "opsgenie");
    expect(opsgenie?.description).toBe("Remove Jane@Example.com (opsgenie.user og-1).");
  });

  it("sends an account whose vendor has no planner to manual review, saying why", () => {
    expect(plan.steps.find((step) => step.vendor === "pagerbox")).toEqual({
      vendor: "pagerbox",
      action: "manual.review",
      account: { vendor: "pagerbox", kind: "pagerbox.user", id: "p-1" },
      description:
        "Review pagerbox.user account p-1 by hand: no offboarding planner was given for its vendor.",
    });
    const none = planOffboarding(directory(), "jane@example.com", {});
    expect(none.steps.every((step) => step.action === "manual.review")).toBe(true);
    expect(none.steps).toHaveLength(6);
  });

  it("never deletes someone else's account that only lists the address as backup", () => {
    expect(plan.steps.some((step) => step.account.id === "guid-2")).toBe(false);
    expect(plan.reviewContacts.map((match) => match.account.id)).toEqual(["guid-2"]);
  });

  it("is plain data that survives JSON", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("refuses unknown, backup-only and malformed addresses with typed errors", () => {
    expect(() => planOffboarding(directory(), "nobody@example.com", planners)).toThrow(
      expect.objectContaining({ code: "person-not-found" }),
    );
    expect(() => planOffboarding(directory(), "not-an-email", planners)).toThrow(
      expect.objectContaining({ code: "invalid-email" }),
    );
    const bob = buildDirectory([
      account("uptrends", "uptrends.operator", "guid-2", [
        ["bob@example.com", "primary"],
        ["shared@example.com", "backup"],
      ]),
    ]);
    expect(() => planOffboarding(bob, "shared@example.com", planners)).toThrow(IdentityError);
  });

  it("says why it will not plan: no one has the address, or it is only a backup", () => {
    const caught = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error("expected a throw");
    };
    expect(
      caught(() => planOffboarding(directory(), "nobody@example.com", planners)),
    ).toMatchObject({
      name: "IdentityError",
      code: "person-not-found",
      path: "email",
      message: "email: no person has this address",
    });
    const bob = buildDirectory([
      account("uptrends", "uptrends.operator", "guid-2", [
        ["bob@example.com", "primary"],
        ["shared@example.com", "backup"],
      ]),
    ]);
    expect(caught(() => planOffboarding(bob, "shared@example.com", planners))).toMatchObject({
      code: "person-not-found",
      message: expect.stringMatching(/^email: this address is only a backup\/contact address/),
    });
  });
});

describe("executeOffboarding", () => {
  let plan: OffboardingPlan;
  beforeEach(() => {
    plan = planOffboarding(directory(), "jane@example.com", planners);
  });

  it("runs every step, reports a failure, and keeps going", async () => {
    const ran: OffboardingStep[] = [];
    const result = await executeOffboarding(plan, {
      eagle: { execute: (step) => void ran.push(step) },
      opsgenie: {
        execute: async () => {
          throw new Error(
            "DELETE https://api.opsgenie.com/v1/json/user?apiKey=eb243592-faa2&id=og-1 failed: 500",
          );
        },
      },
      rootly: { execute: async (step) => void ran.push(step) },
      uptrends: { execute: async (step) => void ran.push(step) },
    });
    expect(result.ok).toBe(false);
    expect(result.outcomes.map((outcome) => [outcome.step.action, outcome.status])).toEqual([
      ["eagle.remove", "done"],
      ["eagle.remove", "done"],
      ["eagle.remove", "done"],
      ["opsgenie.remove", "failed"],
      ["manual.review", "skipped"],
      ["rootly.remove", "done"],
      ["uptrends.remove", "done"],
    ]);
    expect(ran).toHaveLength(5);
    const failed = result.outcomes[3]!;
    expect(failed.error?.message).toContain("failed: 500");
    expect(failed.error?.message).not.toContain("eb243592");
    expect(inspect(result, { depth: 10 })).not.toContain("eb243592");
    expect(JSON.stringify(result)).not.toContain("eb243592");
  });

  it("redacts Basic and Bearer credentials from errors", async () => {
    const result = await executeOffboarding(plan, {
      rootly: {
        execute: () => {
          throw new Error("401 with Authorization: Bearer rootly_abc123.def");
        },
      },
      uptrends: {
        execute: () => {
          throw new Error(
            "GET https://apiuser:s3cret-pass@api.uptrends.com/v4/Operator (Basic YXBpOnNlY3JldA==)",
          );
        },
      },
    });
    const text = JSON.stringify(result.outcomes.map((outcome) => outcome.error));
    for (const secret of ["rootly_abc123", "s3cret-pass", "YXBpOnNlY3JldA=="]) {
      expect(text).not.toContain(secret);
    }
  });

  it("skips steps for vendors without an executor and says so", async () => {
    const result = await executeOffboarding(plan, {});
    expect(result.ok).toBe(false);
    expect(result.outcomes.every((outcome) => outcome.status === "skipped")).toBe(true);
    expect(result.outcomes[0]!.error?.message).toMatch(/no executor was given for vendor "eagle"/);
  });

  it("stops after a failure only when asked", async () => {
    const result = await executeOffboarding(
      plan,
      {
        eagle: {
          execute: () => {
            throw new Error("eagle is down");
          },
        },
        opsgenie: { execute: () => undefined },
      },
      { stopOnFailure: true },
    );
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual([
      "failed",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
    ]);
  });

  it("is ok when every step is done", async () => {
    const single = planOffboarding(
      buildDirectory([account("rootly", "rootly.user", "7", [["solo@example.com", "primary"]])]),
      "solo@example.com",
      planners,
    );
    const result = await executeOffboarding(single, { rootly: { execute: () => undefined } });
    expect(result).toEqual({ ok: true, outcomes: [{ step: single.steps[0], status: "done" }] });
  });
});

describe("an offboarding plan as a reviewer reads it", () => {
  it("names the person the same way, whichever of their addresses was asked for", () => {
    const twoAddresses = buildDirectory([
      account("rootly", "rootly.user", "7", [
        ["sam@example.com", "primary"],
        ["sam.lee@example.com", "login"],
      ]),
      account("opsgenie", "opsgenie.user", "og-7", [["sam.lee@example.com", "login"]]),
    ]);
    const byLogin = planOffboarding(twoAddresses, "Sam.Lee@example.com", planners);
    const byPrimary = planOffboarding(twoAddresses, "sam@example.com", planners);
    expect(byPrimary.email).toBe(byLogin.email);
    expect(byPrimary.personId).toBe(byLogin.personId);
    expect(byLogin.steps.map((step) => step.account.id)).toEqual(["og-7", "7"]);
  });
});

describe("executeOffboarding reports", () => {
  const single = () =>
    planOffboarding(
      buildDirectory([account("rootly", "rootly.user", "7", [["solo@example.com", "primary"]])]),
      "solo@example.com",
      planners,
    );

  it("what was thrown, whatever it was", async () => {
    const outcome = async (thrown: unknown) =>
      (
        await executeOffboarding(single(), {
          rootly: {
            execute: () => {
              throw thrown;
            },
          },
        })
      ).outcomes[0]!;
    expect((await outcome(new TypeError("bad step"))).error).toEqual({
      name: "TypeError",
      message: "bad step",
    });
    expect((await outcome("vendor said no")).error).toEqual({
      name: "Error",
      message: "vendor said no",
    });
    expect((await outcome(new Error(""))).error).toEqual({
      name: "Error",
      message: "the step failed",
    });
    expect((await outcome(undefined)).status).toBe("failed");
  });

  it("a step whose executor has no execute function as skipped", async () => {
    const result = await executeOffboarding(single(), { rootly: {} as never });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({
      status: "skipped",
      error: { name: "Skipped", message: 'no executor was given for vendor "rootly"' },
    });
  });

  it("a manual review as skipped, needing a person", async () => {
    const result = await executeOffboarding(
      planOffboarding(directory(), "jane@example.com", planners),
      {},
    );
    const review = result.outcomes.find((outcome) => outcome.step.action === "manual.review");
    expect(review?.error?.message).toBe("needs a person: no automatic action exists");
  });
});
