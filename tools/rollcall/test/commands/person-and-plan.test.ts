// What whois and offboard print for one person: the accounts table (aligned, one row per account),
// how the person was found, the plan with the accounts left for review, and each step's outcome.
import { describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

/** Where each cell of a table line starts (cells are separated by two or more spaces). */
function cellStarts(line: string): number[] {
  return [...line.matchAll(/(?:^|\s{2,})(\S)/g)].map((match) => match.index! + match[0].length - 1);
}

describe("rollcall whois", () => {
  it("prints the person, how they were found, and an aligned row per account", async () => {
    const ben = demoPerson("ben-okafor");
    const run = await runCli(["whois", ben.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      `Ben Okafor <${ben.workEmail}>`,
      "Found by a login/primary address.",
      "",
    ]);
    const table = lines.slice(3, lines.indexOf("", 3));
    expect(table[0]).toMatch(/^Vendor {2,}Role {2,}Account {2,}Id {2,}Status {2,}Groups$/);
    expect(table.slice(1).map((line) => line.split(/\s{2,}/))).toEqual([
      [
        "eagle",
        "group member",
        "eagle.groupMember",
        ben.workEmail,
        "active",
        ben.eagle!.groups.join(", "),
      ],
      ["opsgenie", "Admin", "opsgenie.user", expect.any(String), "active"],
      ["rootly", "Admin", "rootly.user", expect.any(String), "unknown"],
      ["uptrends", "Operator", "uptrends.operator", expect.any(String), "active"],
    ]);
    // Every row's cells start under their header, and no line ends in padding.
    const header = cellStarts(table[0]!);
    expect(cellStarts(table[1]!)).toEqual(header);
    for (const row of table.slice(2)) expect(cellStarts(row)).toEqual(header.slice(0, 5));
    for (const line of table) expect(line).toBe(line.trimEnd());
    expect(lines.slice(lines.indexOf("", 3) + 1)).toEqual(["Contact-only matches: none", ""]);
  });

  it("says when the address is only a backup/contact address on the person's own account", async () => {
    const liam = demoPerson("liam-murphy");
    const run = await runCli(["whois", liam.uptrends!.backupEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      `Liam Murphy <${liam.workEmail}>`,
      "Found only by a backup/contact address on their own account.",
    ]);
    const json = await runCli(["whois", liam.uptrends!.backupEmail, "--json"], demo.env);
    expect((JSON.parse(json.stdout) as { foundBy: string }).foundBy).toBe("backup/contact");
  });

  it("--json gives every account's source, role, status, addresses and groups", async () => {
    const ben = demoPerson("ben-okafor");
    const teamGrants = (privilege: string) =>
      Object.entries(ben.rootly!.teams!)
        .filter(([, role]) => role === privilege)
        .map(([name]) => name)
        .sort()
        .map((name) => ({
          vendor: "rootly",
          kind: "team",
          id: expect.any(String),
          name,
          privilege,
          via: "GET /v1/teams",
        }));
    const run = await runCli(
      ["whois", ben.workEmail, "--json", "--vendor", "eagle,rootly"],
      demo.env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      id: ben.workEmail,
      name: "Ben Okafor",
      email: ben.workEmail,
      emails: [ben.workEmail],
      vendors: ["eagle", "rootly"],
      roles: { eagle: "group member", rootly: "Admin" },
      accounts: [
        {
          vendor: "eagle",
          kind: "eagle.groupMember",
          id: ben.workEmail,
          role: "group member",
          roleLevel: "member",
          status: "active",
          emails: [{ value: ben.workEmail, kind: "login" }],
          groups: ben.eagle!.groups,
        },
        {
          vendor: "rootly",
          kind: "rootly.user",
          id: expect.any(String),
          role: "Admin",
          roleLevel: "admin",
          status: "unknown",
          emails: [{ value: ben.workEmail, kind: "primary" }],
          groups: [],
        },
      ],
      access: {
        privileges: { eagle: "member", rootly: "admin" },
        teamAdminIn: [],
        teams: ben.eagle!.groups.length + Object.keys(ben.rootly!.teams!).length,
        schedules: expect.any(Number),
        onCallNow: expect.any(Boolean),
      },
      grants: [
        {
          vendor: "rootly",
          kind: "role",
          id: "Admin",
          name: "Admin",
          privilege: "admin",
          via: "relationships.role",
        },
        {
          vendor: "rootly",
          kind: "role",
          id: expect.any(String),
          name: "On-Call Admin",
          privilege: "admin",
          via: "GET /v1/on_call_roles",
        },
        ...teamGrants("admin"),
        ...[...ben.eagle!.groups].sort().map((name) => ({
          vendor: "eagle",
          kind: "group",
          id: expect.any(String),
          name,
          privilege: "member",
          via: "groups[]._id/name",
        })),
        {
          vendor: "eagle",
          kind: "role",
          id: "group member",
          name: "group member",
          privilege: "member",
          via: "groups[].users",
        },
        ...Object.keys(ben.rootly!.escalations!).map((name) => ({
          vendor: "rootly",
          kind: "escalation",
          id: expect.any(String),
          name,
          privilege: "member",
          via: "GET /v1/escalation_policies/{id}/escalation_levels",
        })),
        // Ben is in a rotation, but not first in it: not on call now.
        ...Object.keys(ben.rootly!.rotations!).map((name) => ({
          vendor: "rootly",
          kind: "schedule",
          id: expect.any(String),
          name,
          privilege: "member",
          via: "GET /v1/schedule_rotations/{id}/schedule_rotation_users",
          onCallNow: false,
        })),
        ...teamGrants("member"),
      ],
      contactMatches: [],
      foundBy: "login/primary",
    });
  });

  it("--json lists the accounts that only name the address as a contact", async () => {
    const tomas = demoPerson("tomas-ruiz");
    const run = await runCli(["whois", tomas.workEmail, "--json"], demo.env);
    const person = JSON.parse(run.stdout) as { contactMatches: unknown[] };
    expect(person.contactMatches).toEqual([
      {
        email: tomas.workEmail,
        via: "backup",
        account: { vendor: "uptrends", kind: "uptrends.operator", id: expect.any(String) },
        personId: tomas.uptrends!.email.toLowerCase(),
      },
    ]);
  });

  it("when a vendor could not be read: 'nobody' says so (exit 1), a person found exits 3", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    const nobody = await runCli(["whois", "nobody@harbourline.example"], demo.env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(
      /^rollcall: nobody has nobody@harbourline\.example in the vendors that could be read$/m,
    );
    const found = await runCli(["whois", demoPerson("ben-okafor").workEmail], demo.env);
    expect(found.code).toBe(3);
    expect(found.stdout).not.toMatch(/^rootly /m);
  });

  it("nobody has it, with every vendor read: said plainly", async () => {
    const run = await runCli(["whois", "nobody@harbourline.example"], demo.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^rollcall: nobody has nobody@harbourline\.example$/m);
  });
});

describe("rollcall offboard", () => {
  it("prints each step numbered, then other people's accounts naming the address, for review", async () => {
    const tomas = demoPerson("tomas-ruiz");
    const run = await runCli(["offboard", tomas.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      `Offboarding plan for Tomás Ruiz <${tomas.workEmail}>: 1 step(s)`,
      expect.stringMatching(/^ {2}1\. \[opsgenie\] Delete OpsGenie user tomas\.ruiz@/),
      "Other people's accounts naming this address (not changed; review them):",
      expect.stringMatching(
        new RegExp(
          `^  - ${tomas.workEmail.replace(/\./g, "\\.")} is a backup address on uptrends\\.operator \\S+ \\(uptrends\\), whose person is ${tomas.uptrends!.email.toLowerCase().replace(/\./g, "\\.")}$`,
        ),
      ),
      "",
    ]);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(
      "Nothing was changed. Run again with --apply to carry out this plan.",
    );
  });

  it("names every vendor its plan does not cover", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    demo.sims.uptrends.faults.next(50, { kind: "server-error", status: 503 });
    const run = await runCli(["offboard", demoPerson("ben-okafor").workEmail], demo.env);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^rollcall: the plan does not cover rootly, uptrends: it could not be read$/m,
    );
  });

  it("every vendor read: no warning about the plan", async () => {
    const run = await runCli(["offboard", demoPerson("ben-okafor").workEmail], demo.env);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("does not cover");
  });
});
