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
