// The calls the access graph reads and offboarding writes make, per vendor, against its simulator
// seeded with the demo organisation (ids come from the simulator's store). The fault suite runs
// every fault on each of them; add a row with each such operation a vendor gains.
import { unwrap } from "@rollcall/core";
import type { SimulatedVendor } from "@rollcall/simulators";
import type {
  OpsgenieClient,
  RootlyClient,
  UptrendsClient,
  OpsgenieSim,
  RootlySim,
  UptrendsSim,
} from "./vendors";

type Options = { timeoutMs?: number };

export interface AccessCall {
  /** The simulator route, `"METHOD /path/{}"`, for fault injection and request counts. */
  readonly route: string;
  readonly call: (client: never, options: Options, sim: never) => Promise<unknown>;
}

/** One row: the route and a call of it that unwraps the result. */
function row<Client, Sim>(
  route: string,
  call: (client: Client, options: Options, sim: Sim) => Promise<object>,
): AccessCall {
  return {
    route,
    call: async (client, options, sim) => unwrap((await call(client, options, sim)) as never),
  };
}

const first = <T>(items: readonly T[], what: string): T => {
  if (items[0] === undefined) throw new Error(`the demo seed has no ${what}`);
  return items[0];
};

type R = RootlyClient;
type O = OpsgenieClient;
type U = UptrendsClient;

const ROOTLY: AccessCall[] = [
  row<R, RootlySim>("GET /v1/roles", (c, o) => c.GET("/v1/roles", o)),
  row<R, RootlySim>("GET /v1/on_call_roles", (c, o) => c.GET("/v1/on_call_roles", o)),
  row<R, RootlySim>("GET /v1/schedules", (c, o) => c.GET("/v1/schedules", o)),
  row<R, RootlySim>("GET /v1/oncalls", (c, o) => c.GET("/v1/oncalls", o)),
  row<R, RootlySim>("GET /v1/escalation_policies", (c, o) => c.GET("/v1/escalation_policies", o)),
  row<R, RootlySim>("GET /v1/schedules/{}/schedule_rotations", (c, o, sim) =>
    c.GET("/v1/schedules/{schedule_id}/schedule_rotations", {
      params: { path: { schedule_id: first(sim.store.schedules.list(), "schedule").id } },
      ...o,
    }),
  ),
  row<R, RootlySim>("GET /v1/schedule_rotations/{}/schedule_rotation_users", (c, o, sim) =>
    c.GET("/v1/schedule_rotations/{schedule_rotation_id}/schedule_rotation_users", {
      params: {
        path: { schedule_rotation_id: first(sim.store.rotations.list(), "rotation").id },
      },
      ...o,
    }),
  ),
  row<R, RootlySim>("GET /v1/escalation_policies/{}/escalation_levels", (c, o, sim) =>
    c.GET("/v1/escalation_policies/{escalation_policy_id}/escalation_levels", {
      params: {
        path: {
          escalation_policy_id: first(sim.store.escalationPolicies.list(), "escalation").id,
        },
      },
      ...o,
    }),
  ),
  row<R, RootlySim>("GET /v1/teams/{}", (c, o, sim) =>
    c.GET("/v1/teams/{id}", {
      params: { path: { id: first(sim.store.teams.list(), "team").id } },
      ...o,
    }),
  ),
  // Offboarding's read-modify-write of a team: the members written back as they are.
  row<R, RootlySim>("PUT /v1/teams/{}", (c, o, sim) => {
    const team = first(sim.store.teams.list(), "team");
    const attributes = { user_ids: team.user_ids ?? null, admin_ids: team.admin_ids ?? null };
    return c.PUT("/v1/teams/{id}", {
      params: { path: { id: team.id } },
      body: { data: { type: "groups", attributes } },
      ...o,
    });
  }),
  row<R, RootlySim>("DELETE /v1/schedule_rotation_users/{}", (c, o, sim) =>
    c.DELETE("/v1/schedule_rotation_users/{id}", {
      params: { path: { id: first(sim.store.rotationUsers.list(), "rotation user").id } },
      ...o,
    }),
  ),
];

const OPSGENIE: AccessCall[] = [
  row<O, OpsgenieSim>("GET /v2/users", (c, o) => c.GET("/v2/users", o)),
  row<O, OpsgenieSim>("GET /v2/roles", (c, o) => c.GET("/v2/roles", o)),
  row<O, OpsgenieSim>("GET /v2/teams", (c, o) => c.GET("/v2/teams", o)),
  row<O, OpsgenieSim>("GET /v2/schedules", (c, o) => c.GET("/v2/schedules", o)),
  row<O, OpsgenieSim>("GET /v2/escalations", (c, o) => c.GET("/v2/escalations", o)),
  row<O, OpsgenieSim>("GET /v2/teams/{}", (c, o, sim) =>
    c.GET("/v2/teams/{identifier}", {
      params: { path: { identifier: first(sim.store.access.teams.list(), "team").id } },
      ...o,
    }),
  ),
  row<O, OpsgenieSim>("GET /v2/schedules/{}/on-calls", (c, o, sim) =>
    c.GET("/v2/schedules/{identifier}/on-calls", {
      params: { path: { identifier: first(sim.store.access.schedules.list(), "schedule").id } },
      ...o,
    }),
  ),
  row<O, OpsgenieSim>("DELETE /v2/teams/{}/members/{}", (c, o, sim) => {
    const team = first(sim.store.access.teams.list(), "team");
    return c.DELETE("/v2/teams/{identifier}/members/{memberIdentifier}", {
      params: {
        path: { identifier: team.id, memberIdentifier: first(team.members, "member").userId },
      },
      ...o,
    });
  }),
  // Offboarding's read-modify-write of a rotation: its participants written back as they are.
  row<O, OpsgenieSim>("PATCH /v2/schedules/{}/rotations/{}", (c, o, sim) => {
    const schedule = first(sim.store.access.schedules.list(), "schedule");
    const rotation = first(schedule.rotations, "rotation");
    const participants = rotation.participants.map((participant) =>
      participant.type === "user" && "userId" in participant
        ? { type: "user" as const, id: participant.userId }
        : participant,
    );
    return c.PATCH("/v2/schedules/{identifier}/rotations/{id}", {
      params: { path: { identifier: schedule.id, id: rotation.id } },
      body: { participants } as never,
      ...o,
    });
  }),
];

const UPTRENDS: AccessCall[] = [
  row<U, UptrendsSim>("GET /OperatorGroup", (c, o) => c.GET("/OperatorGroup", o)),
  row<U, UptrendsSim>("GET /OperatorGroup/{}/Member", (c, o, sim) =>
    c.GET("/OperatorGroup/{operatorGroupGuid}/Member", {
      params: {
        path: {
          operatorGroupGuid: first(sim.store.operatorGroups.list(), "group").OperatorGroupGuid,
        },
      },
      ...o,
    }),
  ),
  row<U, UptrendsSim>("GET /Operator/{}/Authorization", (c, o, sim) =>
    c.GET("/Operator/{operatorGuid}/Authorization", {
      params: {
        path: { operatorGuid: first(sim.store.operators.list(), "operator").OperatorGuid },
      },
      ...o,
    }),
  ),
];

/** Per vendor, the access and offboarding calls added beside its account API. */
export const ACCESS_CALLS: Partial<Record<SimulatedVendor, readonly AccessCall[]>> = {
  rootly: ROOTLY,
  opsgenie: OPSGENIE,
  uptrends: UPTRENDS,
};
