import { describe, expect, it } from "vitest";
import { membershipAccess, type MembershipFields } from "../../src/identity/index";

interface Team {
  id?: string;
  attributes: { name?: string; user_ids?: unknown; admin_ids?: unknown };
}

const FIELDS: MembershipFields<Team> = {
  vendor: "acme",
  kind: "team",
  accountKind: "acme.user",
  noun: "team",
  id: "id",
  name: "attributes.name",
  members: "attributes.user_ids",
  admins: "attributes.admin_ids",
  via: "GET /teams",
};

describe("membershipAccess", () => {
  it("makes each team an entitlement and each listed id a grant, admins as admins", () => {
    const { entitlements, grants, issues } = membershipAccess(FIELDS, [
      {
        id: "t1",
        attributes: { name: "Platform", user_ids: [317, "318", 319], admin_ids: [317, 400] },
      },
    ]);
    expect(issues).toEqual([]);
    expect(entitlements).toEqual([
      { vendor: "acme", kind: "team", id: "t1", name: "Platform", privilege: "admin" },
    ]);
    expect(grants.map((g) => [g.account.id, g.privilege])).toEqual([
      ["317", "admin"],
      ["318", "member"],
      ["319", "member"],
      // An admin the member list forgot still holds the team.
      ["400", "admin"],
    ]);
    expect(grants[0]).toEqual({
      account: { vendor: "acme", kind: "acme.user", id: "317" },
      entitlement: { vendor: "acme", kind: "team", id: "t1" },
      privilege: "admin",
      via: "GET /teams",
    });
  });

  it("skips ids that are not strings or finite numbers, and reads null lists as empty", () => {
    const { grants } = membershipAccess(FIELDS, [
      { id: "t1", attributes: { user_ids: [null, {}, Number.NaN, "7"], admin_ids: null } },
      { id: "t2", attributes: { user_ids: "7" } },
    ]);
    expect(grants.map((g) => [g.entitlement.id, g.account.id])).toEqual([["t1", "7"]]);
  });

  it("names a team after its id when it has no name, and confers only membership without admins", () => {
    const { admins: _admins, ...noAdmins } = FIELDS;
    const { entitlements, grants } = membershipAccess<Team>(noAdmins, [
      { id: "t1", attributes: { user_ids: [1], admin_ids: [1] } },
    ]);
    expect(entitlements).toEqual([
      { vendor: "acme", kind: "team", id: "t1", name: "t1", privilege: "member" },
    ]);
    expect(grants.map((g) => g.privilege)).toEqual(["member"]);
    const unrun = membershipAccess<Team>(FIELDS, [{ id: "t2", attributes: { user_ids: [1] } }]);
    expect(unrun.entitlements[0]!.privilege).toBe("member");
  });

  it("makes every member of an Administrators group an admin of the whole vendor", () => {
    type Group = { guid: string; admin: boolean; members: string[] };
    const fields: MembershipFields<Group> = {
      vendor: "acme",
      kind: "group",
      accountKind: "acme.operator",
      noun: "group",
      id: "guid",
      name: "guid",
      members: "members",
      adminGroup: "admin",
      via: "GET /groups",
    };
    const { entitlements, grants } = membershipAccess(fields, [
      { guid: "admins", admin: true, members: ["a", "b"] },
      { guid: "ops", admin: false, members: ["a"] },
    ]);
    expect(entitlements.map((e) => [e.id, e.privilege, e.vendorWide])).toEqual([
      ["admins", "admin", true],
      ["ops", "member", undefined],
    ]);
    expect(grants.map((g) => [g.entitlement.id, g.account.id, g.privilege])).toEqual([
      ["admins", "a", "admin"],
      ["admins", "b", "admin"],
      ["ops", "a", "member"],
    ]);
  });

  it("reports a team without an id, and goes on", () => {
    const { entitlements, issues } = membershipAccess(FIELDS, [
      { attributes: { name: "Ghost", user_ids: [1] } },
      { id: "t2", attributes: { name: "Real" } },
    ]);
    expect(entitlements.map((e) => e.id)).toEqual(["t2"]);
    expect(issues).toEqual([
      {
        vendor: "acme",
        kind: "acme.team",
        reason: "the team at index 0 has no id, so its members are not known",
        raw: { attributes: { name: "Ghost", user_ids: [1] } },
      },
    ]);
  });
});

describe("membershipAccess over member entries", () => {
  interface Nested {
    id: string;
    name: string;
    members?: unknown;
    rotations?: unknown;
    rules?: unknown;
    onCall?: string[];
  }
  const base = {
    vendor: "acme",
    accountKind: "acme.user",
    noun: "record",
    id: "id",
    name: "name",
  } as const;

  it("reads members and admins from entries, by the entry's id and role", () => {
    const fields: MembershipFields<Nested> = {
      ...base,
      kind: "team",
      members: "members",
      memberId: "user.id",
      adminWhen: { path: "role", equals: ["admin"] },
      via: "GET /teams/{id}",
    };
    const { entitlements, grants } = membershipAccess(fields, [
      {
        id: "t1",
        name: "SRE",
        members: [
          { user: { id: "u1" }, role: "admin" },
          { user: { id: "u2" }, role: "user" },
          { user: {}, role: "admin" },
          "not an entry",
        ],
      },
      { id: "t2", name: "Empty", members: "not a list" },
    ]);
    expect(entitlements.map((e) => [e.id, e.privilege])).toEqual([
      ["t1", "admin"],
      ["t2", "member"],
    ]);
    expect(grants.map((g) => [g.entitlement.id, g.account.id, g.privilege])).toEqual([
      ["t1", "u1", "admin"],
      ["t1", "u2", "member"],
    ]);
  });

  it("gives each grant the id of its member's first entry that has one", () => {
    const fields: MembershipFields<Nested> = {
      ...base,
      kind: "schedule",
      members: "members",
      memberId: "user_id",
      membershipId: "id",
      via: "GET /rotation_users",
    };
    const { grants } = membershipAccess(fields, [
      {
        id: "s1",
        name: "Primary",
        members: [
          { id: "ru-7", user_id: 7 },
          { id: "ru-7b", user_id: "7" },
          { id: "  ", user_id: 8 },
          { id: "ru-8", user_id: 8 },
          { id: 42, user_id: 9 },
          { user_id: 10 },
          { id: "ru-none", user_id: null },
        ],
      },
    ]);
    expect(grants.map((g) => [g.account.id, g.membershipId])).toEqual([
      // The first entry wins, whether it names its user by number or by text.
      ["7", "ru-7"],
      // A blank id is none: a later entry of the same member gives it.
      ["8", "ru-8"],
      // A non-text id, or none, is no membership id.
      ["9", undefined],
      ["10", undefined],
    ]);
    expect(grants[2]).not.toHaveProperty("membershipId");
  });

  it("walks nested lists and keeps only the entries that name accounts, once each", () => {
    const fields: MembershipFields<Nested> = {
      ...base,
      kind: "schedule",
      members: "rotations[].participants",
      memberId: "id",
      memberWhen: { path: "type", equals: ["user"] },
      onCall: "onCall",
      via: "GET /schedules",
    };
    const { grants } = membershipAccess(fields, [
      {
        id: "s1",
        name: "On call",
        onCall: ["u1"],
        rotations: [
          {
            participants: [
              { type: "user", id: "u1" },
              { type: "team", id: "t1" },
            ],
          },
          {
            participants: [
              { type: "user", id: "u2" },
              { type: "user", id: "u1" },
            ],
          },
          { participants: null },
          "not a rotation",
        ],
      },
    ]);
    expect(grants.map((g) => [g.account.id, g.onCallNow])).toEqual([
      ["u1", true],
      ["u2", false],
    ]);
  });

  it("reads one entry per list item where the path ends in an object", () => {
    const fields: MembershipFields<Nested> = {
      ...base,
      kind: "escalation",
      members: "rules[].recipient",
      memberId: "id",
      memberWhen: { path: "type", equals: ["user"] },
      via: "GET /escalations",
    };
    const { grants } = membershipAccess(fields, [
      {
        id: "e1",
        name: "Escalation",
        rules: [
          { recipient: { type: "schedule", id: "s1" } },
          { recipient: { type: "user", id: "u3" } },
          { recipient: { type: 5, id: "u4" } },
          {},
        ],
      },
    ]);
    expect(grants.map((g) => [g.account.id, g.privilege])).toEqual([["u3", "member"]]);
  });
});
