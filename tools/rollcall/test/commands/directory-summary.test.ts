// The numbers under the table (and in --json's summary) say exactly what was read: people,
// accounts per vendor, who is missing somewhere, contact-only matches and unreadable records.
import { describe, expect, it, onTestFinished } from "vitest";
import { backupOnlyMatches, demoPerson, expectedPeople, type Vendor } from "../demo-roster";
import { runCli } from "../run-cli";
import { rootlyWithUserWithoutEmail } from "../rootly-user";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

/** People in at least one of `vendors` but not in all of them, from the roster. */
function inSomeButNotAll(vendors: readonly Vendor[]): number {
  let count = 0;
  for (const found of expectedPeople().values()) {
    const within = vendors.filter((vendor) => found.has(vendor)).length;
    if (within > 0 && within < vendors.length) count += 1;
  }
  return count;
}

/** "eagle: 14 accounts from 1 page(s)" on stderr → { eagle: 14 } */
function accountsReported(stderr: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of stderr.matchAll(/^(\w+): (\d+) accounts from \d+ page\(s\)/gm)) {
    counts[match[1]!] = Number(match[2]);
  }
  return counts;
}

describe("rollcall directory's summary", () => {
  it("counts people, accounts per vendor and people missing from some vendors", async () => {
    const run = await runCli(["directory"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const accounts = accountsReported(run.stderr);
    // Vendors are read at once, so they finish in any order.
    expect(Object.keys(accounts).sort()).toEqual(["eagle", "opsgenie", "rootly", "uptrends"]);
    // The demo has no unreadable record: each vendor's line ends at its page count.
    for (const vendor of Object.keys(accounts)) {
      expect(run.stderr).toMatch(
        new RegExp(`^${vendor}: \\d+ accounts from \\d+ page\\(s\\)$`, "m"),
      );
    }
    // Progress counts the records each page carried (one per account for these three).
    for (const vendor of ["rootly", "opsgenie", "uptrends"]) {
      expect(run.stderr).toContain(
        `${vendor}: page 1 fetched (${accounts[vendor]} records so far)\n`,
      );
    }
    const summary = run.stdout.slice(run.stdout.indexOf("\n\nPeople:") + 2).split("\n");
    const all: Vendor[] = ["eagle", "rootly", "opsgenie", "uptrends"];
    const tomas = demoPerson("tomas-ruiz");
    expect(summary.slice(0, 4)).toEqual([
      `People: ${expectedPeople().size}`,
      `Accounts: ${all.map((vendor) => `${vendor} ${accounts[vendor]}`).join(", ")}`,
      `In some vendors but not all: ${inSomeButNotAll(all)}`,
      `Contact-only matches: ${backupOnlyMatches().length}`,
    ]);
    expect(summary).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^  ${tomas.workEmail.replace(/\./g, "\\.")} is a backup address on uptrends\\.operator \\S+ \\(uptrends\\), whose person is \\S+$`,
        ),
      ),
    );
    expect(summary.filter((line) => line.startsWith("  "))).toHaveLength(
      backupOnlyMatches().length,
    );
    expect(summary.at(-2)).toBe("Records that could not be read: 0");
    expect(summary.at(-1)).toBe("");
  });

  it("--json carries the same numbers", async () => {
    const run = await runCli(["directory", "--json", "--vendor", "eagle,rootly"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const accounts = accountsReported(run.stderr);
    const directory = JSON.parse(run.stdout) as {
      vendors: { id: string; source: string; status: string; accounts: number; pages: number }[];
      summary: Record<string, unknown>;
      issues: unknown[];
    };
    expect(directory.vendors).toEqual([
      {
        id: "eagle",
        source: demo.sims.eagle.url,
        status: "ok",
        accounts: accounts.eagle,
        pages: 1,
      },
      {
        id: "rootly",
        source: demo.sims.rootly.url,
        status: "ok",
        accounts: accounts.rootly,
        pages: 1,
      },
    ]);
    expect(directory.summary).toEqual({
      people: directory.summary.people,
      accountsByVendor: { eagle: accounts.eagle, rootly: accounts.rootly },
      inSomeVendors: inSomeButNotAll(["eagle", "rootly"]),
      contactOnlyMatches: 0,
      unreadableRecords: 0,
      unavailableVendors: [],
    });
    expect(directory.issues).toEqual([]);
  });

  it("nobody is missing from some vendors when only one vendor is read", async () => {
    const run = await runCli(["directory", "--vendor", "eagle"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^In some vendors but not all: 0$/m);
  });

  it("lists each record that could not be read, on the table and in --json", async () => {
    const rootly = await rootlyWithUserWithoutEmail("9201");
    onTestFinished(() => rootly.close());
    const env = { ROOTLY_API_TOKEN: rootly.credentials.token, ROOTLY_BASE_URL: rootly.url };
    const table = await runCli(["directory", "--vendor", "rootly"], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stderr).toMatch(/^rootly: \d+ accounts from 1 page\(s\), 1 unreadable$/m);
    expect(table.stdout).toMatch(
      /^Records that could not be read: 1\n  rootly rootly.user 9201: the user at index \d+ has no attributes\.email, so it cannot be matched to a person\n/m,
    );
    const json = await runCli(["directory", "--json", "--vendor", "rootly"], env);
    const directory = JSON.parse(json.stdout) as { summary: { unreadableRecords: number } };
    expect(directory.summary.unreadableRecords).toBe(1);
    expect((JSON.parse(json.stdout) as { issues: unknown[] }).issues).toEqual([
      {
        vendor: "rootly",
        kind: "rootly.user",
        id: "9201",
        reason: expect.stringMatching(/ has no attributes\.email, so it cannot be matched/),
      },
    ]);
  });

  it("a vendor that cannot be read: marked in the header, its cells and the summary", async () => {
    demo.sims.uptrends.faults.next(50, { kind: "server-error", status: 503 });
    const run = await runCli(["directory", "--vendor", "rootly,uptrends"], demo.env);
    expect(run.code).toBe(3);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^Name\s+Email\s+rootly\s+uptrends!\s+Teams\s+Schedules$/);
    const rows = lines.slice(1, lines.indexOf(""));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\S\s{2,}unavailable\s{2,}\d+\s{2,}\d+/);
    expect(run.stdout).toMatch(/^Accounts: rootly \d+, uptrends unavailable$/m);
    expect(run.stdout).toMatch(/^uptrends! unavailable: .*503/m);
    expect(run.stdout).not.toMatch(/^rootly! /m);

    const json = await runCli(["directory", "--json", "--vendor", "rootly,uptrends"], demo.env);
    const directory = JSON.parse(json.stdout) as {
      vendors: Record<string, unknown>[];
      summary: { unavailableVendors: string[]; accountsByVendor: Record<string, number> };
    };
    expect(directory.vendors[1]).toEqual({
      id: "uptrends",
      source: demo.sims.uptrends.url,
      status: "unavailable",
      error: expect.stringMatching(/503/),
    });
    expect(directory.summary.unavailableVendors).toEqual(["uptrends"]);
    expect(Object.keys(directory.summary.accountsByVendor)).toEqual(["rootly"]);

    const csv = await runCli(["directory", "--csv", "--vendor", "rootly,uptrends"], demo.env);
    const records = csv.stdout.split("\r\n").filter((record) => record !== "");
    expect(records[0]).toBe("name,email,rootly,uptrends");
    for (const record of records.slice(1)) expect(record).toMatch(/,[^,]+,unavailable$/);
  });
});
