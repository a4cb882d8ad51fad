import { describe, expect, it } from "vitest";
import { backupOnlyMatches, demoPerson, expectedPeople, type Vendor } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

interface JsonPerson {
  id: string;
  name: string | null;
  email: string | null;
  vendors: string[];
  roles: Record<string, string | null>;
  accounts: { vendor: string; kind: string; role: string; status: string; emails: unknown[] }[];
  contactMatches: unknown[];
  access: {
    privileges: Record<string, string>;
    teamAdminIn: string[];
    teams: number;
    schedules: number;
    onCallNow: boolean;
  };
}
interface JsonDirectory {
  partial: boolean;
  vendors: { id: string; status: string; accounts?: number }[];
  people: JsonPerson[];
  summary: { people: number; contactOnlyMatches: number; unreadableRecords: number };
}

/** RFC 4180 rows: quoted cells may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split("\r\n").filter((row) => row !== "")) {
    const cells = [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((match) => {
      const cell = match[1]!;
      return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    });
    rows.push(cells);
  }
  return rows;
}

async function directoryJson(...extra: string[]): Promise<JsonDirectory> {
  const run = await runCli(["directory", "--json", ...extra], demo.env);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as JsonDirectory;
}

describe("rollcall directory", () => {
  it("prints one row per person: their privilege in each vendor, teams and schedules, then the summary", async () => {
    const run = await runCli(["directory"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Name\s+Email\s+eagle\s+rootly\s+opsgenie\s+uptrends\s+Teams\s+Schedules$/,
    );
    const json = await directoryJson();
    const rowOf = (email: string) =>
      lines
        .find((line) => line.includes(email))!
        .trimEnd()
        .split(/\s{2,}/);

    const ava = demoPerson("ava-chen");
    // In all four vendors: a privilege in each, the account owner of OpsGenie; then the counts.
    const cells = rowOf(ava.workEmail);
    expect(cells).toHaveLength(8);
    expect(cells[4]).toBe("owner");
    expect(cells.slice(2, 6).every((cell) => /^(owner|admin|member|limited)/.test(cell))).toBe(
      true,
    );
    const avaJson = json.people.find((person) => person.email === ava.workEmail)!;
    expect(cells.slice(6)).toEqual([
      String(avaJson.access.teams),
      `${avaJson.access.schedules}${avaJson.access.onCallNow ? " (on call)" : ""}`,
    ]);

    // Every row's counts are its --json ones, "(on call)" where the person is on call now.
    for (const person of json.people) {
      expect(rowOf(person.email!).slice(-2), person.email!).toEqual([
        String(person.access.teams),
        `${person.access.schedules}${person.access.onCallNow ? " (on call)" : ""}`,
      ]);
    }
    expect(json.people.some((person) => person.access.onCallNow)).toBe(true);

    // Someone who administers a team without being an admin of the vendor says so.
    const teamAdmin = json.people.find((person) => person.access.teamAdminIn.length > 0)!;
    const vendor = teamAdmin.access.teamAdminIn[0]!;
    // Columns are aligned: read the cell under the vendor's heading (cells before it may be blank).
    const start = lines[0]!.search(new RegExp(`\\b${vendor}\\b`));
    const row = lines.find((line) => line.includes(teamAdmin.email!))!;
    expect(row.slice(start).split(/\s{2,}/)[0]).toBe("member, team admin");

    // Sam is only in eagle.io: the other three vendor cells are blank, so the counts follow.
    const sam = demoPerson("sam-oconnor");
    const samCells = rowOf(sam.workEmail);
    expect(samCells).toHaveLength(5);
    expect(samCells[2]).toBe("member");

    const people = expectedPeople().size;
    expect(run.stdout).toContain(`People: ${people}`);
    expect(run.stdout).toMatch(/Accounts: eagle \d+, rootly \d+, opsgenie \d+, uptrends \d+/);
    expect(run.stdout).toMatch(/In some vendors but not all: \d+/);
    expect(run.stdout).toContain(`Contact-only matches: ${backupOnlyMatches().length}`);
    expect(run.stdout).toContain("Records that could not be read: 0");
  });

  it("--json lists exactly the people the demo roster promises, in the vendors it promises", async () => {
    const directory = await directoryJson();
    const expected = expectedPeople();
    expect(directory.partial).toBe(false);
    expect(directory.people.map((person) => person.email).sort()).toEqual(
      [...expected.keys()].sort(),
    );
    for (const person of directory.people) {
      const vendors = [...expected.get(person.email!)!].sort();
      expect([...person.vendors].sort(), person.email!).toEqual(vendors);
      for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"] as Vendor[]) {
        expect(person.roles[vendor] !== null, `${person.email} in ${vendor}`).toBe(
          vendors.includes(vendor),
        );
      }
    }
    expect(directory.summary.people).toBe(expected.size);
  });

  it("--json keeps the vendors' own role names", async () => {
    const directory = await directoryJson();
    const byEmail = new Map(directory.people.map((person) => [person.email, person]));
    const ben = demoPerson("ben-okafor");
    expect(byEmail.get(ben.workEmail)?.roles.opsgenie).toBe(ben.opsgenie!.role);
    // Rootly's account roles come through by name (Ben's is the built-in "admin", named Admin).
    expect(ben.rootly!.role).toBe("admin");
    expect(byEmail.get(ben.workEmail)?.roles.rootly).toBe("Admin");
    expect(directory.people.filter((person) => person.roles.rootly === "(no role)")).toEqual([]);
    // Mixed-case addresses join one person (Priya's OpsGenie username is capitalised).
    const priya = byEmail.get(demoPerson("priya-nair").workEmail)!;
    expect(priya.vendors.sort()).toEqual(["opsgenie", "rootly"]);
  });

  it("marks a vendor where all of a person's accounts are disabled as inactive, with no access", async () => {
    const opsgenie = demo.sims.opsgenie.store;
    const elena = demoPerson("elena-petrova"); // only in OpsGenie
    const ethan = demoPerson("ethan-walker"); // in Rootly and OpsGenie
    for (const person of [elena, ethan]) {
      const user = opsgenie.userByUsername(person.opsgenie!.username)!;
      opsgenie.users.update(user.id, { blocked: true });
    }
    const run = await runCli(["directory"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    /** The cell under a vendor's heading (columns are aligned; a blank cell reads as ""). */
    const cell = (email: string, vendor: Vendor) =>
      lines
        .find((line) => line.includes(email))!
        .slice(lines[0]!.search(new RegExp(`\\b${vendor}\\b`)))
        .split(/\s{2,}/)[0];
    expect(
      ["eagle", "rootly", "opsgenie", "uptrends"].map((v) => cell(elena.workEmail, v as Vendor)),
    ).toEqual(["", "", "inactive", ""]);
    expect(
      ["eagle", "rootly", "opsgenie", "uptrends"].map((v) => cell(ethan.workEmail, v as Vendor)),
    ).toEqual(["", "member", "inactive", ""]);
    const elenaRow = lines.find((line) => line.includes(elena.workEmail))!.split(/\s{2,}/);
    expect(elenaRow.slice(-2)).toEqual(["0", "0"]);

    const json = await directoryJson();
    const elenaJson = json.people.find((person) => person.email === elena.workEmail)!;
    expect(elenaJson.access).toEqual({
      privileges: {},
      teamAdminIn: [],
      teams: 0,
      schedules: 0,
      onCallNow: false,
    });
    expect(elenaJson.accounts).toEqual([
      expect.objectContaining({
        vendor: "opsgenie",
        status: "disabled",
        emails: [{ value: elena.opsgenie!.username, kind: "login" }],
      }),
    ]);
  });

  it("--json lists each contact-only match on the person whose address it is", async () => {
    const json = await directoryJson();
    const tomas = demoPerson("tomas-ruiz");
    const home = json.people.find((person) => person.email === tomas.uptrends!.email)!;
    expect(json.people.flatMap((person) => person.contactMatches)).toEqual([
      {
        email: tomas.workEmail,
        via: "backup",
        account: { vendor: "uptrends", kind: "uptrends.operator", id: expect.any(String) },
        personId: home.id,
      },
    ]);
  });

  it("--csv prints a header and one row per person", async () => {
    const run = await runCli(["directory", "--csv"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(["name", "email", "eagle", "rootly", "opsgenie", "uptrends"]);
    expect(rows).toHaveLength(expectedPeople().size + 1);
    const ava = demoPerson("ava-chen");
    const avaRow = rows.find((row) => row[1] === ava.workEmail)!;
    expect(avaRow[0]).toBe("Ava Chen");
    expect(avaRow[4]).toBe("Owner");
    expect(avaRow.slice(2).every((cell) => cell !== "")).toBe(true);
    // Sam O'Connor is only in eagle.io.
    const samRow = rows.find((row) => row[1] === demoPerson("sam-oconnor").workEmail)!;
    expect(samRow[0]).toBe("Sam O'Connor");
    expect(samRow.slice(3)).toEqual(["", "", ""]);
    expect(samRow[2]).not.toBe("");
  });

  it("--vendor restricts the columns and what is pulled", async () => {
    const directory = await directoryJson("--vendor", "opsgenie,uptrends");
    expect(directory.vendors.map((vendor) => vendor.id)).toEqual(["opsgenie", "uptrends"]);
    expect(demo.sims.eagle.requestCount()).toBe(0);
    expect(demo.sims.rootly.requestCount()).toBe(0);
    for (const person of directory.people) {
      expect(Object.keys(person.roles)).toEqual(["opsgenie", "uptrends"]);
      expect(person.vendors.every((vendor) => vendor === "opsgenie" || vendor === "uptrends")).toBe(
        true,
      );
    }
    // Sam is only in eagle.io, so he is not in this directory at all.
    const emails = directory.people.map((person) => person.email);
    expect(emails).not.toContain(demoPerson("sam-oconnor").workEmail);
  });

  it("--vendor can be repeated", async () => {
    const run = await runCli(
      ["directory", "--csv", "--vendor", "rootly", "--vendor", "eagle"],
      demo.env,
    );
    expect(run.code, run.stderr).toBe(0);
    // Columns keep the standard order whatever order the flags came in.
    expect(run.stdout.split("\r\n")[0]).toBe("name,email,eagle,rootly");
  });

  it("writes nothing but the result to stdout; sources and progress go to stderr", async () => {
    const run = await runCli(["directory", "--json"], demo.env);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stdout).not.toMatch(/page \d+ fetched/);
    const stderr = run.stderr.split("\n");
    // The first lines say where each vendor came from.
    expect(stderr.slice(0, 4)).toEqual([
      `eagle: ${demo.sims.eagle.url}`,
      `rootly: ${demo.sims.rootly.url}`,
      `opsgenie: ${demo.sims.opsgenie.url}`,
      `uptrends: ${demo.sims.uptrends.url}`,
    ]);
    expect(run.stderr).toMatch(/rootly: page 1 fetched/);
    expect(run.stderr).not.toContain("\u001b[");
  });
});
