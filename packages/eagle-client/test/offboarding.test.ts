import { buildDirectory, executeOffboarding, planOffboarding } from "@rollcall/core";
import { beforeEach, describe, expect, it } from "vitest";
import { offboardingExecutor, pullAccounts, type EagleClient } from "../src/index";
import { useEagleSimulator } from "./support/simulator";

const env = useEagleSimulator("both");
let client: EagleClient;
beforeEach(() => {
  client = env.client();
});

async function offboard(address: string) {
  const { accounts, issues } = await pullAccounts(client);
  const plan = planOffboarding(buildDirectory(accounts, { issues }), address);
  return executeOffboarding(plan, { eagle: offboardingExecutor(client) });
}

describe("eagle offboardingExecutor", () => {
  it("removes an administrator who is also a group member, leaving the rest intact", async () => {
    const address = "ava.chen@harbourline.example";
    const groupsBefore = env.sim.store.groups.list();
    const adminsBefore = env.sim.store.administrators;
    expect(adminsBefore).toContain(address);

    const result = await offboard(address);

    expect(result.ok).toBe(true);
    expect(result.outcomes.map((outcome) => outcome.step.action).sort()).toEqual([
      "eagle.removeAdministrator",
      "eagle.removeGroupMember",
    ]);
    expect(env.sim.store.administrators).toEqual(adminsBefore.filter((admin) => admin !== address));
    // Every group still exists, with only this person removed.
    expect(env.sim.store.groups.list()).toEqual(
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
    const groupIds = env.sim.store.groups.list().map((group) => group._id);
    const result = await offboard(address);
    expect(result.ok).toBe(true);
    expect(result.outcomes).toHaveLength(2);
    expect(env.sim.store.groups.list().map((group) => group._id)).toEqual(groupIds);
    for (const group of env.sim.store.groups.list()) expect(group.users).not.toContain(address);
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
    expect(env.sim.requests.map((request) => request.method)).toEqual(["GET"]);
  });
});
