import { describe, expect, it } from "vitest";
import type { AccessRecords, Grant, MembershipStep } from "../../src/identity/index";
import {
  AccountStillPresentError,
  ClientValidationError,
  ServerError,
  buildAccessGraph,
  buildDirectory,
  deletionPlanner,
  executorsByAction,
  membershipAccess,
  membershipExecutor,
  planOffboarding,
  removingMemberships,
} from "../../src/index";
import { account } from "./account-fixtures";

const ann = account("rootly", "rootly.user", "1", [["ann@example.com", "primary"]]);
const bob = account("rootly", "rootly.user", "2", [["bob@example.com", "primary"]], {
  role: "admin",
});

const grant = (id: string, kind: "team" | "schedule" | "escalation", extra = {}): Grant => ({
  account: { vendor: "rootly", kind: "rootly.user", id },
  entitlement: { vendor: "rootly", kind, id: `${kind}-1` },
  privilege: "member",
  via: `GET /v1/${kind}s`,
  ...extra,
});

const records: AccessRecords = {
  entitlements: [
    { vendor: "rootly", kind: "team", id: "team-1", name: "Platform", privilege: "member" },
    { vendor: "rootly", kind: "schedule", id: "schedule-1", name: "Primary", privilege: "member" },
    { vendor: "rootly", kind: "escalation", id: "escalation-1", name: "Sev1", privilege: "member" },
  ],
  grants: [
    grant("1", "team"),
    grant("1", "schedule", { membershipId: "ru-9" }),
    grant("1", "escalation"),
    grant("2", "team"),
  ],
};

interface DeleteUser extends MembershipStep {
  readonly action: "rootly.deleteUser";
}

const planner = removingMemberships(
  deletionPlanner<{
    vendor: string;
    action: "rootly.deleteUser";
    account: never;
    description: string;
    userId: string;
  }>({
    kind: "rootly.user",
    action: "rootly.deleteUser",
    step: ({ source }) => ({ userId: source.id, description: `Delete ${source.id}.` }),
  }),
  { team: "rootly.removeTeamMember", schedule: "rootly.removeRotationUser" },
);

function plan(accounts = [ann, bob], access: AccessRecords = records) {
  const directory = buildDirectory(accounts);
  const graph = buildAccessGraph(directory, [access]);
  return planOffboarding(directory, "ann@example.com", { rootly: planner }, { access: graph });
}

describe("removingMemberships", () => {
  it("takes the account out of the kinds the vendor names before deleting it", () => {
    const steps = plan().steps;
    expect(steps.map((step) => step.action)).toEqual([
      "rootly.removeRotationUser",
      "rootly.removeTeamMember",
      "rootly.deleteUser",
    ]);
    expect(steps[0]).toMatchObject({
      account: { vendor: "rootly", kind: "rootly.user", id: "1" },
      entitlement: { kind: "schedule", id: "schedule-1", name: "Primary" },
      membershipId: "ru-9",
      description: 'Remove ann@example.com from schedule "Primary" (id schedule-1).',
    });
    // The team step names no membership id: its vendor removes by user.
    expect(steps[1]).not.toHaveProperty("membershipId");
  });

  it("never plans a step for another person's memberships", () => {
    const steps = plan().steps as MembershipStep[];
    expect(steps.every((step) => step.account.id === "1")).toBe(true);
  });

  it("plans only what is left when planned again after a partial failure", () => {
    // The rotation step ran; the team removal and the deletion did not.
    const left = { ...records, grants: records.grants!.filter((g) => g.membershipId !== "ru-9") };
    expect(plan([ann, bob], left).steps.map((step) => step.action)).toEqual([
      "rootly.removeTeamMember",
      "rootly.deleteUser",
    ]);
    // Everything ran: the account is gone, so nothing is left to plan for Rootly.
    const gone = account("eagle", "eagle.user", "e1", [["ann@example.com", "primary"]]);
    expect(plan([gone, bob], { ...records, grants: [] }).steps.map((s) => s.action)).toEqual([
      "manual.review",
    ]);
  });

  it("leaves an account it cannot delete to review whole, memberships and all", () => {
    const other = account("rootly", "rootly.bot", "1", [["ann@example.com", "primary"]]);
    expect(plan([other, bob]).steps.map((step) => step.action)).toEqual(["manual.review"]);
  });

  it("plans only the vendor's own steps when it is given no memberships", () => {
    expect(planner(ann, "ann@example.com").map((step) => step.action)).toEqual([
      "rootly.deleteUser",
    ]);
  });

  it("keeps the memberships of an account it leaves to review, even where it holds some", () => {
    const other = account("rootly", "rootly.bot", "1", [["ann@example.com", "primary"]]);
    const held = { ...records, grants: [{ ...grant("1", "team"), account: other.source }] };
    expect(plan([other, bob], held).steps.map((step) => step.action)).toEqual(["manual.review"]);
  });

  it("still takes a deletable account out of its teams when the vendor's plan also asks for review", () => {
    const mixed = removingMemberships(
      (account) => [
        {
          vendor: "rootly",
          action: "rootly.deleteUser",
          account: account.source,
          description: "Delete.",
        },
        {
          vendor: "rootly",
          action: "manual.review",
          account: account.source,
          description: "Check.",
        },
      ],
      { team: "rootly.removeTeamMember" },
    );
    const directory = buildDirectory([ann]);
    const graph = buildAccessGraph(directory, [records]);
    const steps = planOffboarding(
      directory,
      "ann@example.com",
      { rootly: mixed },
      { access: graph },
    ).steps;
    expect(steps.map((step) => step.action)).toEqual([
      "rootly.removeTeamMember",
      "rootly.deleteUser",
      "manual.review",
    ]);
  });

  it("takes each of a person's accounts out of only the memberships that account holds", () => {
    const annToo = account("rootly", "rootly.user", "3", [["ann@example.com", "primary"]]);
    const onlyThree = { ...records, grants: [grant("3", "team")] };
    const steps = plan([ann, annToo, bob], onlyThree).steps as MembershipStep[];
    expect(
      steps.filter((step) => step.entitlement !== undefined).map((step) => step.account.id),
    ).toEqual(["3"]);
  });

  it("plans schedule steps from what a schedule listing says (membershipAccess)", () => {
    const schedules = membershipAccess(
      {
        vendor: "rootly",
        kind: "schedule",
        accountKind: "rootly.user",
        noun: "schedule",
        id: "id",
        name: "name",
        members: "users",
        onCall: "onCall",
        via: "GET /v1/schedules",
      },
      [{ id: "s9", name: "Night", users: [1, 2], onCall: ["2"] }],
    );
    expect(schedules.grants.map((g) => [g.account.id, g.onCallNow])).toEqual([
      ["1", false],
      ["2", true],
    ]);
    expect(plan([ann, bob], schedules).steps.map((step) => step.description)).toEqual([
      'Remove ann@example.com from schedule "Night" (id s9).',
      "Delete 1.",
    ]);
  });
});

function answer(status: number) {
  const response = new Response(status === 204 ? null : "{}", { status });
  return status < 300 ? { data: {}, response } : { error: {}, response };
}

const step = (extra: Partial<MembershipStep> = {}): MembershipStep => ({
  vendor: "rootly",
  action: "rootly.removeTeamMember",
  account: { vendor: "rootly", kind: "rootly.user", id: "1" },
  entitlement: { kind: "team", id: "team-1", name: "Platform" },
  description: "Remove",
  ...extra,
});

function executor(removeStatus: number, member: boolean[], byMembershipId = false) {
  const sent: string[] = [];
  const run = membershipExecutor<MembershipStep>({
    byMembershipId,
    vendor: "rootly",
    action: "rootly.removeTeamMember",
    remove: async (s) => {
      sent.push(`remove ${s.account.id} from ${s.entitlement.id}`);
      return answer(removeStatus);
    },
    stillMember: async (s) => {
      sent.push(`read ${s.entitlement.id}`);
      return member.shift() ?? false;
    },
  });
  return { run, sent };
}

describe("membershipExecutor", () => {
  it("removes the membership, then reads the entitlement back", async () => {
    const { run, sent } = executor(204, [false]);
    await run.execute(step());
    expect(sent).toEqual(["remove 1 from team-1", "read team-1"]);
  });

  it("counts a membership already gone (404) as done, so a rerun succeeds", async () => {
    const { run } = executor(404, [false]);
    await expect(run.execute(step())).resolves.toBeUndefined();
  });

  it("fails a removal the vendor answered with success while still listing the account", async () => {
    const { run } = executor(204, [true]);
    const error = await Promise.resolve(run.execute(step())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountStillPresentError);
    expect((error as Error).message).toMatch(/team team-1 is still there.*account 1/);
  });

  it("passes on any other failure of the removal", async () => {
    await expect(executor(500, [false]).run.execute(step())).rejects.toBeInstanceOf(ServerError);
  });

  it("refuses another action or a step missing its ids before sending anything", async () => {
    for (const bad of [
      step({ action: "rootly.deleteUser" }),
      step({ entitlement: { kind: "team", id: " ", name: "x" } }),
      step({ account: { vendor: "rootly", kind: "rootly.user", id: "" } }),
    ]) {
      const { run, sent } = executor(204, [false]);
      await expect(run.execute(bad)).rejects.toBeInstanceOf(ClientValidationError);
      expect(sent).toEqual([]);
    }
  });

  it("names the missing field when a step comes without its entitlement or account", async () => {
    const cases: [Partial<MembershipStep>, string][] = [
      [{ entitlement: undefined }, "step.entitlement.id"],
      [{ account: undefined }, "step.account.id"],
    ];
    for (const [missing, field] of cases) {
      const { run, sent } = executor(204, [false]);
      await expect(run.execute({ ...step(), ...missing } as MembershipStep)).rejects.toMatchObject({
        name: "ClientValidationError",
        field,
        message: expect.stringContaining("must name the membership to remove"),
      });
      expect(sent).toEqual([]);
    }
  });

  it("refuses a step without the membership's id where removing it names one", async () => {
    for (const membershipId of [undefined, "", "  "]) {
      const { run, sent } = executor(204, [false], true);
      await expect(run.execute(step({ membershipId }))).rejects.toMatchObject({
        name: "ClientValidationError",
        field: "step.membershipId",
      });
      expect(sent).toEqual([]);
    }
    const { run, sent } = executor(204, [false], true);
    await run.execute(step({ membershipId: "ru-9" }));
    expect(sent).toEqual(["remove 1 from team-1", "read team-1"]);
    // Without byMembershipId, a step need not name one.
    await executor(204, [false]).run.execute(step({ membershipId: undefined }));
  });
});

describe("executorsByAction", () => {
  it("hands each step to its action's executor, and refuses an action it has none for", async () => {
    const ran: string[] = [];
    const combined = executorsByAction<MembershipStep | DeleteUser>("rootly", {
      "rootly.removeTeamMember": { execute: () => void ran.push("team") },
      "rootly.deleteUser": { execute: () => void ran.push("delete") },
    });
    await combined.execute(step());
    await combined.execute(step({ action: "rootly.deleteUser" }));
    expect(ran).toEqual(["team", "delete"]);
    for (const action of ["rootly.nope", "toString", "__proto__"]) {
      await expect(combined.execute(step({ action }))).rejects.toThrow(
        /must be one of rootly.removeTeamMember, rootly.deleteUser/,
      );
    }
  });

  it("refuses a missing step with a validation error naming step.action", async () => {
    const combined = executorsByAction<MembershipStep>("rootly", {
      "rootly.removeTeamMember": { execute: () => undefined },
    });
    for (const missing of [undefined, null]) {
      await expect(combined.execute(missing as never)).rejects.toMatchObject({
        name: "ClientValidationError",
        field: "step.action",
        message: expect.stringContaining("got undefined"),
      });
    }
  });
});
