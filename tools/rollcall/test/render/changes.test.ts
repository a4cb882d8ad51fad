// What `rollcall diff` prints for the changes the demo organisation's snapshots never produce: a
// privilege raised, grants added and removed, an account no person claims, a person without a
// name, and a vendor unread in both snapshots. Rendered directly from the core data the command
// passes in (the command itself is held by commands/snapshot.test.ts).
import type { AccessChanges } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { renderChanges, renderChangesCsv, type SnapshotPair } from "../../src/render/changes";
import type { SnapshotSummary } from "../../src/store/read-snapshot";
import { text } from "./printed-text";

function snapshot(id: number, incomplete: readonly string[] = []): SnapshotSummary {
  return {
    id,
    takenAt: `2026-11-0${id}T09:00:00.000Z`,
    source: "vendors",
    rollcallVersion: "0.0.0",
    people: 3,
    accounts: 5,
    vendors: ["eagle", "rootly", "opsgenie", "uptrends"].map((vendor) => ({
      vendor,
      complete: !incomplete.includes(vendor),
      error: incomplete.includes(vendor) ? "503" : null,
    })),
  };
}

function changes(): AccessChanges {
  return {
    changes: [
      { type: "person-left", vendor: null, person: { key: "cy@example.com", displayName: "Cy" } },
      {
        type: "privilege-changed",
        vendor: "opsgenie",
        person: { key: "ada@example.com", displayName: "Ada Lovelace" },
        account: { vendor: "opsgenie", kind: "opsgenie.user", id: "u1" },
        from: "member",
        to: "admin",
      },
      {
        type: "grant-added",
        vendor: "rootly",
        person: { key: "ben@example.com", displayName: null },
        account: { vendor: "rootly", kind: "rootly.user", id: "7" },
        entitlement: { kind: "team", id: "t1", name: "=Platform" },
        to: "admin",
      },
      {
        type: "grant-removed",
        vendor: "uptrends",
        person: null,
        account: { vendor: "uptrends", kind: "uptrends.operator", id: "op-9" },
        entitlement: { kind: "group", id: "g2", name: "Ops, night" },
        from: "member",
      },
    ],
    unknownVendors: [],
  };
}

describe("rollcall diff rendering", () => {
  it("prints one row per change: who, which account and entitlement, and the privilege before → after", () => {
    const rows = text(renderChanges({ from: snapshot(1), to: snapshot(2) }, changes()));
    expect(rows).toEqual([
      "Changes from snapshot 1 (2026-11-01T09:00:00.000Z) to snapshot 2 (2026-11-02T09:00:00.000Z): 4",
      "change       vendor    person                          account                 entitlement       privilege",
      "- left                 Cy <cy@example.com>",
      "~ privilege  opsgenie  Ada Lovelace <ada@example.com>  opsgenie.user u1                          member → admin",
      "+ grant      rootly    ben@example.com                 rootly.user 7           team =Platform    admin",
      "- grant      uptrends  (no person)                     uptrends.operator op-9  group Ops, night  member",
    ]);
  });

  it("prints only the heading when nothing changed", () => {
    const pair = { from: snapshot(3), to: snapshot(4) };
    expect(text(renderChanges(pair, { changes: [], unknownVendors: [] }))).toEqual([
      "Changes from snapshot 3 (2026-11-03T09:00:00.000Z) to snapshot 4 (2026-11-04T09:00:00.000Z): 0",
    ]);
  });

  it("names, for a vendor whose changes are unknown, each snapshot it was not read completely in", () => {
    const pair: SnapshotPair = {
      from: snapshot(1, ["rootly"]),
      to: snapshot(2, ["rootly", "eagle"]),
    };
    const rows = text(renderChanges(pair, { changes: [], unknownVendors: ["eagle", "rootly"] }));
    expect(rows.slice(1)).toEqual([
      "eagle: not read completely in snapshot 2; its changes are unknown",
      "rootly: not read completely in snapshot 1 and snapshot 2; its changes are unknown",
    ]);
  });

  it("--csv gives every field its own column, defuses formulas and quotes commas", () => {
    const result = { ...changes(), unknownVendors: ["eagle" as const] };
    expect(renderChangesCsv(result)).toEqual([
      "type,vendor,person,name,account_kind,account_id,entitlement_kind,entitlement_id,entitlement_name,from,to",
      "person-left,,cy@example.com,Cy,,,,,,,",
      "privilege-changed,opsgenie,ada@example.com,Ada Lovelace,opsgenie.user,u1,,,,member,admin",
      "grant-added,rootly,ben@example.com,,rootly.user,7,team,t1,'=Platform,,admin",
      'grant-removed,uptrends,,,uptrends.operator,op-9,group,g2,"Ops, night",member,',
      "vendor-unknown,eagle,,,,,,,,,",
    ]);
  });
});
