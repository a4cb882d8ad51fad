// Every fault the simulator injects, on each operation the access reads and offboarding writes
// use (the conformance suite runs them on one GET and one POST per vendor): retried when
// transient, typed otherwise, and the token in no error.
import { unwrap } from "@rollcall/core";
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  runFaultScenario,
  secretLeaks,
} from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import type { RootlyClient } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("demo");
const store = () => env.sim.store;

// Route (for the fault) and a call of it; PUT and DELETE are idempotent, so retried like a GET.
const calls: [
  string,
  (client: RootlyClient, options: { timeoutMs?: number }) => Promise<unknown>,
][] = [
  ["GET /v1/roles", (c, o) => c.GET("/v1/roles", o)],
  ["GET /v1/on_call_roles", (c, o) => c.GET("/v1/on_call_roles", o)],
  ["GET /v1/schedules", (c, o) => c.GET("/v1/schedules", o)],
  ["GET /v1/oncalls", (c, o) => c.GET("/v1/oncalls", o)],
  ["GET /v1/escalation_policies", (c, o) => c.GET("/v1/escalation_policies", o)],
  [
    "GET /v1/schedules/{}/schedule_rotations",
    (c, o) =>
      c.GET("/v1/schedules/{schedule_id}/schedule_rotations", {
        params: { path: { schedule_id: store().schedules.list()[0]!.id } },
        ...o,
      }),
  ],
  [
    "GET /v1/schedule_rotations/{}/schedule_rotation_users",
    (c, o) =>
      c.GET("/v1/schedule_rotations/{schedule_rotation_id}/schedule_rotation_users", {
        params: { path: { schedule_rotation_id: store().rotations.list()[0]!.id } },
        ...o,
      }),
  ],
  [
    "GET /v1/escalation_policies/{}/escalation_levels",
    (c, o) =>
      c.GET("/v1/escalation_policies/{escalation_policy_id}/escalation_levels", {
        params: { path: { escalation_policy_id: store().escalationPolicies.list()[0]!.id } },
        ...o,
      }),
  ],
  [
    "GET /v1/teams/{}",
    (c, o) =>
      c.GET("/v1/teams/{id}", { params: { path: { id: store().teams.list()[0]!.id } }, ...o }),
  ],
  [
    "PUT /v1/teams/{}",
    (c, o) => {
      const team = store().teams.list()[0]!;
      const attributes = { user_ids: team.user_ids ?? null, admin_ids: team.admin_ids ?? null };
      return c.PUT("/v1/teams/{id}", {
        params: { path: { id: team.id } },
        body: { data: { type: "groups", attributes } },
        ...o,
      });
    },
  ],
  [
    "DELETE /v1/schedule_rotation_users/{}",
    (c, o) =>
      c.DELETE("/v1/schedule_rotation_users/{id}", {
        params: { path: { id: store().rotationUsers.list()[0]!.id } },
        ...o,
      }),
  ],
];

describe.each(faultScenarios({ rateLimitNamesLongWait: true }))("under $name", (scenario) => {
  it.each(calls)("%s", async (route, call) => {
    const client = env.client({ retry: FAULT_TEST_RETRY });
    const run = await runFaultScenario(env.sim, route, scenario, scenario.idempotent, (o) =>
      call(client, o).then((result) => unwrap(result as never)),
    );
    expect(run.problems).toEqual([]);
    if (!("data" in run.outcome)) {
      expect(secretLeaks(run.outcome.error, [env.sim.credentials.token])).toEqual([]);
    }
  });
});
