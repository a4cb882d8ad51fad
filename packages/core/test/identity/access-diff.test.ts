import { describe, expect, it } from "vitest";
import type { AccessRecords, Account, AccessState } from "../../src/identity/index";
import { buildAccessGraph, buildDirectory, diffAccess } from "../../src/identity/index";
import { account } from "./account-fixtures";

const rootly = (id: string, address: string, extra: Parameters<typeof account>[4] = {}) =>
  account("rootly", "rootly.user", id, [[address, "primary"]], extra);
const opsgenie = (id: string, address: string, extra: Parameters<typeof account>[4] = {}) =>
  account("opsgenie", "opsgenie.user", id, [[address, "login"]], extra);

const ann = rootly("r-1", "Ann@Example.com", { name: "Ann Lee", role: "admin" });
const bob = rootly("r-2", "bob@example.com", { name: "Bob Ray" });
const annPager = opsgenie("o-1", "ann@example.com", { name: "Ann Lee" });
const bobPager = opsgenie("o-2", "bob@example.com", { name: "Bob Ray" });

const team = { vendor: "rootly", kind: "team", id: "t1" } as const;
const teamRecords = (...grants: [Account, "admin" | "member"][]): AccessRecords => ({
  entitlements: [{ ...team, name: "Platform", privilege: "admin" }],
  grants: grants.map(([holder, privilege]) => ({
    account: holder.source,
    entitlement: team,
    privilege,
    via: "teams",
  })),
});

function state(
  accounts: Account[],
  options: {
    vendors?: string[];
    incomplete?: string[];
    records?: AccessRecords[];
  } = {},
): AccessState {
  const directory = buildDirectory(accounts, { vendors: options.vendors ?? [] });
  return {
    directory,
    access: buildAccessGraph(directory, options.records ?? []),
    incompleteVendors: options.incomplete ?? [],
  };
}

describe("diffAccess", () => {
  it("reports nothing between two equal states", () => {
    const before = state([ann, bob, annPager], { records: [teamRecords([bob, "member"])] });
    const after = state([ann, bob, annPager], { records: [teamRecords([bob, "member"])] });
    expect(diffAccess(before, after)).toEqual({ changes: [], unknownVendors: [] });
  });

  it("reports a new person with their account and its role level, keyed by their lower-case address", () => {
    const result = diffAccess(state([ann]), state([ann, bob]));
    expect(result.changes).toEqual([
      {
        type: "person-joined",
        vendor: null,
        person: { key: "bob@example.com", displayName: "Bob Ray" },
      },
      {
        type: "account-added",
        vendor: "rootly",
        person: { key: "bob@example.com", displayName: "Bob Ray" },
        account: bob.source,
        to: "member",
      },
    ]);
  });

  it("reports a leaver and the accounts they lost, and keeps the key across snapshots", () => {
    const result = diffAccess(state([ann, annPager, bob]), state([bob], { vendors: ["opsgenie"] }));
    expect(
      result.changes.map((change) => [change.type, change.vendor, change.person?.key]),
    ).toEqual([
      ["person-left", null, "ann@example.com"],
      ["account-removed", "opsgenie", "ann@example.com"],
      ["account-removed", "rootly", "ann@example.com"],
    ]);
    expect(result.changes[2]!.from).toBe("admin");
  });

  it("reports an account added to someone who was already there, without a join", () => {
    const result = diffAccess(state([ann], { vendors: ["opsgenie"] }), state([ann, annPager]));
    expect(result.changes).toEqual([
      {
        type: "account-added",
        vendor: "opsgenie",
        person: { key: "ann@example.com", displayName: "Ann Lee" },
        account: annPager.source,
        to: "member",
      },
    ]);
  });

  it("reports a role change once, as the account's privilege, with the new role", () => {
    const promoted = rootly("r-2", "bob@example.com", { name: "Bob Ray", role: "owner" });
    const result = diffAccess(state([bob]), state([promoted]));
    expect(result.changes).toEqual([
      {
        type: "privilege-changed",
        vendor: "rootly",
        person: { key: "bob@example.com", displayName: "Bob Ray" },
        account: bob.source,
        entitlement: { kind: "role", id: "owner", name: "owner" },
        from: "member",
        to: "owner",
      },
    ]);
  });

  it("reports grants gained, lost and changed in privilege on accounts that stayed", () => {
    const group = { id: "g-1", name: "On call" };
    const annInGroup = rootly("r-1", "Ann@Example.com", {
      name: "Ann Lee",
      role: "admin",
      groups: [group],
    });
    const before = state([ann, bob], { records: [teamRecords([bob, "member"])] });
    const after = state([annInGroup, bob], {
      records: [teamRecords([bob, "admin"], [ann, "member"])],
    });
    const summary = diffAccess(before, after).changes.map((change) => [
      change.type,
      change.person?.key,
      change.entitlement?.kind,
      change.entitlement?.name,
      change.from,
      change.to,
    ]);
    expect(summary).toEqual([
      ["grant-added", "ann@example.com", "group", "On call", undefined, "member"],
      ["grant-added", "ann@example.com", "team", "Platform", undefined, "member"],
      ["privilege-changed", "bob@example.com", "team", "Platform", "member", "admin"],
    ]);
  });

  it("reports grants that were removed", () => {
    const before = state([ann, bob], { records: [teamRecords([bob, "member"])] });
    const after = state([ann, bob], { records: [teamRecords()] });
    expect(diffAccess(before, after).changes).toEqual([
      {
        type: "grant-removed",
        vendor: "rootly",
        person: { key: "bob@example.com", displayName: "Bob Ray" },
        account: bob.source,
        entitlement: { kind: "team", id: "t1", name: "Platform" },
        from: "member",
      },
    ]);
  });

  it("reports a vendor that failed on either side as unknown, never as everyone leaving", () => {
    const full = state([ann, bob, annPager, bobPager]);
    const withoutOpsgenie = state([ann, bob], { vendors: ["opsgenie"], incomplete: ["opsgenie"] });
    expect(diffAccess(full, withoutOpsgenie)).toEqual({
      changes: [],
      unknownVendors: ["opsgenie"],
    });
    expect(diffAccess(withoutOpsgenie, full)).toEqual({
      changes: [],
      unknownVendors: ["opsgenie"],
    });
  });

  it("still reports changes in the vendors that were read in full", () => {
    const before = state([ann, annPager, bobPager], { vendors: ["rootly"] });
    const after = state([ann, bob], { vendors: ["opsgenie"], incomplete: ["opsgenie"] });
    const result = diffAccess(before, after);
    expect(result.unknownVendors).toEqual(["opsgenie"]);
    expect(result.changes.map((change) => [change.type, change.person?.key])).toEqual([
      ["person-joined", "bob@example.com"],
      ["account-added", "bob@example.com"],
    ]);
  });

  it("treats a vendor missing from one state as unknown", () => {
    const result = diffAccess(state([ann, annPager]), state([ann]));
    expect(result).toEqual({ changes: [], unknownVendors: ["opsgenie"] });
  });

  it("names no person for an account that no address claims", () => {
    const nameless = account("rootly", "rootly.user", "r-9", [], { name: "Service bot" });
    const result = diffAccess(state([ann]), state([ann, nameless]));
    expect(result.changes).toEqual([
      {
        type: "account-added",
        vendor: "rootly",
        person: null,
        account: nameless.source,
        to: "member",
      },
    ]);
  });
});
