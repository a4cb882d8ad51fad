import { buildDirectory, executeOffboarding, planOffboarding } from "@rollcall/core";
import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
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
    // The look-up, then the read-back that confirms nobody is left to remove; no write.
    expect(env.sim.requests.map((request) => request.method)).toEqual(["GET", "GET"]);
  });
});

describe("eagle offboardingExecutor with addresses stored un-normalised", () => {
  // eagle.io returns an address as it was stored: NFD letters, a Unicode (IDN) domain, capitals.
  const decomposed = "Jose\u0301.Ramos@harbourline.example";
  const unicodeDomain = "ana@B\u00fccher.example";

  function storeAdministrator(address: string) {
    env.sim.store.users.put({ user: address, name: { first: "Stored", last: "Raw" } });
    env.sim.store.administrators = [...env.sim.store.administrators, address];
  }

  /** From now on eagle.io answers every write with success but its administrators stay. */
  function keepAdministratorsUnchanged() {
    const store = env.sim.store;
    const kept = store.administrators;
    Object.defineProperty(store, "administrators", {
      configurable: true,
      get: () => kept,
      set() {},
    });
    onTestFinished(() => {
      Object.defineProperty(store, "administrators", {
        configurable: true,
        enumerable: true,
        writable: true,
        value: kept,
      });
    });
  }

  async function stillListed(address: string) {
    const { accounts } = await pullAccounts(client);
    return accounts.some((account) => account.emails.some((entry) => entry.value === address));
  }

  it.each([
    ["a decomposed josé", decomposed, "jos\u00e9.ramos@harbourline.example"],
    ["a Unicode domain", unicodeDomain, "ana@b\u00fccher.example"],
  ])("really removes an administrator stored with %s", async (_, stored, typed) => {
    storeAdministrator(stored);
    const othersBefore = env.sim.store.administrators.filter((admin) => admin !== stored);
    expect(await stillListed(stored)).toBe(true);

    const result = await offboard(typed);

    expect(result.outcomes.map((outcome) => [outcome.step.action, outcome.status])).toEqual([
      ["eagle.removeAdministrator", "done"],
    ]);
    expect(result.ok).toBe(true);
    expect(env.sim.store.administrators).toEqual(othersBefore);
    expect(await stillListed(stored)).toBe(false);
  });

  it("really removes a group member stored with a Unicode domain, keeping every group", async () => {
    const group = env.sim.store.groups.list()[0]!;
    env.sim.store.groups.put({ ...group, users: [...group.users, unicodeDomain] });

    const result = await offboard("ANA@xn--bcher-kva.example");

    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(["done"]);
    expect(env.sim.store.groups.get(group._id)?.users).toEqual(group.users);
    expect(await stillListed(unicodeDomain)).toBe(false);
  });

  it("fails the step when eagle.io answers the write with success but keeps the administrator", async () => {
    storeAdministrator(decomposed);
    keepAdministratorsUnchanged();

    const result = await offboard(decomposed);

    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({
      status: "failed",
      error: { name: "AccountStillPresentError" },
    });
    expect(result.outcomes[0]?.error?.message).toMatch(/answered with success.*still lists it/);
    expect(await stillListed(decomposed)).toBe(true);
  });
});
