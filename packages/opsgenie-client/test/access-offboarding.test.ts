// Offboarding someone who holds OpsGenie access: the preflight refuses the owner and whoever is on
// call; anyone else leaves their teams and rotations before the user is deleted, and a rerun after
// a failure does only what is left.
import {
  buildAccessGraph,
  buildDirectory,
  executeOffboarding,
  planOffboarding,
} from "@rollcall/core";
import { demoOpsgenieAccess, demoOrganisation } from "@rollcall/simulators";
import { beforeEach, describe, expect, it } from "vitest";
import {
  offboardingExecutor,
  offboardingPlanner,
  pullAccounts,
  type OpsgenieClient,
} from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

const env = useOpsgenieSimulator("demo");
let client: OpsgenieClient;
beforeEach(() => {
  client = env.client();
});

const person = (key: string) => demoOrganisation.people.find((p) => p.key === key)!;

async function plan(key: string) {
  const pulled = await pullAccounts(client);
  const directory = buildDirectory(pulled.accounts);
  const access = buildAccessGraph(directory, [pulled]);
  return planOffboarding(
    directory,
    person(key).workEmail,
    { opsgenie: offboardingPlanner },
    { access },
  );
}

const run = (planned: Awaited<ReturnType<typeof plan>>) =>
  executeOffboarding(planned, { opsgenie: offboardingExecutor(client) }, { stopOnFailure: true });

/** Where a user still is: the teams and schedules whose records name their id. */
function whereIs(userId: string) {
  const teams = env.sim.store.access.teams
    .filter((t) => t.members.some((m) => m.userId === userId))
    .map((t) => t.name);
  const schedules = env.sim.store.access.schedules
    .filter((s) =>
      s.rotations.some((r) => r.participants.some((p) => "userId" in p && p.userId === userId)),
    )
    .map((s) => s.name);
  return { teams, schedules, user: env.sim.store.users.get(userId) !== undefined };
}

describe("offboarding with OpsGenie access", () => {
  it("refuses the account owner and whoever is on call now", async () => {
    const owner = await plan("ava-chen");
    expect(owner.blockers?.map((b) => b.message)).toContainEqual(
      expect.stringMatching(/only owner of opsgenie/),
    );
    const onCall = demoOpsgenieAccess.schedules[0]!.participants[0]!;
    const refused = await plan(onCall);
    expect(refused.blockers?.map((b) => b.message)).toContainEqual(
      expect.stringMatching(/on call now in schedule "SRE On Call"/),
    );
    await expect(run(refused)).rejects.toThrow(/nothing was changed/);
    expect(env.sim.requests.every((request) => request.method === "GET")).toBe(true);
  });

  it("takes someone off their team and rotation first, then deletes them", async () => {
    const priya = person("priya-nair");
    const id = env.sim.store.userByUsername(priya.opsgenie!.username)!.id;
    expect(whereIs(id)).toEqual({ teams: ["SRE"], schedules: ["SRE On Call"], user: true });
    const planned = await plan("priya-nair");
    expect(planned.blockers).toEqual([]);
    const actions = planned.steps.map((step) => step.action);
    expect(actions.slice(0, 2).sort()).toEqual([
      "opsgenie.removeFromRotations",
      "opsgenie.removeTeamMember",
    ]);
    expect(actions[2]).toBe("opsgenie.deleteUser");
    const result = await run(planned);
    expect(result.outcomes.map((o) => o.status)).toEqual(["done", "done", "done"]);
    expect(whereIs(id)).toEqual({ teams: [], schedules: [], user: false });
    // The others keep their places.
    const rotation = env.sim.store.access.schedules.list()[0]!.rotations[0]!;
    expect(rotation.participants).toHaveLength(
      demoOpsgenieAccess.schedules[0]!.participants.length - 1,
    );
  });

  it("after a failure midway, a new plan holds only what is left and the rerun finishes", async () => {
    const zara = person("zara-ahmed");
    const id = env.sim.store.userByUsername(zara.opsgenie!.username)!.id;
    // The user's delete fails (after both removals are done): OpsGenie keeps answering 500.
    env.sim.faults.next(
      10,
      { kind: "server-error", status: 500 },
      { route: "DELETE /v1/json/user" },
    );
    const first = await run(await plan("zara-ahmed"));
    expect(first.outcomes.map((o) => o.status)).toEqual(["done", "done", "failed"]);
    expect(whereIs(id)).toEqual({ teams: [], schedules: [], user: true });

    env.sim.faults.clear();
    env.sim.clearRequests();
    const again = await plan("zara-ahmed");
    expect(again.steps.map((step) => step.action)).toEqual(["opsgenie.deleteUser"]);
    const second = await run(again);
    expect(second.ok).toBe(true);
    expect(whereIs(id)).toEqual({ teams: [], schedules: [], user: false });
    expect(env.sim.requestCount("DELETE /v2/teams/{}/members/{}")).toBe(0);
    expect(env.sim.requestCount("PATCH /v2/schedules/{}/rotations/{}")).toBe(0);
  });
});
