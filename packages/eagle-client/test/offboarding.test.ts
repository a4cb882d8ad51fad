import {
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  planOffboarding,
} from "@rollcall/core";
import { beforeEach, describe, expect, it } from "vitest";
import { connector, offboardingExecutor, pullAccounts, type EagleClient } from "../src/index";
import { useEagleSimulator } from "./support/simulator";
import { groupStep } from "./support/steps";

const env = useEagleSimulator("both");
let client: EagleClient;
beforeEach(() => {
  client = env.client();
});

async function offboard(address: string) {
  const { accounts, issues } = await pullAccounts(client);
  const plan = planOffboarding(buildDirectory(accounts, { issues }), address, {
    [connector.id]: connector.planOffboarding,
  });
  return executeOffboarding(plan, { eagle: offboardingExecutor(client) });
}

// What every vendor's executor does (removal read back, reruns, faults, refusals) is in
// tools/conformance (offboarding.test.ts, validation.test.ts); these are eagle.io's own cases:
// group by group, and addresses stored un-normalised (a write that does not take is in conformance).
describe("eagle offboardingExecutor", () => {
  it("removes a member of two groups from both and deletes no group", async () => {
    const address = "ben.okafor@harbourline.example";
    const groupIds = env.sim.store.groups.list().map((group) => group._id);
    const result = await offboard(address);
    expect(result.ok).toBe(true);
    expect(result.outcomes).toHaveLength(2);
    expect(env.sim.store.groups.list().map((group) => group._id)).toEqual(groupIds);
    for (const group of env.sim.store.groups.list()) expect(group.users).not.toContain(address);
  });

  it("asks eagle.io only for the owner attributes it reads, not the whole owner", async () => {
    // An administrator in one group: the administrator step, then the group step.
    await offboard("ava.chen@harbourline.example");
    expect(env.sim.requests.slice(-6).map((r) => `${r.method} ${String(r.query.attr)}`)).toEqual([
      "GET administrators",
      "PUT _id",
      "GET administrators,groups",
      "GET groups",
      "PUT groups",
      "GET administrators,groups",
    ]);
  });

  it("counts removal from a group that no longer exists as done, sending no write", async () => {
    const step = groupStep("ben.okafor@harbourline.example", "0123456789abcdef01234567");
    await offboardingExecutor(client).execute(step);
    expect(env.sim.requests.map((request) => request.method)).toEqual(["GET", "GET"]);
  });

  it("refuses a group id that is only text-like (an id inside a list), sending nothing", async () => {
    const group = env.sim.store.groups.list().find((g) => g.users.length > 0)!;
    const step = { ...groupStep(group.users[0]!, group._id), groupId: [group._id] as never };
    const error = await Promise.resolve(offboardingExecutor(client).execute(step)).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({ operation: "offboardingExecutor", field: "step.groupId" });
    expect(env.sim.requests).toEqual([]);
    expect(env.sim.store.groups.get(group._id)?.users).toEqual(group.users);
  });

  it("refuses a copy of the client before writing, naming offboardingExecutor", async () => {
    const group = env.sim.store.groups.list().find((g) => g.users.length > 0)!;
    const copy = { ...client } as EagleClient;
    const error = await Promise.resolve(
      offboardingExecutor(copy).execute(groupStep(group.users[0]!, group._id)),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({
      operation: "offboardingExecutor",
      field: "client",
      problem: "must be a client made by createEagleClient",
    });
    expect(env.sim.requests.map((request) => request.method)).not.toContain("PUT");
    expect(env.sim.store.groups.get(group._id)?.users).toEqual(group.users);
  });
});
