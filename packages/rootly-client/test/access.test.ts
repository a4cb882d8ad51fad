// Roles, schedules, on call and escalation policies as pullAccounts reads them from the demo
// organisation, and offboarding that takes someone out of their teams and rotations first.
import {
  accessOf,
  buildAccessGraph,
  buildDirectory,
  executeOffboarding,
  planOffboarding,
  type AdapterResult,
  type Grant,
} from "@rollcall/core";
import { demoOrganisation, demoRootlyEscalationSchedules } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { connector, pullAccounts, type RootlyOffboardingStep } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("demo");

const person = (key: string) => demoOrganisation.people.find((p) => p.key === key)!;
/** The simulator's user id of a roster person. */
const userId = (key: string) =>
  env.sim.store.users.find((user) => user.email === person(key).rootly!.email)!.id;

const of = (result: AdapterResult, kind: Grant["entitlement"]["kind"]) =>
  (result.grants ?? []).filter((grant) => grant.entitlement.kind === kind);

async function graphAndPlan(key: string) {
  const pulled = await pullAccounts(env.client());
  const directory = buildDirectory(pulled.accounts);
  const access = buildAccessGraph(directory, [pulled]);
  const plan = planOffboarding(
    directory,
    person(key).workEmail,
    { rootly: connector.planOffboarding },
    { access },
  );
  return { pulled, directory, access, plan };
}

describe("pullAccounts: roles, schedules, on call and escalation policies", () => {
  it("reads the roles, teams, schedules and policies beside the users, not after their last page", async () => {
    // The first page of users is held for a second; the access reads must be sent meanwhile.
    env.sim.faults.once({ kind: "delay", ms: 1000 }, { route: "GET /v1/users" });
    const before = env.sim.requests.length;
    const pulled = await pullAccounts(env.client(), { pageSize: 2 });
    expect(pulled.issues).toEqual([]);
    const paths = env.sim.requests.slice(before).map((request) => request.path);
    const secondUsersPage = paths.indexOf("/v1/users", paths.indexOf("/v1/users") + 1);
    expect(secondUsersPage).toBeGreaterThan(0);
    for (const read of [
      "/v1/roles",
      "/v1/on_call_roles",
      "/v1/teams",
      "/v1/schedules",
      "/v1/escalation_policies",
    ]) {
      expect(paths.slice(0, secondUsersPage), read).toContain(read);
    }
  });

  it("reads each schedule's rotation users as grants, on call now for the first of each rotation", async () => {
    const pulled = await pullAccounts(env.client(), { pageSize: 1 });
    expect(pulled.issues).toEqual([]);
    const expected: [string, string, boolean][] = [];
    const firsts = new Set<string>();
    for (const p of demoOrganisation.people) {
      for (const [schedule, rotations] of Object.entries(p.rootly?.rotations ?? {})) {
        const first = Object.values(rotations).includes(1);
        if (first) firsts.add(p.key);
        if (!expected.some(([s, u]) => s === schedule && u === userId(p.key))) {
          expected.push([schedule, userId(p.key), first]);
        }
      }
    }
    const names = new Map(pulled.entitlements!.map((e) => [e.id, e.name]));
    const grants = of(pulled, "schedule").map((grant) => [
      names.get(grant.entitlement.id),
      grant.account.id,
      grant.onCallNow,
    ]);
    expect(grants.sort()).toEqual(expected.sort());
    expect(firsts.size).toBeGreaterThan(0);
    // Each schedule grant names the user's rotation entry, which removing them needs.
    const entries = new Set(env.sim.store.rotationUsers.list().map((entry) => entry.id));
    expect(of(pulled, "schedule").every((grant) => entries.has(grant.membershipId!))).toBe(true);
    const schedules = pulled.entitlements!.filter((e) => e.kind === "schedule");
    expect(schedules.every((e) => e.privilege === "member")).toBe(true);
  });

  it("reads escalation policies, with a grant for each user a level pages directly", async () => {
    const pulled = await pullAccounts(env.client());
    const policies = pulled.entitlements!.filter((e) => e.kind === "escalation");
    expect(policies.map((e) => e.name)).toEqual(Object.keys(demoRootlyEscalationSchedules));
    const named = demoOrganisation.people
      .filter((p) => p.rootly?.escalations !== undefined)
      .map((p) => userId(p.key));
    expect(of(pulled, "escalation").map((grant) => grant.account.id)).toEqual(named);
  });

  it("lists the roles, and each user's account role is one grant of the listed role", async () => {
    const pulled = await pullAccounts(env.client());
    const roles = pulled.entitlements!.filter((e) => e.kind === "role");
    const byName = new Map(env.sim.store.roles.list().map((role) => [role.name, role.slug]));
    expect(roles.filter((e) => byName.has(e.id)).map((e) => [e.name, e.privilege])).toEqual([
      ["Owner", "owner"],
      ["Admin", "admin"],
      ["User", "member"],
      ["Observer", "limited"],
      ["No Access", "limited"],
    ]);
    const graph = buildAccessGraph(buildDirectory(pulled.accounts), [pulled]);
    const accountRoles = new Set(byName.keys());
    for (const user of env.sim.store.users.list()) {
      const held = graph.entries.filter(
        (entry) =>
          entry.grant.account.id === user.id &&
          entry.entitlement.kind === "role" &&
          accountRoles.has(entry.entitlement.id),
      );
      const role = env.sim.store.roles.get(user.role_id!)!;
      // One grant, of the listed entitlement: not a second one derived from the user's record.
      expect(held.map((entry) => entry.entitlement)).toEqual([
        roles.find((e) => e.id === role.name),
      ]);
    }
    expect(graph.entitlements.filter((e) => e.kind === "role")).toHaveLength(roles.length);
  });

  it("grants each user their On-Call role, at the level of its system role", async () => {
    const pulled = await pullAccounts(env.client());
    const onCallRoles = env.sim.store.onCallRoles.list();
    for (const user of env.sim.store.users.list()) {
      const held = of(pulled, "role").filter(
        (grant) => grant.account.id === user.id && grant.via === "GET /v1/on_call_roles",
      );
      expect(held.map((grant) => grant.entitlement.id)).toEqual([user.on_call_role_id]);
    }
    const admin = onCallRoles.find((role) => role.system_role === "admin")!;
    expect(pulled.entitlements).toContainEqual({
      vendor: "rootly",
      kind: "role",
      id: admin.id,
      name: `On-Call ${admin.name}`,
      privilege: "admin",
    });
  });
});

describe("Rootly offboarding with teams and rotations", () => {
  it("plans the team and rotation removals before deleting the user", async () => {
    const { plan } = await graphAndPlan("ben-okafor");
    expect(plan.blockers).toEqual([]);
    const ben = person("ben-okafor").rootly!;
    const actions = plan.steps.map((step) => step.action);
    const teams = Object.keys(ben.teams!).length;
    const schedules = Object.keys(ben.rotations!).length;
    expect(actions.at(-1)).toBe("rootly.deleteUser");
    expect(actions.slice(0, -1).sort()).toEqual([
      ...Array(schedules).fill("rootly.removeFromSchedule"),
      ...Array(teams).fill("rootly.removeFromTeam"),
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["rotation", "escalation"]),
    );
  });

  it("carries the plan out: in no team or rotation, and deleted", async () => {
    const { plan } = await graphAndPlan("ben-okafor");
    const id = Number(userId("ben-okafor"));
    const result = await executeOffboarding(plan, {
      rootly: connector.offboardingExecutor(env.client()),
    });
    expect(result.outcomes.map((o) => o.status)).toEqual(plan.steps.map(() => "done"));
    expect(
      env.sim.store.teams.list().some((t) => t.user_ids?.includes(id) || t.admin_ids?.includes(id)),
    ).toBe(false);
    expect(env.sim.store.rotationUsers.list().some((entry) => entry.user_id === id)).toBe(false);
    expect(env.sim.store.users.get(String(id))).toBeUndefined();
    // Everyone else keeps their places.
    const others = env.sim.store.teams.list().flatMap((t) => t.user_ids ?? []);
    expect(others.length).toBeGreaterThan(0);
  });

  it("after a failure midway, a new plan and run does only what is left", async () => {
    const ben = userId("ben-okafor");
    env.sim.faults.once({ kind: "server-error", status: 500 }, { route: "DELETE /v1/users/{}" });
    const first = await graphAndPlan("ben-okafor");
    const run = await executeOffboarding(first.plan, {
      rootly: connector.offboardingExecutor(env.client({ retry: false })),
    });
    const status = run.outcomes.map((o) => [o.step.action, o.status]);
    expect(status.at(-1)).toEqual(["rootly.deleteUser", "failed"]);
    expect(status.slice(0, -1).every(([, s]) => s === "done")).toBe(true);
    const writes = () =>
      env.sim.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
    const before = writes();
    const again = await graphAndPlan("ben-okafor");
    expect(again.plan.steps.map((step) => step.action)).toEqual(["rootly.deleteUser"]);
    const rerun = await executeOffboarding(again.plan, {
      rootly: connector.offboardingExecutor(env.client()),
    });
    expect(rerun.ok).toBe(true);
    const after = writes().slice(before.length);
    expect(after).toEqual([`DELETE /v1/users/${ben}`]);
  });

  it("refuses someone on call now, naming the schedule", async () => {
    const onCall = demoOrganisation.people.find((p) =>
      Object.values(p.rootly?.rotations ?? {}).some((r) => Object.values(r).includes(1)),
    )!;
    const { plan } = await graphAndPlan(onCall.key);
    const schedule = Object.keys(onCall.rootly!.rotations!)[0];
    expect(plan.blockers.map((b) => [b.code, b.message])).toContainEqual([
      "on-call",
      `on call now in schedule "${schedule}": hand over the shift first`,
    ]);
    await expect(
      executeOffboarding(plan, { rootly: connector.offboardingExecutor(env.client()) }),
    ).rejects.toMatchObject({ name: "IdentityError" });
    expect(env.sim.requests.every((request) => request.method === "GET")).toBe(true);
  });

  it("refuses a team's only admin, and one named by Rootly's own data", async () => {
    const chloe = person("chloe-dubois");
    const { plan } = await graphAndPlan("chloe-dubois");
    const team = Object.entries(chloe.rootly!.teams!).find(([, role]) => role === "admin")![0];
    expect(plan.blockers.map((b) => b.message)).toContain(
      `the only active admin of rootly team "${team}": make someone else an admin first`,
    );
  });
});

describe("Rootly offboarding steps", () => {
  it("takes a user off a team they are an admin of, keeping the other members", async () => {
    const team = env.sim.store.teams.list().find((t) => (t.admin_ids ?? []).length > 1)!;
    const [leaving] = team.admin_ids!;
    const step: RootlyOffboardingStep = {
      vendor: "rootly",
      action: "rootly.removeFromTeam",
      account: { vendor: "rootly", kind: "rootly.user", id: String(leaving) },
      entitlement: { kind: "team", id: team.id, name: team.name },
      description: "",
    };
    await connector.offboardingExecutor(env.client()).execute(step);
    const after = env.sim.store.teams.get(team.id)!;
    expect(after.user_ids).toEqual(team.user_ids!.filter((id) => id !== leaving));
    expect(after.admin_ids).toEqual(team.admin_ids!.filter((id) => id !== leaving));
    // Done already: a second run changes nothing and succeeds.
    await connector.offboardingExecutor(env.client()).execute(step);
  });

  it("fails a team removal that the vendor answers but does not keep", async () => {
    const team = env.sim.store.teams.list()[0]!;
    const member = team.user_ids![0]!;
    const original = env.sim.store.teams.update.bind(env.sim.store.teams);
    env.sim.store.teams.update = (id, changes) =>
      env.sim.store.teams.get(id) ?? original(id, changes);
    try {
      await expect(
        connector.offboardingExecutor(env.client()).execute({
          vendor: "rootly",
          action: "rootly.removeFromTeam",
          account: { vendor: "rootly", kind: "rootly.user", id: String(member) },
          entitlement: { kind: "team", id: team.id, name: team.name },
          description: "",
        }),
      ).rejects.toMatchObject({ name: "AccountStillPresentError" });
    } finally {
      env.sim.store.teams.update = original;
    }
  });
});
