// What `rollcall access` and `rollcall offboard` print for the cases the demo organisation has
// none of: a schedule whose holder is on call now, a grant held through a disabled account, a
// person with no grants, warnings beside blockers, a leaver without a display name, and a step
// that was skipped. Rendered directly from the core data the commands pass in.
import type {
  AccessEntry,
  OffboardingFinding,
  OffboardingPlan,
  OffboardingResult,
} from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { grantJson, renderFindings, renderGrants } from "../../src/render/access";
import { renderOutcomes, renderPlan } from "../../src/render/plan";
import { text } from "./printed-text";

const account = { vendor: "opsgenie", kind: "user", id: "u1" } as const;

function entry(
  kind: "role" | "schedule",
  name: string,
  active: boolean,
  onCallNow?: boolean,
): AccessEntry {
  const ref = { vendor: "opsgenie", kind, id: `${kind}-1` } as const;
  return {
    entitlement: { ...ref, name, privilege: "member" },
    grant: {
      account,
      entitlement: ref,
      privilege: "member",
      via: kind === "role" ? "role" : "GET /v2/schedules",
      ...(onCallNow !== undefined && { onCallNow }),
    },
    personId: "ada@example.com",
    active,
  } as AccessEntry;
}

describe("rollcall access rendering", () => {
  it("notes a grant held through an inactive account and a schedule its holder is on call for now", () => {
    const rows = text(
      renderGrants([
        entry("schedule", "Primary", false, true),
        entry("schedule", "Backup", true, false),
        entry("role", "User", true),
      ]),
    );
    expect(rows.map((row) => row.split(/\s{2,}/))).toEqual([
      ["Vendor", "Kind", "Name", "Privilege", "Note", "Via"],
      [
        "opsgenie",
        "schedule",
        "Primary",
        "member",
        "inactive account, on call now",
        "GET /v2/schedules",
      ],
      ["opsgenie", "schedule", "Backup", "member", "GET /v2/schedules"],
      ["opsgenie", "role", "User", "member", "role"],
    ]);
  });

  it("says so when a person holds nothing", () => {
    expect(renderGrants([])).toEqual([
      "No grants: none of their accounts holds a role or membership.",
    ]);
  });

  it("gives scripts a schedule's onCallNow, false when the vendor did not say, and no such field for a role", () => {
    expect(grantJson(entry("schedule", "Primary", true, true))).toMatchObject({ onCallNow: true });
    expect(grantJson(entry("schedule", "Backup", true))).toMatchObject({ onCallNow: false });
    expect(grantJson(entry("role", "User", true))).not.toHaveProperty("onCallNow");
  });

  it("prints blockers, then warnings, each counted and each naming its vendor", () => {
    const finding = (severity: "blocker" | "warning", message: string) =>
      ({ severity, code: "on-call", vendor: "opsgenie", account, message }) as OffboardingFinding;
    const lines = renderFindings(
      [finding("blocker", "the only owner")],
      [finding("warning", "on call for Primary"), finding("warning", "in rotation B")],
    );
    expect(text(lines)).toEqual([
      "Blocked: 1 thing(s) must change first",
      "  ! [opsgenie] the only owner",
      "Will break (review): 2",
      "  - [opsgenie] on call for Primary",
      "  - [opsgenie] in rotation B",
    ]);
    expect(lines[0]).toMatchObject({ style: "red" });
    expect(lines[2]).toMatchObject({ style: "bold" });
    expect(renderFindings([], [])).toEqual([]);
  });
});

describe("rollcall offboard rendering", () => {
  const step = { vendor: "eagle", description: "delete user 7" };

  it("names a leaver without a display name by address alone", () => {
    const plan = { email: "ada@example.com", steps: [step], reviewContacts: [] };
    expect(text(renderPlan(plan as unknown as OffboardingPlan))).toEqual([
      "Offboarding plan for ada@example.com: 1 step(s)",
      "  1. [eagle] delete user 7",
    ]);
  });

  it("marks a skipped step and counts it", () => {
    const result = {
      outcomes: [
        { status: "done", step },
        { status: "skipped", step },
      ],
    } as unknown as OffboardingResult;
    const lines = renderOutcomes(result);
    expect(text(lines)).toEqual([
      "Outcome:",
      "  done    1. [eagle] delete user 7",
      "  skipped 2. [eagle] delete user 7",
      "1 done, 0 failed, 1 skipped",
    ]);
    expect((lines[2] as readonly unknown[])[1]).toMatchObject({ style: "yellow" });
  });
});
