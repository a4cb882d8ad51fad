// What pullAccounts reads from OpsGenie's v2 access surface, checked against the demo roster and
// the simulator's store (one store: v1 users, v2 teams, schedules, escalations and custom roles).
import { buildAccessGraph, buildDirectory, type AdapterResult } from "@rollcall/core";
import { demoOpsgenieAccess, demoOrganisation } from "@rollcall/simulators";
import { beforeEach, describe, expect, it } from "vitest";
import { pullAccounts, USER_KIND, type OpsgenieClient } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

const env = useOpsgenieSimulator("demo");
let client: OpsgenieClient;
beforeEach(() => {
  client = env.client();
});

const person = (key: string) => demoOrganisation.people.find((p) => p.key === key)!;
/** The account id of a demo person, as the simulator's store has it. */
const userId = (key: string) => env.sim.store.userByUsername(person(key).opsgenie!.username)!.id;

const grantsOf = (pulled: AdapterResult, key: string) =>
  (pulled.grants ?? [])
    .filter((g) => g.account.id === userId(key))
    .map((g) => [g.entitlement.kind, g.entitlement.id, g.privilege, g.onCallNow]);

describe("pullAccounts reads OpsGenie's access", () => {
  it("reads the teams, schedules and escalations beside the users, not after their last page", async () => {
    // The first page of users is held for a second; the access reads must be sent meanwhile.
    env.sim.faults.once({ kind: "delay", ms: 1000 }, { route: "GET /v1.2/json/user" });
    const before = env.sim.requests.length;
    const pulled = await pullAccounts(client, { pageSize: 2 });
    expect(pulled.issues).toEqual([]);
    const paths = env.sim.requests.slice(before).map((request) => request.path);
    const users = "/v1.2/json/user";
    const secondUsersPage = paths.indexOf(users, paths.indexOf(users) + 1);
    expect(secondUsersPage).toBeGreaterThan(0);
    for (const read of ["/v2/teams", "/v2/schedules", "/v2/escalations"]) {
      expect(paths.slice(0, secondUsersPage), read).toContain(read);
    }
  });

  it("gives each team member and admin a grant, as the roster says", async () => {
    const pulled = await pullAccounts(client);
    const teams = new Map(env.sim.store.access.teams.list().map((t) => [t.name, t.id]));
    const expected = demoOrganisation.people.flatMap((p) =>
      Object.entries(p.opsgenie?.teams ?? {}).map(([name, role]) => [
        p.key,
        teams.get(name),
        role === "admin" ? "admin" : "member",
      ]),
    );
    expect(expected.length).toBeGreaterThan(2);
    const actual = (pulled.grants ?? [])
      .filter((g) => g.entitlement.kind === "team")
      .map((g) => [
        demoOrganisation.people.find((p) => p.opsgenie && userId(p.key) === g.account.id)?.key,
        g.entitlement.id,
        g.privilege,
      ]);
    expect(actual.sort()).toEqual(expected.sort());
    // Each grant names the account as the directory keys it, so it joins to a person.
    for (const grant of pulled.grants ?? []) expect(grant.account.kind).toBe(USER_KIND);
    // A team with an admin confers admin.
    const sre = pulled.entitlements?.find((e) => e.kind === "team" && e.name === "SRE");
    expect(sre?.privilege).toBe("admin");
  });

  it("says who is on call now: the rotation's first participant, and nobody else", async () => {
    const pulled = await pullAccounts(client);
    const [schedule] = demoOpsgenieAccess.schedules;
    const scheduleId = env.sim.store.access.schedules.find((s) => s.name === schedule!.name)!.id;
    const [first, ...later] = schedule!.participants;
    expect(grantsOf(pulled, first!)).toContainEqual(["schedule", scheduleId, "member", true]);
    for (const key of later)
      expect(grantsOf(pulled, key)).toContainEqual(["schedule", scheduleId, "member", false]);
    // Rotating the schedule moves the on-call grant with it.
    const stored = env.sim.store.access.schedules.get(scheduleId)!;
    const [rotation] = stored.rotations;
    env.sim.store.access.schedules.update(scheduleId, {
      rotations: [{ ...rotation!, participants: [...rotation!.participants].reverse() }],
    });
    const again = await pullAccounts(client);
    expect(grantsOf(again, later.at(-1)!)).toContainEqual(["schedule", scheduleId, "member", true]);
    expect(grantsOf(again, first!)).toContainEqual(["schedule", scheduleId, "member", false]);
  });

  it("grants an escalation only to users a rule names directly", async () => {
    const pulled = await pullAccounts(client);
    const escalation = pulled.entitlements?.find((e) => e.kind === "escalation");
    expect(escalation?.name).toBe(demoOpsgenieAccess.escalations[0]!.name);
    const holders = (pulled.grants ?? [])
      .filter((g) => g.entitlement.kind === "escalation")
      .map((g) => g.account.id);
    const named = demoOpsgenieAccess.escalations[0]!.recipients.flatMap((r) =>
      "person" in r ? [userId(r.person)] : [],
    );
    expect(holders).toEqual(named);
  });

  it("shows a user's role as one grant, a custom role at the level of the role it extends", async () => {
    const pulled = await pullAccounts(client);
    const graph = buildAccessGraph(buildDirectory(pulled.accounts), [pulled]);
    const marcus = person("marcus-lee");
    const roles = graph.entries.filter(
      (entry) => entry.grant.account.id === userId(marcus.key) && entry.entitlement.kind === "role",
    );
    expect(roles.map((entry) => [entry.entitlement.id, entry.grant.privilege])).toEqual([
      [marcus.opsgenie!.role, "member"],
    ]);
    expect(roles[0]!.personId).not.toBeNull();
    const custom = pulled.entitlements?.find((e) => e.kind === "role");
    expect(custom).toMatchObject({ id: "Incident Lead", privilege: "member" });
  });
});
