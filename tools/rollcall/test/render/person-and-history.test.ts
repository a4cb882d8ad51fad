// What `whois`, the directory's role columns and `history` print for the people and snapshots the
// demo organisation never has: a person with a name but no address, an account with a role level
// but no role name, a group with neither name nor id, two vendors unread in one snapshot.
import { buildDirectory, defineAccount, type Account } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { renderHistory } from "../../src/render/history";
import { personTitle, renderPerson } from "../../src/render/person";
import { emailOf, nameOf, roleOf } from "../../src/render/roles";
import type { SnapshotSummary } from "../../src/store/read-snapshot";
import { text } from "./printed-text";

const account = (id: string, extra: Partial<Parameters<typeof defineAccount>[0]> = {}): Account =>
  defineAccount({ source: { vendor: "rootly", kind: "rootly.user", id }, raw: { id }, ...extra });

describe("a person as whois shows them", () => {
  it("titles a person without a login address by their name, if any, and id", () => {
    const named = account("7", {
      names: { display: "Ada Lovelace", given: "Ada", family: "Lovelace", derived: [] },
    });
    const [person] = buildDirectory([named]).people;
    expect(person!.primaryEmail).toBeNull();
    expect(personTitle(person!)).toBe("Ada Lovelace <rootly:rootly.user:7>");
    expect(emailOf(person!)).toBe("rootly:rootly.user:7");
    const [nameless] = buildDirectory([account("9")]).people;
    expect(personTitle(nameless!)).toBe("rootly:rootly.user:9");
  });

  it("leaves the groups cell empty for a group with neither name nor id", () => {
    const member = account("8", { groups: [{ id: null, name: null }] });
    const [person] = buildDirectory([member]).people;
    const lines = text(renderPerson({ person: person!, strength: "login/primary" }));
    const row = lines.find((line) => line.startsWith("rootly  "))!;
    expect(row.trimEnd().endsWith("unknown")).toBe(true);
    expect(nameOf(person!)).toBe("");
  });
});

describe("an account's role", () => {
  it("shows the level when the vendor names no role, and '(no role)' when it says nothing", () => {
    expect(roleOf(account("1", { role: { level: "admin", raw: null } }))).toBe("admin");
    expect(roleOf(account("2", { role: { level: "unknown", raw: null } }))).toBe("(no role)");
    expect(roleOf(account("3", { role: { level: "member", raw: " Responder " } }))).toBe(
      "Responder",
    );
  });
});

describe("rollcall history", () => {
  it("names every vendor a snapshot could not read, joined by commas", () => {
    const read = (vendor: string) => ({ vendor, complete: true, error: null });
    const unread = (vendor: string) => ({ vendor, complete: false, error: "timed out" });
    const snapshot: SnapshotSummary = {
      ...{ id: 3, takenAt: "2026-11-30T09:00:00.000Z", source: "test", rollcallVersion: "0.0.0" },
      ...{ people: 10, accounts: 20 },
      vendors: [read("eagle"), unread("opsgenie"), unread("rootly"), read("uptrends")],
    };
    const [, row] = text(renderHistory([snapshot]));
    expect(row).toContain("2/4 (opsgenie, rootly incomplete)");
  });
});
