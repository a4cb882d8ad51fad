import { describe, expect, it } from "vitest";
import type { AccessRecords, Grant } from "../../src/identity/index";
import {
  IdentityError,
  accessOf,
  accessRisks,
  adminScopes,
  accountAccess,
  accountCanAct,
  buildAccessGraph,
  buildDirectory,
  defineAccount,
  executeOffboarding,
  onCallNow,
  orphanedGrants,
  planOffboarding,
  privilegedPeople,
} from "../../src/identity/index";
import { account, planners } from "./account-fixtures";

const ann = (role: "owner" | "admin" | "member" = "admin", status?: "disabled") =>
  account("rootly", "rootly.user", "1", [["ann@example.com", "primary"]], { role, status });
const bob = (role: "owner" | "admin" | "member" = "member", status?: "disabled") =>
  account("rootly", "rootly.user", "2", [["bob@example.com", "primary"]], { role, status });

const team = { vendor: "rootly", kind: "team", id: "t1" } as const;
const schedule = { vendor: "rootly", kind: "schedule", id: "s1" } as const;
const policy = { vendor: "rootly", kind: "escalation", id: "e1" } as const;

/** Rootly's teams, schedules and policies as its connector would list them. */
function rootlyAccess(grants: Grant[]): AccessRecords {
  return {
    entitlements: [
      { ...team, name: "Platform", privilege: "admin" },
      { ...schedule, name: "Primary on-call", privilege: "member" },
      { ...policy, name: "Sev1", privilege: "member" },
    ],
    grants,
  };
}

const grant = (id: string, ref: Grant["entitlement"], extra: Partial<Grant> = {}): Grant => ({
  account: { vendor: "rootly", kind: "rootly.user", id },
  entitlement: ref,
  privilege: "member",
  via: "GET /v1/teams",
  ...extra,
});

describe("accountAccess", () => {
  it("turns an account's role and groups into grants, saying which field each came from", () => {
    const eagle = defineAccount({
      source: { vendor: "eagle", kind: "eagle.groupMember", id: "a@example.com" },
      raw: {},
      role: { level: "admin", raw: "Administrator" },
      groups: [
        { id: "g1", name: "Field" },
        { id: null, name: "Ops" },
        { id: null, name: null },
      ],
      provenance: { role: "administrators", groups: "groups[].name" },
    });
    const { entitlements, grants } = accountAccess(eagle);
    expect(entitlements).toEqual([
      {
        vendor: "eagle",
        kind: "role",
        id: "Administrator",
        name: "Administrator",
        privilege: "admin",
      },
      { vendor: "eagle", kind: "group", id: "g1", name: "Field", privilege: "member" },
      { vendor: "eagle", kind: "group", id: "Ops", name: "Ops", privilege: "member" },
    ]);
    expect(grants.map((g) => [g.entitlement.id, g.privilege, g.via])).toEqual([
      ["Administrator", "admin", "administrators"],
      ["g1", "member", "groups[].name"],
      ["Ops", "member", "groups[].name"],
    ]);
  });

  it("grants no role when the vendor gave none, and names a level-only role after its level", () => {
    const base = { source: { vendor: "v", kind: "v.user", id: "1" }, raw: {} };
    expect(accountAccess(defineAccount(base)).grants).toEqual([]);
    const levelOnly = defineAccount({ ...base, role: { level: "owner", raw: null } });
    expect(accountAccess(levelOnly).grants).toEqual([
      {
        account: base.source,
        entitlement: { vendor: "v", kind: "role", id: "owner" },
        privilege: "owner",
        via: "role",
      },
    ]);
  });
});

describe("buildAccessGraph", () => {
  it("joins connectors' grants and accounts' own roles to people, most privileged first", () => {
    const graph = buildAccessGraph(buildDirectory([ann(), bob()]), [
      rootlyAccess([grant("2", team, { privilege: "admin" }), grant("2", schedule)]),
    ]);
    expect(
      accessOf(graph, "bob@example.com").map((e) => [e.entitlement.name, e.grant.privilege]),
    ).toEqual([
      ["Platform", "admin"],
      ["member", "member"],
      ["Primary on-call", "member"],
    ]);
    expect(accessOf(graph, "ann@example.com").map((e) => e.entitlement.name)).toEqual(["admin"]);
  });

  it("keeps a grant given twice once, at the higher privilege, on call if either says so", () => {
    const graph = buildAccessGraph(buildDirectory([bob()]), [
      rootlyAccess([grant("2", schedule, { onCallNow: true })]),
      { grants: [grant("2", schedule, { privilege: "admin" })] },
    ]);
    const held = accessOf(graph, "bob@example.com").filter(
      (e) => e.entitlement.kind === "schedule",
    );
    expect(held).toHaveLength(1);
    expect(held[0]!.grant).toMatchObject({ privilege: "admin", onCallNow: true });
  });

  it("reports a grant of an entitlement the vendor did not list, and keeps it", () => {
    const unknownTeam = { vendor: "rootly", kind: "team", id: "t9" } as const;
    const graph = buildAccessGraph(buildDirectory([bob()]), [
      { grants: [grant("2", unknownTeam)] },
    ]);
    expect(graph.issues).toEqual([
      expect.objectContaining({
        vendor: "rootly",
        id: "2",
        reason: "holds team t9, which the vendor did not list",
      }),
    ]);
    expect(accessOf(graph, "bob@example.com").map((e) => e.entitlement.id)).toContain("t9");
  });

  it("calls grants orphaned when no person claims their account", () => {
    const nameless = account("rootly", "rootly.user", "3", []);
    const graph = buildAccessGraph(buildDirectory([bob(), nameless]), [
      rootlyAccess([grant("3", team), grant("404", team)]),
    ]);
    expect(orphanedGrants(graph).map((e) => [e.grant.account.id, e.entitlement.id])).toEqual([
      ["3", "member"],
      ["3", "t1"],
      ["404", "t1"],
    ]);
    expect(orphanedGrants(graph).every((e) => e.personId === null)).toBe(true);
  });
});

describe("access queries", () => {
  it("lists people with admin or above anywhere, leaving out disabled accounts", () => {
    const carol = account("opsgenie", "opsgenie.user", "c", [["carol@example.com", "login"]], {
      role: "owner",
      status: "disabled",
    });
    const graph = buildAccessGraph(buildDirectory([ann("owner"), bob(), carol]), [
      rootlyAccess([grant("2", team, { privilege: "admin" })]),
    ]);
    expect(
      privilegedPeople(graph).map((p) => [p.personId, p.entries.map((e) => e.entitlement.name)]),
    ).toEqual([
      ["ann@example.com", ["owner"]],
      ["bob@example.com", ["Platform"]],
    ]);
    expect(privilegedPeople(graph, "owner").map((p) => p.personId)).toEqual(["ann@example.com"]);
  });

  it("says who is on call now", () => {
    const graph = buildAccessGraph(buildDirectory([ann(), bob()]), [
      rootlyAccess([grant("1", schedule), grant("2", schedule, { onCallNow: true })]),
    ]);
    expect(onCallNow(graph).map((e) => e.personId)).toEqual(["bob@example.com"]);
  });

  it("finds entitlements nobody active holds, and vendors or teams with a single admin", () => {
    const graph = buildAccessGraph(buildDirectory([ann(), bob("admin", "disabled")]), [
      rootlyAccess([grant("1", team, { privilege: "admin" }), grant("2", schedule)]),
    ]);
    const risks = accessRisks(graph).map((r) => [
      r.reason,
      r.scope.entitlement?.name ?? r.scope.vendor,
      r.personIds,
    ]);
    expect(risks).toEqual(
      expect.arrayContaining([
        ["no-active-holder", "Primary on-call", []],
        ["no-active-holder", "Sev1", []],
        ["single-admin", "rootly", ["ann@example.com"]],
        ["single-admin", "Platform", ["ann@example.com"]],
      ]),
    );
    expect(risks).toHaveLength(4);
  });
});

describe("offboarding preflight", () => {
  const plan = (
    accounts: ReturnType<typeof ann>[],
    records: AccessRecords[],
    who = "ann@example.com",
  ) => {
    const directory = buildDirectory(accounts);
    return planOffboarding(directory, who, planners, {
      access: buildAccessGraph(directory, records),
    });
  };

  it("blocks removing a vendor's only active admin, and says what to do first", () => {
    const blocked = plan([ann("admin"), bob("admin", "disabled")], []);
    expect(blocked.blockers).toEqual([
      {
        severity: "blocker",
        code: "last-admin",
        vendor: "rootly",
        account: { vendor: "rootly", kind: "rootly.user", id: "1" },
        message: "the only active admin of rootly: make someone else an admin first",
      },
    ]);
    expect(plan([ann("admin"), bob("admin")], []).blockers).toEqual([]);
  });

  it("checks against the directory's own roles when no access graph is given", () => {
    const directory = buildDirectory([ann("admin"), bob()]);
    expect(planOffboarding(directory, "ann@example.com", planners).blockers).toHaveLength(1);
  });

  it("counts an Administrators group's admins as admins of the whole vendor", () => {
    const admins = { vendor: "rootly", kind: "group", id: "g1" } as const;
    const records: AccessRecords[] = [
      {
        entitlements: [{ ...admins, name: "Administrators", privilege: "admin", vendorWide: true }],
        grants: [grant("2", admins, { privilege: "admin" })],
      },
    ];
    // Bob is an admin through the group, so Ann is not the vendor's last admin.
    expect(plan([ann("admin"), bob("member")], records).blockers).toEqual([]);
    expect(plan([ann("admin"), bob("member")], []).blockers).toHaveLength(1);
  });

  it("blocks removing the only owner even while other admins remain", () => {
    const blocked = plan([ann("owner"), bob("admin")], []);
    expect(blocked.blockers.map((b) => [b.code, b.message])).toEqual([
      ["last-owner", "the only owner of rootly: hand ownership to someone else first"],
    ]);
    expect(plan([ann("owner"), bob("owner")], []).blockers).toEqual([]);
  });

  it("blocks removing a team's only admin and anyone on call now", () => {
    const blocked = plan(
      [ann("member"), bob("admin")],
      [
        rootlyAccess([
          grant("1", team, { privilege: "admin" }),
          grant("2", team),
          grant("1", schedule, { onCallNow: true }),
        ]),
      ],
    );
    expect(blocked.blockers.map((b) => [b.code, b.entitlement, b.message])).toEqual([
      [
        "last-admin",
        team,
        'the only active admin of rootly team "Platform": make someone else an admin first',
      ],
      ["on-call", schedule, 'on call now in schedule "Primary on-call": hand over the shift first'],
    ]);
  });

  it("warns about rotations and escalation policies that lose them, and teams left empty", () => {
    const warned = plan(
      [ann("member"), bob("admin")],
      [rootlyAccess([grant("1", team), grant("1", schedule), grant("1", policy)])],
    );
    expect(warned.blockers).toEqual([]);
    expect(warned.warnings.map((w) => [w.code, w.message])).toEqual([
      ["escalation", 'escalation policy "Sev1" names them'],
      ["rotation", 'schedule "Primary on-call" loses a member of its rotation'],
      ["last-member", 'team "Platform" is left with no active member'],
    ]);
  });

  it("refuses to run a blocked plan and touches nothing", async () => {
    const blocked = plan([ann("admin"), bob()], []);
    const calls: unknown[] = [];
    const executors = { rootly: { execute: (step: unknown) => void calls.push(step) } };
    const refused = await executeOffboarding(blocked, executors).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IdentityError);
    expect(refused).toMatchObject({
      code: "offboarding-blocked",
      message:
        "plan.blockers: nothing was changed: the only active admin of rootly: make someone else an admin first",
    });
    expect(calls).toEqual([]);
    const clear = plan([ann("admin"), bob("admin")], []);
    expect((await executeOffboarding(clear, executors)).ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe("access edges", () => {
  const pending = (role: "admin" | "member") =>
    account("rootly", "rootly.user", "3", [["cy@example.com", "primary"]], {
      role,
      status: "unverified",
    });

  it("lets an account act unless it is disabled or a pending invitation, as `active` says", () => {
    expect(accountCanAct(ann())).toBe(true);
    expect(accountCanAct(ann("admin", "disabled"))).toBe(false);
    expect(accountCanAct(pending("admin"))).toBe(false);
    const unknown = defineAccount({ source: { vendor: "v", kind: "v.user", id: "1" }, raw: {} });
    expect(accountCanAct(unknown)).toBe(true);
    const graph = buildAccessGraph(buildDirectory([ann("admin", "disabled"), pending("admin")]));
    expect(graph.entries.every((entry) => entry.active === false)).toBe(true);
  });

  it("trims a role's name, and says `groups` when the adapter recorded no provenance", () => {
    const spaced = defineAccount({
      source: { vendor: "v", kind: "v.user", id: "1" },
      raw: {},
      role: { level: "admin", raw: "  Admin " },
      groups: [{ id: "g", name: "G" }],
    });
    expect(accountAccess(spaced).grants.map((g) => [g.entitlement.id, g.via])).toEqual([
      ["Admin", "role"],
      ["g", "groups"],
    ]);
  });

  it("keeps the stronger of two grants whichever comes first, and on call if either was", () => {
    for (const order of [
      [grant("2", schedule, { onCallNow: true }), grant("2", schedule, { privilege: "admin" })],
      [grant("2", schedule, { privilege: "admin" }), grant("2", schedule, { onCallNow: true })],
    ]) {
      const graph = buildAccessGraph(buildDirectory([bob()]), [rootlyAccess(order)]);
      const held = accessOf(graph, "bob@example.com").filter((e) => e.entitlement.id === "s1");
      expect(held.map((e) => [e.grant.privilege, e.grant.onCallNow])).toEqual([["admin", true]]);
    }
    const neither = buildAccessGraph(buildDirectory([bob()]), [
      rootlyAccess([grant("2", schedule), grant("2", schedule)]),
    ]);
    expect(onCallNow(neither)).toEqual([]);
  });

  it("keeps what a connector says of a role the account also states, at equal privilege", () => {
    const role = { vendor: "rootly", kind: "role", id: "member" } as const;
    const graph = buildAccessGraph(buildDirectory([bob()]), [
      { grants: [grant("2", role, { via: "GET /v1/roles" })] },
    ]);
    expect(accessOf(graph, "bob@example.com").map((e) => e.grant.via)).toEqual(["GET /v1/roles"]);
  });

  it("keeps a role a connector lists and the account states once, at the higher privilege", () => {
    const role = { vendor: "rootly", kind: "role", id: "member" } as const;
    const graph = buildAccessGraph(buildDirectory([bob()]), [
      { grants: [grant("2", role, { privilege: "admin", via: "GET /v1/roles" })] },
    ]);
    expect(
      accessOf(graph, "bob@example.com").map((e) => [e.entitlement.id, e.grant.privilege]),
    ).toEqual([["member", "admin"]]);
  });

  it("orders entitlements by vendor, and orphans by account", () => {
    const graph = buildAccessGraph(buildDirectory([bob()]), [
      {
        entitlements: [{ vendor: "zeta", kind: "team", id: "z1", name: "Z", privilege: "member" }],
      },
      rootlyAccess([grant("9", team), grant("10", team), grant("8", schedule)]),
    ]);
    expect(graph.entitlements.map((e) => e.vendor)).toEqual([
      ...graph.entitlements.filter((e) => e.vendor === "rootly").map(() => "rootly"),
      "zeta",
    ]);
    expect(orphanedGrants(graph).map((e) => e.grant.account.id)).toEqual(["10", "8", "9"]);
  });

  it("treats a pending invitation like a disabled account: it holds nothing it can use", () => {
    const graph = buildAccessGraph(buildDirectory([ann("member"), pending("admin")]), [
      rootlyAccess([
        grant("3", schedule, { onCallNow: true }),
        grant("3", team, { privilege: "admin" }),
      ]),
    ]);
    expect(privilegedPeople(graph)).toEqual([]);
    expect(onCallNow(graph).map((e) => e.active)).toEqual([false]);
    expect(accessRisks(graph).map((r) => [r.reason, r.scope.entitlement?.name])).toEqual(
      expect.arrayContaining([["no-active-holder", "Platform"]]),
    );
  });

  it("gathers all of a person's admin grants, and counts on call only in schedules", () => {
    const graph = buildAccessGraph(buildDirectory([ann("admin")]), [
      rootlyAccess([
        grant("1", team, { privilege: "admin", onCallNow: true }),
        grant("1", policy, { privilege: "admin" }),
      ]),
    ]);
    expect(privilegedPeople(graph).map((p) => [p.personId, p.entries.length])).toEqual([
      ["ann@example.com", 3],
    ]);
    expect(onCallNow(graph)).toEqual([]);
  });

  it("lists each admin scope with its active admins and owners", () => {
    const graph = buildAccessGraph(buildDirectory([ann("owner"), bob("admin"), pending("admin")]), [
      rootlyAccess([grant("2", team, { privilege: "admin" })]),
    ]);
    expect(
      adminScopes(graph).map((s) => [
        s.scope.entitlement?.name ?? s.scope.vendor,
        s.admins,
        s.owners,
      ]),
    ).toEqual([
      ["rootly", ["ann@example.com", "bob@example.com"], ["ann@example.com"]],
      ["Platform", ["bob@example.com"], []],
    ]);
    expect(
      accessRisks(graph)
        .filter((r) => r.reason === "single-admin")
        .map((r) => r.scope.entitlement?.name),
    ).toEqual(["Platform"]);
  });

  it("finds nothing to block in a leaver's disabled accounts, and nothing of other people's", () => {
    const directory = buildDirectory([ann("admin", "disabled"), bob("member")]);
    const graph = buildAccessGraph(directory, [
      rootlyAccess([
        grant("1", schedule, { onCallNow: true }),
        grant("2", schedule, { onCallNow: true }),
        grant("2", team, { privilege: "admin" }),
      ]),
    ]);
    expect(
      planOffboarding(directory, "ann@example.com", planners, { access: graph }),
    ).toMatchObject({
      blockers: [],
      warnings: [],
    });
  });

  it("warns that a group is left empty when its other members cannot act", () => {
    const group = { vendor: "rootly", kind: "group", id: "g1" } as const;
    const directory = buildDirectory([ann("member"), bob("member", "disabled")]);
    const graph = buildAccessGraph(directory, [
      {
        entitlements: [{ ...group, name: "Ops", privilege: "member" }],
        grants: [grant("1", group), grant("2", group)],
      },
    ]);
    const plan = planOffboarding(directory, "ann@example.com", planners, { access: graph });
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'group "Ops" is left with no active member',
    ]);
    // With another active member, nothing is left empty.
    const shared = buildDirectory([ann("member"), bob("member")]);
    const kept = buildAccessGraph(shared, [
      {
        entitlements: [{ ...group, name: "Ops", privilege: "member" }],
        grants: [grant("1", group), grant("2", group)],
      },
    ]);
    expect(planOffboarding(shared, "ann@example.com", planners, { access: kept }).warnings).toEqual(
      [],
    );
  });
});
