import { ClientValidationError, NotFoundError, unwrap } from "@rollcall/core";
import { operationCoverage } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("both");
// Every contract test names the operation it exercises, so an untested spec operation fails.
const coverage = operationCoverage("rootly");
function contract(operationId: string, fn: () => Promise<void>): void {
  coverage.cover(operationId);
  it(`${operationId} round-trips through the typed client`, fn);
}

// The incident, users and role of Rootly's own assign_role_to_user document (simulator seed "docs").
const INCIDENT = "af96c85d-324d-4189-9138-d393d9a12fb9";
const ROLE = "f8e941d9-1172-4544-afdc-b40f4eb20c77";

describe("Rootly contract", () => {
  contract("listUsers", async () => {
    const client = env.client();
    const page = unwrap(
      await client.GET("/v1/users", { params: { query: { "page[size]": 2, "page[number]": 2 } } }),
    );
    const all = env.sim.store.users.list();
    expect(page.data.map((user) => user.id)).toEqual(all.slice(2, 4).map((user) => user.id));
    expect(page.meta.total_count).toBe(all.length);
    expect(page.meta.current_page).toBe(2);

    const filtered = unwrap(
      await client.GET("/v1/users", {
        params: { query: { "filter[email]": "emmett.daugherty@wehner-turner.test" } },
      }),
    );
    expect(filtered.data.map((user) => user.id)).toEqual(["317"]);
  });

  contract("getCurrentUser", async () => {
    const me = unwrap(await env.client().GET("/v1/users/me"));
    expect(me.data.id).toBe(env.sim.store.currentUserId);
  });

  contract("getUser", async () => {
    const user = unwrap(
      await env.client().GET("/v1/users/{id}", { params: { path: { id: "317" } } }),
    );
    expect(user.data.attributes.email).toBe(env.sim.store.users.get("317")!.email);
    expect(user.data.attributes.full_name).toBe("Mario Casper");
    expect(user.included).toBeUndefined();

    const withRoles = unwrap(
      await env.client().GET("/v1/users/{id}", {
        params: { path: { id: "317" }, query: { include: "role,on_call_role" } },
      }),
    );
    const stored = env.sim.store.users.get("317")!;
    expect(withRoles.data.relationships?.role?.data?.id).toBe(stored.role_id);
    expect(withRoles.data.relationships?.on_call_role?.data?.id).toBe(stored.on_call_role_id);
    expect(
      withRoles.included?.map((resource) => [resource.type, resource.attributes?.name]),
    ).toEqual([
      ["roles", env.sim.store.roles.get(stored.role_id!)!.name],
      ["on_call_roles", env.sim.store.onCallRoles.get(stored.on_call_role_id!)!.name],
    ]);
  });

  contract("deleteUser", async () => {
    const client = env.client();
    const deleted = unwrap(
      await client.DELETE("/v1/users/{id}", { params: { path: { id: "315" } } }),
    );
    expect(deleted.data.id).toBe("315");
    expect(env.sim.store.users.get("315")).toBeUndefined();
    const again = await client.GET("/v1/users/{id}", { params: { path: { id: "315" } } });
    expect(() => unwrap(again)).toThrow(NotFoundError);
  });

  contract("listTeams", async () => {
    const teams = unwrap(await env.client().GET("/v1/teams"));
    expect(
      teams.data.map((team) => [team.id, team.attributes.user_ids, team.attributes.admin_ids]),
    ).toEqual(env.sim.store.teams.list().map((team) => [team.id, team.user_ids, team.admin_ids]));
    expect(teams.data.every((team) => team.type === "groups")).toBe(true);
  });

  contract("getTeam", async () => {
    const stored = env.sim.store.teams.list()[0]!;
    const team = unwrap(
      await env.client().GET("/v1/teams/{id}", { params: { path: { id: stored.id } } }),
    );
    expect([team.data.id, team.data.attributes.user_ids]).toEqual([stored.id, stored.user_ids]);
    const missing = await env.client().GET("/v1/teams/{id}", { params: { path: { id: "gone" } } });
    expect(() => unwrap(missing)).toThrow(NotFoundError);
  });

  contract("updateTeam", async () => {
    const stored = env.sim.store.teams.list().find((team) => (team.user_ids ?? []).length > 1)!;
    const [kept] = stored.user_ids!;
    const team = unwrap(
      await env.client().PUT("/v1/teams/{id}", {
        params: { path: { id: stored.id } },
        body: { data: { type: "groups", attributes: { user_ids: [kept!], admin_ids: [] } } },
      }),
    );
    expect([team.data.attributes.user_ids, team.data.attributes.admin_ids]).toEqual([[kept], []]);
    expect(env.sim.store.teams.get(stored.id)!.user_ids).toEqual([kept]);
    // An id with a path separator is refused before anything is sent.
    const sent = env.sim.requests.length;
    await expect(
      env.client().PUT("/v1/teams/{id}", {
        params: { path: { id: "a/../b" } },
        body: { data: { type: "groups", attributes: { user_ids: [] } } },
      }),
    ).rejects.toThrow(ClientValidationError);
    expect(env.sim.requests.length).toBe(sent);
  });

  contract("listRoles", async () => {
    const roles = unwrap(await env.client().GET("/v1/roles"));
    expect(roles.data.map((role) => [role.id, role.attributes.slug])).toEqual(
      env.sim.store.roles.list().map((role) => [role.id, role.slug]),
    );
  });

  contract("listOnCallRoles", async () => {
    const roles = unwrap(await env.client().GET("/v1/on_call_roles"));
    expect(roles.data.map((role) => [role.id, role.attributes.system_role])).toEqual(
      env.sim.store.onCallRoles.list().map((role) => [role.id, role.system_role]),
    );
  });

  contract("listSchedules", async () => {
    const schedules = unwrap(await env.client().GET("/v1/schedules"));
    expect(schedules.data.map((schedule) => [schedule.id, schedule.attributes.name])).toEqual(
      env.sim.store.schedules.list().map((schedule) => [schedule.id, schedule.name]),
    );
  });

  contract("listScheduleRotations", async () => {
    const schedule = env.sim.store.schedules.list()[0]!;
    const rotations = unwrap(
      await env.client().GET("/v1/schedules/{schedule_id}/schedule_rotations", {
        params: { path: { schedule_id: schedule.id } },
      }),
    );
    const stored = env.sim.store.rotations.list().filter((r) => r.schedule_id === schedule.id);
    expect(rotations.data.map((rotation) => rotation.id)).toEqual(stored.map((r) => r.id));
    expect(stored.length).toBeGreaterThan(1);
  });

  contract("listScheduleRotationUsers", async () => {
    const rotation = env.sim.store.rotations.list()[0]!;
    const users = unwrap(
      await env
        .client()
        .GET("/v1/schedule_rotations/{schedule_rotation_id}/schedule_rotation_users", {
          params: { path: { schedule_rotation_id: rotation.id } },
        }),
    );
    const stored = env.sim.store.rotationUsers
      .list()
      .filter((entry) => entry.schedule_rotation_id === rotation.id)
      .sort((a, b) => a.position - b.position);
    expect(users.data.map((entry) => [entry.id, entry.attributes.user_id])).toEqual(
      stored.map((entry) => [entry.id, entry.user_id]),
    );
  });

  contract("deleteScheduleRotationUser", async () => {
    const entry = env.sim.store.rotationUsers.list()[0]!;
    const path = { params: { path: { id: entry.id } } };
    const deleted = unwrap(await env.client().DELETE("/v1/schedule_rotation_users/{id}", path));
    expect(deleted.data.attributes.user_id).toBe(entry.user_id);
    expect(env.sim.store.rotationUsers.get(entry.id)).toBeUndefined();
    const again = await env.client().DELETE("/v1/schedule_rotation_users/{id}", path);
    expect(() => unwrap(again)).toThrow(NotFoundError);
  });

  contract("listOncalls", async () => {
    const oncalls = unwrap(await env.client().GET("/v1/oncalls"));
    expect(oncalls.data.length).toBeGreaterThan(0);
    const users = new Set(env.sim.store.users.list().map((user) => Number(user.id)));
    expect(oncalls.data.every((entry) => users.has(entry.attributes.user_id))).toBe(true);
  });

  contract("listEscalationPolicies", async () => {
    const policies = unwrap(await env.client().GET("/v1/escalation_policies"));
    expect(policies.data.map((policy) => policy.id)).toEqual(
      env.sim.store.escalationPolicies.list().map((policy) => policy.id),
    );
  });

  contract("listEscalationLevels", async () => {
    const policy = env.sim.store.escalationPolicies.list()[0]!;
    const levels = unwrap(
      await env.client().GET("/v1/escalation_policies/{escalation_policy_id}/escalation_levels", {
        params: { path: { escalation_policy_id: policy.id } },
      }),
    );
    expect(levels.data.map((level) => level.attributes.notification_target_params)).toEqual(
      env.sim.store.escalationLevels
        .list()
        .filter((level) => level.escalation_policy_id === policy.id)
        .map((level) => level.notification_target_params),
    );
  });

  contract("listIncidentRoles", async () => {
    const roles = unwrap(await env.client().GET("/v1/incident_roles"));
    expect(roles.data.map((role) => role.id).sort()).toEqual(
      env.sim.store.incidentRoles
        .list()
        .map((role) => role.id)
        .sort(),
    );
  });

  contract("assignIncidentRoleToUser", async () => {
    const incident = unwrap(
      await env.client().POST("/v1/incidents/{id}/assign_role_to_user", {
        params: { path: { id: INCIDENT } },
        body: {
          data: { type: "incidents", attributes: { user_id: "317", incident_role_id: ROLE } },
        },
      }),
    );
    const holders = (incident.included ?? []).map((a) => a.attributes.user.data.id);
    expect(holders).toContain("317");
    const stored = env.sim.store.incident(INCIDENT)!.role_assignments;
    expect(stored.some((a) => a.user_id === "317" && a.incident_role_id === ROLE)).toBe(true);
  });

  contract("unassignIncidentRoleFromUser", async () => {
    const before = env.sim.store.incident(INCIDENT)!.role_assignments;
    const holder = before.find((a) => a.incident_role_id === ROLE)!;
    const incident = unwrap(
      await env.client().DELETE("/v1/incidents/{id}/unassign_role_from_user", {
        params: { path: { id: INCIDENT } },
        body: {
          data: {
            type: "incidents",
            attributes: { user_id: holder.user_id, incident_role_id: ROLE },
          },
        },
      }),
    );
    expect(incident.data.id).toBe(INCIDENT);
    const after = env.sim.store.incident(INCIDENT)!.role_assignments;
    expect(after.some((a) => a.user_id === holder.user_id && a.incident_role_id === ROLE)).toBe(
      false,
    );
  });

  it("sends JSON:API media types, the bearer token and a versioned User-Agent", async () => {
    const client = env.client();
    await client.POST("/v1/incidents/{id}/assign_role_to_user", {
      params: { path: { id: INCIDENT } },
      body: { data: { type: "incidents", attributes: { user_id: "315", incident_role_id: ROLE } } },
    });
    const [request] = env.sim.requests;
    expect(request!.headers["content-type"]).toBe("application/vnd.api+json");
    expect(request!.headers.accept).toBe("application/vnd.api+json");
    expect(request!.headers["user-agent"]).toMatch(
      new RegExp(`^@rollcall/rootly-client/${packageJson.version.replaceAll(".", "\\.")}( |$)`),
    );
    expect(request!.status).toBe(200);
  });

  it("has a contract test for every operation in the rootly spec", () => {
    expect(coverage.uncovered()).toEqual([]);
  });
});
