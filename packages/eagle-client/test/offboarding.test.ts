import { startEagle, type EagleSimulator } from "@rollcall/simulators";
import { buildDirectory, executeOffboarding, planOffboarding } from "@rollcall/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createEagleClient,
  offboardingExecutor,
  pullAccounts,
  type EagleClient,
} from "../src/index";

let sim: EagleSimulator;
let client: EagleClient;

beforeAll(async () => {
  sim = await startEagle({ seed: "both" });
});
beforeEach(() => {
  sim.reset();
  client = createEagleClient({ apiKey: sim.credentials.apiKey, baseUrl: sim.url });
});
afterEach(() => sim.assertNoContractViolations());
afterAll(() => sim.close());

async function offboard(address: string) {
  const { accounts, issues } = await pullAccounts(client);
  const plan = planOffboarding(buildDirectory(accounts, { issues }), address);
  return executeOffboarding(plan, { eagle: offboardingExecutor(client) });
}

describe("eagle offboardingExecutor", () => {
  it("removes an administrator who is also a group member, leaving the rest intact", async () => {
    const address = "ava.chen@harbourline.example";
    const groupsBefore = sim.store.groups.list();
    const adminsBefore = sim.store.administrators;
    expect(adminsBefore).toContain(address);

    const result = await offboard(address);

    expect(result.ok).toBe(true);
    expect(result.outcomes.map((outcome) => outcome.step.action).sort()).toEqual([
      "eagle.removeAdministrator",
      "eagle.removeGroupMember",
    ]);
    expect(sim.store.administrators).toEqual(adminsBefore.filter((admin) => admin !== address));
    // Every group still exists, with only this person removed.
    expect(sim.store.groups.list()).toEqual(
      groupsBefore.map((group) => ({
        ...group,
        users: group.users.filter((user) => user !== address),
      })),
    );
    const after = await pullAccounts(client);
    expect(after.accounts.some((account) => account.source.id === address)).toBe(false);
  });

  it("removes a member of two groups from both and deletes no group", async () => {
    const address = "ben.okafor@harbourline.example";
    const groupIds = sim.store.groups.list().map((group) => group._id);
    const result = await offboard(address);
    expect(result.ok).toBe(true);
    expect(result.outcomes).toHaveLength(2);
    expect(sim.store.groups.list().map((group) => group._id)).toEqual(groupIds);
    for (const group of sim.store.groups.list()) expect(group.users).not.toContain(address);
  });

  it("treats a person already removed as done and sends no write", async () => {
    const executor = offboardingExecutor(client);
    const step = {
      vendor: "eagle" as const,
      action: "eagle.removeGroupMember" as const,
      account: { vendor: "eagle", kind: "eagle.groupMember", id: "nobody@company.com" },
      groupId: "61bac74a84cac62fcbfe2c3c",
      groupName: "Engineering team",
      email: "nobody@company.com",
      description: "",
    };
    await executor.execute(step);
    expect(sim.requests.map((request) => request.method)).toEqual(["GET"]);
  });
});
