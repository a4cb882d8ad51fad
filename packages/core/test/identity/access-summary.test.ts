import { describe, expect, it } from "vitest";
import type { AccessRecords, Grant } from "../../src/identity/index";
import { buildAccessGraph, buildDirectory, summariseAccess } from "../../src/identity/index";
import { account } from "./account-fixtures";

const ann = account("rootly", "rootly.user", "1", [["ann@example.com", "primary"]]);
const annEagle = account("eagle", "eagle.user", "e1", [["ann@example.com", "login"]], {
  role: "admin",
  groups: [{ id: "g1", name: "Field" }],
});
const annEagleToo = account("eagle", "eagle.groupMember", "e2", [["ann@example.com", "login"]], {
  groups: [{ id: "g1", name: "Field" }],
});
const bob = account("rootly", "rootly.user", "2", [["bob@example.com", "primary"]], {
  status: "disabled",
  role: "owner",
});

const grant = (id: string, kind: Grant["entitlement"]["kind"], extra = {}): Grant => ({
  account: { vendor: "rootly", kind: "rootly.user", id },
  entitlement: { vendor: "rootly", kind, id: `${kind}-1` },
  privilege: "member",
  via: "test",
  ...extra,
});

const records: AccessRecords = {
  entitlements: [
    { vendor: "rootly", kind: "team", id: "team-1", name: "Platform", privilege: "admin" },
    { vendor: "rootly", kind: "schedule", id: "schedule-1", name: "Primary", privilege: "member" },
  ],
  grants: [
    grant("1", "team", { privilege: "admin" }),
    grant("1", "schedule", { onCallNow: true }),
    grant("2", "team"),
    grant("2", "schedule", { onCallNow: true }),
  ],
};

function summaries() {
  const directory = buildDirectory([ann, annEagle, annEagleToo, bob]);
  const graph = buildAccessGraph(directory, [records]);
  const byEmail = (email: string) => directory.people.find((p) => p.primaryEmail === email)!.id;
  const all = summariseAccess(graph);
  return { ann: all.get(byEmail("ann@example.com")), bob: all.get(byEmail("bob@example.com")) };
}

describe("summariseAccess", () => {
  it("gives the highest privilege over each vendor, counting a team's admin as a member of it", () => {
    const { ann } = summaries();
    expect(ann?.privileges).toEqual({ eagle: "admin", rootly: "member" });
    expect(ann?.teamAdminIn).toEqual(["rootly"]);
  });

  it("counts distinct teams and groups, schedules, and whether they are on call now", () => {
    // Two eagle accounts in one group are one group; plus the Rootly team.
    expect(summaries().ann).toMatchObject({ teams: 2, schedules: 1, onCallNow: true });
  });

  it("counts nothing a disabled account holds", () => {
    expect(summaries().bob).toBeUndefined();
  });

  it("does not call a vendor-wide admin who also runs a team a team admin", () => {
    const boss = account("rootly", "rootly.user", "1", [["ann@example.com", "primary"]], {
      role: "admin",
    });
    const directory = buildDirectory([boss]);
    const [summary] = summariseAccess(buildAccessGraph(directory, [records])).values();
    expect(summary).toMatchObject({ privileges: { rootly: "admin" }, teamAdminIn: [] });
  });
});

describe("summariseAccess, one person's grants one at a time", () => {
  const rootlyUser = (id: string, address: string, role: "member" | "unknown" = "member") =>
    account("rootly", "rootly.user", id, [[address, "primary"]], { role });
  const summaryOf = (accounts: ReturnType<typeof account>[], listed: AccessRecords[]) => {
    const directory = buildDirectory(accounts);
    return summariseAccess(buildAccessGraph(directory, listed));
  };
  const inTeam = (privilege: Grant["privilege"], extra: Partial<Grant> = {}): AccessRecords => ({
    entitlements: records.entitlements,
    grants: [grant("1", "team", { privilege, ...extra })],
  });

  it("does not call a plain member of a team its admin", () => {
    const [summary] = summaryOf([rootlyUser("1", "ann@example.com")], [inTeam("member")]).values();
    expect(summary).toMatchObject({ privileges: { rootly: "member" }, teamAdminIn: [], teams: 1 });
  });

  it("counts a team's admin as a member of the vendor even when their own role is unrated", () => {
    const unrated = rootlyUser("1", "ann@example.com", "unknown");
    const [summary] = summaryOf([unrated], [inTeam("admin")]).values();
    expect(summary).toMatchObject({ privileges: { rootly: "member" }, teamAdminIn: ["rootly"] });
  });

  it("keeps an unrated grant as the vendor's privilege when it is all the person holds there", () => {
    const unrated = rootlyUser("1", "ann@example.com", "unknown");
    const [summary] = summaryOf([unrated], [inTeam("unknown")]).values();
    expect(summary?.privileges).toEqual({ rootly: "unknown" });
  });

  it("raises the vendor's privilege to a vendor-wide role held beside a team it owns", () => {
    // The graph lists the team (owner, most privileged) first; it counts as member until the role.
    const admin = account("rootly", "rootly.user", "1", [["ann@example.com", "primary"]], {
      role: "admin",
    });
    const [summary] = summaryOf([admin], [inTeam("owner")]).values();
    expect(summary).toMatchObject({ privileges: { rootly: "admin" }, teamAdminIn: [] });
  });

  it("is not on call now for a schedule they are in but not on call for, nor with no schedule", () => {
    const offCall = summaryOf(
      [rootlyUser("1", "ann@example.com")],
      [{ entitlements: records.entitlements, grants: [grant("1", "schedule")] }],
    );
    expect([...offCall.values()]).toMatchObject([{ schedules: 1, onCallNow: false }]);
    const noSchedule = summaryOf([rootlyUser("1", "ann@example.com")], []);
    expect([...noSchedule.values()]).toMatchObject([{ schedules: 0, onCallNow: false }]);
  });

  it("summarises nobody for an active account that no address claims", () => {
    const bot = account("rootly", "rootly.user", "1", [], { name: "Service bot" });
    const all = summaryOf([bot], [inTeam("admin")]);
    expect([...all.keys()]).toEqual([]);
  });

  it("lists the vendors where they run a team in alphabetical order", () => {
    // The graph lists a person's grants most privileged first: Uptrends' (owner) comes first.
    const accounts = ["uptrends", "rootly", "eagle"].map((vendor) =>
      account(vendor, `${vendor}.user`, "1", [["ann@example.com", "primary"]]),
    );
    const teamIn = (vendor: string): AccessRecords => ({
      entitlements: [{ vendor, kind: "team", id: "t", name: "T", privilege: "admin" }],
      grants: [
        {
          account: { vendor, kind: `${vendor}.user`, id: "1" },
          entitlement: { vendor, kind: "team", id: "t" },
          privilege: vendor === "uptrends" ? "owner" : "admin",
          via: "t",
        },
      ],
    });
    const [summary] = summaryOf(accounts, ["uptrends", "rootly", "eagle"].map(teamIn)).values();
    expect(summary?.teamAdminIn).toEqual(["eagle", "rootly", "uptrends"]);
  });
});
