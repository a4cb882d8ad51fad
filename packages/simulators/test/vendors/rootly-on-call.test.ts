import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoOrganisation, demoRootlyEscalationSchedules } from "../../src/demo-organisation";
import { startRootly, type RootlySimulator } from "../../src/vendors/rootly/rootly-simulator";

const JSON_API = "application/vnd.api+json";

let sim: RootlySimulator;
beforeEach(async () => {
  sim = await startRootly({ seed: "demo" });
});
afterEach(async () => {
  await sim.close();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sim.credentials.token}`,
      ...(body === undefined ? {} : { "content-type": JSON_API }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The demo user id of a roster person, from their address. */
const userIdOf = (key: string) => {
  const person = demoOrganisation.people.find((candidate) => candidate.key === key)!;
  return Number(sim.store.users.find((user) => user.email === person.rootly!.email)!.id);
};

/** The roster's rotations: "schedule/rotation" → user ids in position order. */
function rosterRotations(): Map<string, number[]> {
  const places = new Map<string, [number, number][]>();
  for (const person of demoOrganisation.people) {
    for (const [schedule, rotations] of Object.entries(person.rootly?.rotations ?? {})) {
      for (const [rotation, position] of Object.entries(rotations)) {
        const key = `${schedule}/${rotation}`;
        places.set(key, [...(places.get(key) ?? []), [position, userIdOf(person.key)]]);
      }
    }
  }
  return new Map(
    [...places].map(([key, list]) => [key, list.sort(([a], [b]) => a - b).map(([, id]) => id)]),
  );
}

async function servedRotations(): Promise<Map<string, number[]>> {
  const served = new Map<string, number[]>();
  for (const schedule of (await call("GET", "/v1/schedules")).body.data) {
    const path = `/v1/schedules/${schedule.id}/schedule_rotations`;
    for (const rotation of (await call("GET", path)).body.data) {
      const users = await call(
        "GET",
        `/v1/schedule_rotations/${rotation.id}/schedule_rotation_users`,
      );
      served.set(
        `${schedule.attributes.name}/${rotation.attributes.name}`,
        users.body.data.map((entry: any) => entry.attributes.user_id),
      );
    }
  }
  return served;
}

describe("Rootly simulator: schedules, on call and escalation policies", () => {
  it("serves the roster's schedules with their rotations and each rotation's users in order", async () => {
    const expected = rosterRotations();
    expect([...expected.keys()].length).toBeGreaterThanOrEqual(2);
    expect(await servedRotations()).toEqual(expected);
  });

  it("answers on call now: the first user of each rotation of a schedule a policy pages, and users paged directly", async () => {
    const { status, body } = await call("GET", "/v1/oncalls");
    expect(status).toBe(200);
    const bySchedule = body.data
      .filter((entry: any) => entry.attributes.schedule_id !== null)
      .map((entry: any) => [entry.attributes.schedule_name, entry.attributes.user_id]);
    const firsts = [...rosterRotations()].map(([key, users]) => [key.split("/")[0], users[0]]);
    expect(bySchedule).toEqual(firsts);
    const direct = body.data
      .filter((entry: any) => entry.attributes.schedule_id === null)
      .map((entry: any) => entry.attributes.user_id);
    const named = demoOrganisation.people
      .filter((person) => person.rootly?.escalations !== undefined)
      .map((person) => userIdOf(person.key));
    expect(direct).toEqual(named);
    expect(named.length).toBeGreaterThan(0);
  });

  it("lists each escalation policy's levels with the schedules and users they page", async () => {
    const policies = (await call("GET", "/v1/escalation_policies")).body.data;
    expect(policies.map((policy: any) => policy.attributes.name)).toEqual(
      Object.keys(demoRootlyEscalationSchedules),
    );
    const levels = (
      await call("GET", `/v1/escalation_policies/${policies[0].id}/escalation_levels`)
    ).body.data;
    const types = levels.flatMap((level: any) =>
      level.attributes.notification_target_params.map((target: any) => target.type),
    );
    expect(types).toEqual(expect.arrayContaining(["schedule", "user"]));
  });

  it("takes a user out of a rotation by the entry's id, and the next in line goes on call", async () => {
    const [key, users] = [...rosterRotations()][0]!;
    const schedule = (await call("GET", "/v1/schedules")).body.data.find(
      (candidate: any) => candidate.attributes.name === key!.split("/")[0],
    );
    const rotation = (
      await call("GET", `/v1/schedules/${schedule.id}/schedule_rotations`)
    ).body.data.find((candidate: any) => candidate.attributes.name === key!.split("/")[1]);
    const entries = (
      await call("GET", `/v1/schedule_rotations/${rotation.id}/schedule_rotation_users`)
    ).body.data;
    const removed = await call("DELETE", `/v1/schedule_rotation_users/${entries[0].id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.attributes.user_id).toBe(users![0]);
    expect((await call("DELETE", `/v1/schedule_rotation_users/${entries[0].id}`)).status).toBe(404);
    expect((await servedRotations()).get(key!)).toEqual(users!.slice(1));
    const onCall = (await call("GET", "/v1/oncalls")).body.data.map(
      (entry: any) => entry.attributes.user_id,
    );
    expect(onCall).toContain(users![1]);
    expect(onCall).not.toContain(users![0]);
  });

  it("keeps a deleted user's rotation entries, as the spec's notes say", async () => {
    const before = await servedRotations();
    const [, users] = [...before][0]!;
    expect((await call("DELETE", `/v1/users/${users![0]}`)).status).toBe(200);
    expect(await servedRotations()).toEqual(before);
  });

  it("answers 404 for the rotations of a schedule it does not have", async () => {
    const missing = await call("GET", "/v1/schedules/no-such-schedule/schedule_rotations");
    expect(missing.status).toBe(404);
    const levels = await call("GET", "/v1/escalation_policies/nope/escalation_levels");
    expect(levels.status).toBe(404);
  });

  it("updates a team's members and admins, refusing an admin who is not a member", async () => {
    const team = sim.store.teams.list()[0]!;
    const [keep, ...rest] = team.user_ids!;
    const update = (user_ids: number[], admin_ids: number[]) =>
      call("PUT", `/v1/teams/${team.id}`, {
        data: { type: "groups", attributes: { user_ids, admin_ids } },
      });
    const refused = await update([keep!], rest);
    expect(refused.status).toBe(422);
    expect(sim.store.teams.get(team.id)!.user_ids).toEqual(team.user_ids);
    const done = await update([keep!], []);
    expect(done.status).toBe(200);
    expect(done.body.data.attributes.user_ids).toEqual([keep]);
    expect((await call("GET", `/v1/teams/${team.id}`)).body.data.attributes.admin_ids).toEqual([]);
    expect((await call("GET", "/v1/teams/no-such-team")).status).toBe(404);
  });

  it("lists the account and On-Call roles it holds users to", async () => {
    const roles = (await call("GET", "/v1/roles")).body.data;
    expect(roles.map((role: any) => role.id)).toEqual(sim.store.roles.list().map((r) => r.id));
    const onCall = (await call("GET", "/v1/on_call_roles")).body.data;
    expect(onCall.map((role: any) => role.attributes.system_role)).toEqual(
      sim.store.onCallRoles.list().map((role) => role.system_role),
    );
  });
});
