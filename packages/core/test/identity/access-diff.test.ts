import { describe, expect, it } from "vitest";
import type { AccessChange, AccessRecords, Account, AccessState } from "../../src/identity/index";
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

describe("diffAccess: the order of changes", () => {
  const row = (change: AccessChange) =>
    [change.type, change.vendor, change.person?.key, change.account?.id, change.entitlement?.id]
      .filter((part) => typeof part === "string")
      .join(" ");

  it("sorts by vendor, then person, then account, whatever order they were found in", () => {
    // Found in the order: removed accounts (rootly's), then added ones (opsgenie's).
    const before = state([ann, bob, bobPager]);
    const after = state([ann, annPager, rootly("r-0", "bob@example.com", { name: "Bob Ray" })]);
    expect(diffAccess(before, after).changes.map(row)).toEqual([
      "account-added opsgenie ann@example.com o-1",
      "account-removed opsgenie bob@example.com o-2",
      "account-added rootly bob@example.com r-0",
      "account-removed rootly bob@example.com r-2",
    ]);
  });

  it("puts accounts nobody claims after every person's in their vendor", () => {
    const bot = account("rootly", "rootly.user", "r-0", [], { name: "Service bot" });
    const result = diffAccess(state([ann]), state([ann, bot, bob]));
    expect(result.changes.map(row)).toEqual([
      "person-joined bob@example.com",
      "account-added rootly bob@example.com r-2",
      "account-added rootly r-0",
    ]);
  });

  it("orders one account's changes by kind of change, then entitlement kind and id", () => {
    const entitlements = [
      { vendor: "rootly", kind: "team", id: "t2", name: "A-team", privilege: "admin" },
      { vendor: "rootly", kind: "team", id: "t1", name: "B-team", privilege: "admin" },
      { vendor: "rootly", kind: "team", id: "t3", name: "C-team", privilege: "admin" },
      { vendor: "rootly", kind: "team", id: "t4", name: "D-team", privilege: "admin" },
      { vendor: "rootly", kind: "team", id: "t5", name: "E-team", privilege: "admin" },
      { vendor: "rootly", kind: "group", id: "g1", name: "Group", privilege: "member" },
    ] as const;
    const held = (...grants: [string, "admin" | "member"][]): AccessRecords => ({
      entitlements: [...entitlements],
      grants: grants.map(([id, privilege]) => ({
        account: bob.source,
        entitlement: { vendor: "rootly", kind: id.startsWith("g") ? "group" : "team", id },
        privilege,
        via: "teams",
      })),
    });
    const promoted = rootly("r-2", "bob@example.com", { name: "Bob Ray", role: "admin" });
    const before = state([bob], { records: [held(["t3", "member"])] });
    const after = state([promoted], {
      records: [
        held(["t2", "admin"], ["t1", "admin"], ["g1", "member"], ["t3", "admin"], ["t4", "admin"]),
        held(["t5", "admin"]),
      ],
    });
    expect(diffAccess(before, after).changes.map(row)).toEqual([
      "privilege-changed rootly bob@example.com r-2 admin",
      "privilege-changed rootly bob@example.com r-2 t3",
      "grant-added rootly bob@example.com r-2 g1",
      "grant-added rootly bob@example.com r-2 t1",
      "grant-added rootly bob@example.com r-2 t2",
      "grant-added rootly bob@example.com r-2 t4",
      "grant-added rootly bob@example.com r-2 t5",
    ]);
  });

  it("puts an unrated role's change before the account's grant changes", () => {
    const unrated: Account = { ...bob, role: { level: "unknown", raw: null } };
    const before = state([bob], { records: [teamRecords([bob, "member"])] });
    const after = state([unrated], { records: [teamRecords([unrated, "admin"])] });
    expect(diffAccess(before, after).changes.map(row)).toEqual([
      "privilege-changed rootly bob@example.com r-2",
      "privilege-changed rootly bob@example.com r-2 t1",
    ]);
  });

  it("puts an account nobody claims after a person's even when it was found first", () => {
    const bot = account("rootly", "rootly.user", "r-0", [], { name: "Service bot" });
    expect(diffAccess(state([ann, bot]), state([ann, bob])).changes.map(row)).toEqual([
      "person-joined bob@example.com",
      "account-added rootly bob@example.com r-2",
      "account-removed rootly r-0",
    ]);
  });

  it("puts people joining and leaving first, whatever the vendors are called", () => {
    const acme = account("Acme", "Acme.user", "a-1", [["bob@example.com", "login"]]);
    expect(
      diffAccess(state([ann, acme]), state([ann], { vendors: ["Acme"] })).changes.map(row),
    ).toEqual(["person-left bob@example.com", "account-removed Acme bob@example.com a-1"]);
  });

  it("lists unknown vendors in alphabetical order", () => {
    const before = state([ann], { vendors: ["uptrends"] });
    const after = state([annPager], { vendors: ["eagle"] });
    expect(diffAccess(before, after).unknownVendors).toEqual([
      "eagle",
      "opsgenie",
      "rootly",
      "uptrends",
    ]);
  });
});

describe("diffAccess: edges", () => {
  it("reads a state that names no incomplete vendors as complete", () => {
    const bare = (accounts: Account[]): AccessState => {
      const directory = buildDirectory(accounts);
      return { directory, access: buildAccessGraph(directory, []) };
    };
    const result = diffAccess(bare([ann]), bare([ann, bob]));
    expect(result.changes.map((c) => c.type)).toEqual(["person-joined", "account-added"]);
    expect(result.unknownVendors).toEqual([]);
  });

  it("does not list a person who gained a second sign-in address as joining or leaving", () => {
    const twoAddresses = account(
      "rootly",
      "rootly.user",
      "r-1",
      [
        ["ann@example.com", "primary"],
        ["ann.lee@example.com", "login"],
      ],
      { name: "Ann Lee", role: "admin" },
    );
    expect(diffAccess(state([ann]), state([twoAddresses])).changes).toEqual([]);
    expect(diffAccess(state([twoAddresses]), state([ann])).changes).toEqual([]);
  });

  it("reports a role renamed at the same level, and a level changed under the same name", () => {
    const withRole = (level: "admin" | "member", raw: string): Account => ({
      ...bob,
      role: { level, raw },
    });
    const renamed = diffAccess(
      state([withRole("admin", "Manager")]),
      state([withRole("admin", "Lead")]),
    );
    expect(renamed.changes).toMatchObject([
      { type: "privilege-changed", entitlement: { id: "Lead" }, from: "admin", to: "admin" },
    ]);
    const relevelled = diffAccess(
      state([withRole("admin", "Manager")]),
      state([withRole("member", "Manager")]),
    );
    expect(relevelled.changes).toMatchObject([
      { type: "privilege-changed", from: "admin", to: "member" },
    ]);
  });

  it("reports a role that became unrated without naming an entitlement", () => {
    const unrated: Account = { ...bob, role: { level: "unknown", raw: null } };
    expect(diffAccess(state([bob]), state([unrated])).changes).toEqual([
      {
        type: "privilege-changed",
        vendor: "rootly",
        person: { key: "bob@example.com", displayName: "Bob Ray" },
        account: bob.source,
        from: "member",
        to: "unknown",
      },
    ]);
  });

  it("does not list the grants of an account that was added or removed again", () => {
    const records = [teamRecords([bob, "admin"])];
    const joined = diffAccess(state([ann]), state([ann, bob], { records }));
    expect(joined.changes.map((change) => change.type)).toEqual(["person-joined", "account-added"]);
    const left = diffAccess(state([ann, bob], { records }), state([ann]));
    expect(left.changes.map((change) => change.type)).toEqual(["person-left", "account-removed"]);
  });
});
