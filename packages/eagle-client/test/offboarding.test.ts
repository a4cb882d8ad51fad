import {
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  planOffboarding,
  type EagleRemoveGroupMember,
} from "@rollcall/core";
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

  it("refuses a copy of the client before writing, naming offboardingExecutor", async () => {
    const group = env.sim.store.groups.list().find((g) => g.users.length > 0)!;
    const copy = { ...client } as EagleClient;
    const error = await Promise.resolve(
      offboardingExecutor(copy).execute(groupStep(group.users[0]!, group._id)),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({ operation: "offboardingExecutor", field: "client" });
    expect(env.sim.requests.map((request) => request.method)).not.toContain("PUT");
    expect(env.sim.store.groups.get(group._id)?.users).toEqual(group.users);
  });
});

function groupStep(email: string, groupId: string): EagleRemoveGroupMember {
  return {
    vendor: "eagle",
    action: "eagle.removeGroupMember",
    account: { vendor: "eagle", kind: "eagle.groupMember", id: email },
    groupId,
    groupName: null,
    email,
    description: "",
  };
}

describe("eagle offboardingExecutor with addresses stored un-normalised", () => {
  // eagle.io returns an address as it was stored: NFD letters, a Unicode (IDN) domain, capitals.
  const decomposed = "Jose\u0301.Ramos@harbourline.example";
  const unicodeDomain = "ana@B\u00fccher.example";

  function storeAdministrator(address: string) {
    env.sim.store.users.put({ user: address, name: { first: "Stored", last: "Raw" } });
    env.sim.store.administrators = [...env.sim.store.administrators, address];
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
});
