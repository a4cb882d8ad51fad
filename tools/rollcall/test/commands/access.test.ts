import { describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

interface JsonGrant {
  vendor: string;
  kind: string;
  id: string;
  name: string;
  privilege: string;
  via: string;
  onCallNow?: boolean;
}

const RANK: Record<string, number> = { owner: 4, admin: 3, member: 2, limited: 1, unknown: 0 };

describe("rollcall access", () => {
  it("shows someone in all four vendors with their role in each and their groups, most privileged first", async () => {
    const ava = demoPerson("ava-chen");
    const run = await runCli(["access", ava.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`Access of Ava Chen <${ava.workEmail}>`);
    expect(lines[1]).toBe("");
    const rows = lines.slice(3).filter((line) => line !== "");
    for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"]) {
      expect(rows.some((row) => row.startsWith(`${vendor} `) && / role /.test(row))).toBe(true);
    }
    for (const group of ava.eagle!.groups) {
      expect(rows.some((row) => /^eagle\s+group\s/.test(row) && row.includes(group))).toBe(true);
    }
    // Owners and admins come first.
    const privileges = rows.map((row) => row.split(/\s{2,}/)[3]!);
    expect(privileges.map((p) => RANK[p])).toEqual(
      [...privileges.map((p) => RANK[p])].sort((a, b) => b! - a!),
    );
  });

  it("--json gives each grant's vendor, kind, id, name, privilege and where it came from", async () => {
    const ava = demoPerson("ava-chen");
    const run = await runCli(["access", ava.workEmail, "--json"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const person = JSON.parse(run.stdout) as { id: string; grants: JsonGrant[] };
    expect(person.id).toBe(ava.workEmail);
    expect(person.grants).toContainEqual({
      vendor: "opsgenie",
      kind: "role",
      id: ava.opsgenie!.role,
      name: ava.opsgenie!.role,
      privilege: "owner",
      via: "role",
    });
    for (const grant of person.grants) {
      expect(Object.keys(grant).sort()).toEqual([
        "id",
        "kind",
        "name",
        "privilege",
        "vendor",
        "via",
      ]);
    }
  });

  it("lists the Rootly teams someone is in, as admin or member", async () => {
    const ben = demoPerson("ben-okafor");
    const run = await runCli(["access", ben.workEmail, "--json", "--vendor", "rootly"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const { grants } = JSON.parse(run.stdout) as { grants: JsonGrant[] };
    const teams = grants
      .filter((grant) => grant.kind === "team")
      .map((grant) => [grant.name, grant.privilege, grant.via]);
    expect(teams.sort()).toEqual(
      Object.entries(ben.rootly!.teams!)
        .map(([name, role]) => [name, role, "GET /v1/teams"])
        .sort(),
    );
  });

  it("exits 1 for an address nobody has", async () => {
    const run = await runCli(["access", "nobody@harbourline.example"], demo.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nobody has nobody@harbourline.example");
    // That one line is all it says: nothing after it fails on the missing person.
    expect(run.stderr.split("\n").filter((line) => line.startsWith("rollcall:"))).toEqual([
      "rollcall: nobody has nobody@harbourline.example",
    ]);
    expect(run.stdout).toBe("");
  });
});

describe("rollcall directory --json grants", () => {
  it("gives every person grants from each vendor they are in", async () => {
    const run = await runCli(["directory", "--json"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const { people } = JSON.parse(run.stdout) as {
      people: { id: string; vendors: string[]; grants: JsonGrant[] }[];
    };
    expect(people.length).toBeGreaterThan(10);
    for (const person of people) {
      const granted = new Set(person.grants.map((grant) => grant.vendor));
      expect([...granted].sort(), person.id).toEqual([...person.vendors].sort());
    }
  });
});
