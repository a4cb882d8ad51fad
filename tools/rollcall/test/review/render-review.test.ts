// The review renderer: what each section says about a small organisation built in the test, that
// the page is self-contained, and that vendor text can never become markup or a formula.
import { buildAccessGraph, buildDirectory, type AccessChanges } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { renderReview, type ReviewOutput } from "../../src/review/index";
import {
  account,
  csvRows,
  EVIDENCE_FILES,
  NOW,
  organisation,
  reviewInput,
  VENDORS,
} from "./review-fixture";

/**
 * The page with its source layout removed (whitespace runs as one space, none beside a tag), so
 * tests read the markup as a browser lays it out, whatever line breaks the source has.
 */
function flat(html: string): string {
  return html.replace(/\s+/g, " ").replace(/\s*(<[^>]+>)\s*/g, "$1");
}

function section(page: string, id: string): string {
  const html = flat(page);
  const start = html.indexOf(`<section id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</section>", start));
}

function tiles(html: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const [, count, label] of section(html, "summary").matchAll(
    /<div class="count">(\d+)<\/div><div class="label">([^<]+)<\/div>/g,
  )) {
    found[label!] = Number(count);
  }
  return found;
}

function evidence(output: ReviewOutput, fileName: string): string[][] {
  const file = output.evidence.find((candidate) => candidate.fileName === fileName);
  expect(file, fileName).toBeDefined();
  return csvRows(file!.csv);
}

/** Person names in the matrix, top to bottom. */
function matrixOrder(html: string): string[] {
  return [...section(html, "matrix").matchAll(/<td class="person">([^<]+)<small>/g)].map(
    ([, name]) => name!,
  );
}

function matrixRow(html: string, name: string): string {
  const rows = section(html, "matrix").split("<tr>");
  const row = rows.find((candidate) => candidate.includes(`<td class="person">${name}<small>`));
  expect(row, name).toBeDefined();
  return row!;
}

describe("renderReview", () => {
  it("writes one page that names nothing outside itself", () => {
    const { html } = renderReview(reviewInput());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(([, target]) => target!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const target of hrefs) expect(target).toMatch(/^#[a-z]+$/);
    expect(html).toContain("@media print");
  });

  it("puts owners first, then admins, then the rest, each privilege in words", () => {
    const { html } = renderReview(reviewInput());
    expect(matrixOrder(html)).toEqual(["Olga Owner", "Adam Admin", "Lea Leaver", "Mo Member"]);
    expect(matrixRow(html, "Olga Owner")).toContain('<span class="badge b-owner">owner</span>');
    const lea = matrixRow(html, "Lea Leaver");
    // Disabled in Beta: what she holds there is shown, marked as unusable.
    expect(lea).toContain('<span class="badge b-member">member (inactive)</span>');
    expect(lea).toContain('<span class="badge b-admin">admin</span><small>Administrator</small>');
    expect(matrixRow(html, "Mo Member")).toContain('<span class="badge b-none">none</span>');
    expect(evidence(renderReview(reviewInput()), "matrix.csv")).toEqual([
      ["name", "email", "alpha", "beta", "gamma"],
      ["Olga Owner", "olga@x.example", "owner", "none", "none"],
      ["Adam Admin", "adam@x.example", "member", "admin", "none"],
      ["Lea Leaver", "lea@x.example", "none", "member (inactive)", "admin"],
      ["Mo Member", "mo@x.example", "member", "member", "none"],
    ]);
  });

  it("rates a team's admin as a member of the vendor, marked team admin, as the directory does", () => {
    const team = { vendor: "alpha", kind: "team", id: "t1" } as const;
    const input = reviewInput(organisation(), {}, [
      {
        entitlements: [{ ...team, name: "Ops", privilege: "admin" }],
        grants: [
          {
            account: { vendor: "alpha", kind: "alpha.user", id: "a2" },
            entitlement: team,
            privilege: "admin",
            via: "GET /teams",
          },
        ],
      },
    ]);
    const { html } = renderReview(input);
    expect(matrixRow(html, "Mo Member")).toContain(
      '<span class="badge b-member">member (team admin)</span>',
    );
    const mo = evidence(renderReview(input), "matrix.csv").find((row) => row[0] === "Mo Member");
    expect(mo).toEqual(["Mo Member", "mo@x.example", "member (team admin)", "member", "none"]);
  });

  it("rates a vendor by the accounts that can act there, and marks it inactive when none can", () => {
    const accounts = [
      account({ vendor: "alpha", id: "m", address: "kim@x.example", name: "Kim" }),
      account({
        vendor: "alpha",
        id: "old",
        address: "kim@x.example",
        level: "owner",
        role: "Owner",
        status: "disabled",
      }),
      account({
        vendor: "beta",
        id: "p",
        address: "kim@x.example",
        level: "admin",
        role: "Admin",
        status: "unverified",
      }),
    ];
    const { html } = renderReview(reviewInput(accounts));
    const kim = matrixRow(html, "Kim");
    expect(kim).toContain('<span class="badge b-member">member</span><small>member, Owner</small>');
    expect(kim).toContain('<span class="badge b-admin">admin (inactive)</span>');
    expect(tiles(html)["admins and owners"]).toBe(0);
  });

  it("warns that records which could not be read may hold access the page does not show", () => {
    const accounts = organisation();
    const issues = [
      { vendor: "beta", kind: "beta.user", reason: "the user at index 4 has no id", raw: {} },
      { vendor: "beta", kind: "beta.user", reason: "the user at index 7 has no id", raw: {} },
    ];
    const directory = buildDirectory(accounts, { issues });
    const input = reviewInput(accounts, { directory, access: buildAccessGraph(directory) });
    expect(section(renderReview(input).html, "matrix")).toContain(
      '<p class="warning">2 vendor record(s) or field(s) could not be read (Beta Pager 2): what they hold may be missing here.<code>rollcall directory</code>lists each with its reason.</p>',
    );
    expect(section(renderReview(reviewInput()).html, "matrix")).not.toContain("could not be read");
  });

  it("counts people, accounts, admins and every finding in the summary", () => {
    expect(tiles(renderReview(reviewInput()).html)).toEqual({
      people: 4,
      accounts: 8,
      "admins and owners": 3,
      "leavers with access": 1,
      "orphaned accounts": 1,
      "dormant accounts (90+ days)": 2,
      "vendors not fully read": 0,
    });
  });

  it("lists dormant accounts only where the vendor reports logins, and names the vendors that do not", () => {
    const output = renderReview(reviewInput());
    const dormant = section(output.html, "dormant");
    expect(dormant).toContain("2026-01-01 (180 days ago)");
    expect(dormant).toContain("alpha.user a3");
    expect(dormant).toContain("no login recorded");
    expect(dormant).not.toContain("Olga Owner");
    expect(dormant).toMatch(/Not reported<\/strong>[^<]*: Beta Pager, Gamma Ops\./);
    // Beta's accounts carry no login time: none of them is called dormant.
    expect(dormant).not.toContain("Beta Pager</td>");
    expect(evidence(output, "dormant.csv").map((row) => [row[0], row[1], row[4], row[8]])).toEqual([
      ["finding", "vendor", "account_id", "days_since"],
      ["dormant", "alpha", "a3", ""],
      ["dormant", "alpha", "a2", "180"],
      ["not-reported", "beta", "", ""],
      ["not-reported", "gamma", "", ""],
    ]);
    const lenient = renderReview(reviewInput(organisation(), { dormantAfterDays: 200 }));
    expect(section(lenient.html, "dormant")).not.toContain("alpha.user a2");
    expect(tiles(lenient.html)["dormant accounts (200+ days)"]).toBe(1);
  });

  it("lists accounts no person claims, and grants held by accounts nobody has", () => {
    const stray = {
      entitlements: [
        {
          vendor: "beta",
          kind: "team" as const,
          id: "t1",
          name: "Night shift",
          privilege: "admin" as const,
        },
      ],
      grants: [
        {
          account: { vendor: "beta", kind: "beta.user", id: "gone" },
          entitlement: { vendor: "beta", kind: "team" as const, id: "t1" },
          privilege: "admin" as const,
          via: "team members",
        },
      ],
    };
    const output = renderReview(reviewInput(organisation(), {}, [stray]));
    const orphans = section(output.html, "orphans");
    expect(orphans).toContain("alpha.user a4");
    expect(orphans).toContain("team Night shift");
    expect(evidence(output, "orphans.csv").map((row) => row.slice(0, 6))).toEqual([
      ["type", "vendor", "account_kind", "account_id", "entitlement_kind", "entitlement_id"],
      ["account", "alpha", "alpha.user", "a4", "", ""],
      ["grant", "alpha", "alpha.user", "a4", "role", "Admin"],
      ["grant", "alpha", "alpha.user", "a4", "group", "Ops"],
      ["grant", "beta", "beta.user", "gone", "team", "t1"],
    ]);
    expect(tiles(output.html)["orphaned accounts"]).toBe(1);
    expect(section(output.html, "summary")).toContain("3 orphaned grant(s)");
  });

  it("lists someone disabled in one vendor who still holds access in another", () => {
    const output = renderReview(reviewInput());
    const leavers = section(output.html, "leavers");
    expect(leavers).toContain(
      "<strong>Lea Leaver</strong>: disabled in Beta Pager; 1 usable grant(s), 1 on inactive accounts",
    );
    expect(leavers).not.toContain("Mo Member");
    expect(
      evidence(output, "leavers.csv").map((row) => [row[0], row[2], row[3], row[9], row[11]]),
    ).toEqual([
      ["person_id", "disabled_in", "vendor", "privilege", "usable"],
      ["lea@x.example", "beta", "gamma", "admin", "yes"],
      ["lea@x.example", "beta", "beta", "member", "no"],
    ]);
    // Nobody disabled: nobody is a leaver.
    const everyoneActive = organisation().map((item) => ({ ...item, status: "active" as const }));
    expect(section(renderReview(reviewInput(everyoneActive)).html, "leavers")).toContain(
      "No leavers hold access.",
    );
  });

  it("says there is nothing to compare with when no previous snapshot is given", () => {
    const output = renderReview(reviewInput());
    expect(section(output.html, "changes")).toContain("No previous snapshot to compare with");
    expect(evidence(output, "changes.csv")).toEqual([
      ["type", "vendor", "person", "account_kind", "account_id", "entitlement", "from", "to"],
    ]);
  });

  it("groups changes by kind, and states a vendor not compared instead of showing its removals", () => {
    const changes: AccessChanges = {
      unknownVendors: ["gamma"],
      changes: [
        {
          type: "person-joined",
          vendor: null,
          person: { key: "new@x.example", displayName: "Nia New" },
        },
        {
          type: "privilege-changed",
          vendor: "beta",
          person: { key: "adam@x.example", displayName: "Adam Admin" },
          account: { vendor: "beta", kind: "beta.user", id: "b1" },
          entitlement: { kind: "role", id: "Admin", name: "Admin" },
          from: "member",
          to: "admin",
        },
        {
          type: "grant-added",
          vendor: "alpha",
          person: { key: "mo@x.example", displayName: null },
          account: { vendor: "alpha", kind: "alpha.user", id: "a2" },
          entitlement: { kind: "group", id: "Ops", name: "Ops" },
          to: "member",
        },
        {
          type: "account-removed",
          vendor: "gamma",
          person: { key: "zed@x.example", displayName: "Zed Gone" },
          account: { vendor: "gamma", kind: "gamma.user", id: "g9" },
        },
      ],
    };
    const previousTakenAt = new Date("2026-03-31T09:15:00Z");
    const output = renderReview(reviewInput(organisation(), { changes, previousTakenAt }));
    const shown = section(output.html, "changes");
    expect(shown).toContain("Changes since the snapshot of 2026-03-31 09:15 UTC");
    expect([...shown.matchAll(/<h3>([^<]+)<\/h3>/g)].map(([, title]) => title)).toEqual([
      "People who joined (1)",
      "Grants added (1)",
      "Privilege changes (1)",
    ]);
    expect(shown).toContain(
      '<span class="badge b-member">member</span>→<span class="badge b-admin">admin</span>',
    );
    expect(shown).toContain("Not compared: Gamma Ops");
    expect(shown).not.toContain("Zed Gone");
    expect(shown).not.toContain("Accounts removed");
    expect(evidence(output, "changes.csv").map((row) => row.slice(0, 3))).toEqual([
      ["type", "vendor", "person"],
      ["person-joined", "", "Nia New <new@x.example>"],
      ["privilege-changed", "beta", "Adam Admin <adam@x.example>"],
      ["grant-added", "alpha", "mo@x.example"],
      ["not-compared", "gamma", ""],
    ]);
  });

  it("makes a vendor that was not fully read loud: a red tile, a warning, and 'not read' cells", () => {
    const vendors = VENDORS.map((vendor) =>
      vendor.id === "beta" ? { ...vendor, complete: false } : vendor,
    );
    const accounts = organisation().filter((item) => item.source.vendor !== "beta");
    const { html } = renderReview(reviewInput(accounts, { vendors }));
    expect(tiles(html)["vendors not fully read"]).toBe(1);
    expect(section(html, "summary")).toMatch(
      /<a class="tile alert" href="#matrix">\s*<div class="count">1<\/div><div class="label">vendors not fully read<\/div><div class="label">Beta Pager<\/div>/,
    );
    expect(section(html, "matrix")).toContain('<p class="warning">Not fully read: Beta Pager.');
    expect(matrixRow(html, "Mo Member")).toContain(
      '<span class="badge b-not-read">not read</span>',
    );
  });

  it("escapes vendor text: markup stays text, control characters are shown, formulas are defused", () => {
    const hostile = [
      account({
        vendor: "alpha",
        id: "x1",
        address: "eve@x.example",
        name: "<script>alert(1)</script>Eve\u001b[2J\u202e",
        level: "admin",
        role: '=HYPERLINK("http://evil.example")',
        lastLogin: "2025-01-01T00:00:00Z",
      }),
      // No address: an orphan, so its group is shown in the page.
      account({ vendor: "alpha", id: "x2", groups: ['"><img src=x onerror=alert(1)>'] }),
    ];
    const output = renderReview(reviewInput(hostile));
    expect(output.html).not.toMatch(/<script|<img/i);
    expect(output.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;Eve\\u001b[2J\\u202e");
    expect(output.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    const rawControl = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/u;
    expect(output.html).not.toMatch(rawControl);
    for (const file of output.evidence)
      expect(file.csv.replaceAll("\r\n", "")).not.toMatch(rawControl);
    const grants = output.evidence.find((file) => file.fileName === "grants.csv")!.csv;
    expect(grants).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(grants).toContain("<script>alert(1)</script>Eve\\u001b[2J\\u202e");
  });

  it("writes the six evidence files, each with a header row", () => {
    const output = renderReview(reviewInput());
    expect(output.evidence.map((file) => file.fileName)).toEqual(EVIDENCE_FILES);
    for (const file of output.evidence) expect(file.csv.endsWith("\r\n")).toBe(true);
    expect(output.html).toContain(`Access review — ${NOW.toISOString().slice(0, 10)} 12:00 UTC`);
  });
});
