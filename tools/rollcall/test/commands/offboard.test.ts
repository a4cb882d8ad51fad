import { describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

const allSims = () => [demo.sims.eagle, demo.sims.rootly, demo.sims.opsgenie, demo.sims.uptrends];

interface JsonPerson {
  email: string;
  vendors: string[];
  roles: Record<string, string | null>;
}

async function people(): Promise<Map<string, JsonPerson>> {
  const run = await runCli(["directory", "--json"], demo.env);
  expect(run.code, run.stderr).toBe(0);
  const directory = JSON.parse(run.stdout) as { people: JsonPerson[] };
  return new Map(directory.people.map((person) => [person.email, person]));
}

describe("rollcall offboard", () => {
  it("prints the plan and changes nothing without --apply", async () => {
    const ben = demoPerson("ben-okafor");
    const run = await runCli(["offboard", ben.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Offboarding plan for Ben Okafor <${ben.workEmail}>`);
    for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"]) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+\\d+\\. \\[${vendor}\\] `, "m"));
    }
    expect(run.stdout).not.toContain("Blocked");
    expect(run.stderr).toContain("Nothing was changed");
    // Every vendor was read: the plan covers them all, so nothing warns that it does not.
    expect(run.stderr).not.toContain("does not cover");
    // Only reads reached the vendors.
    for (const sim of allSims()) {
      expect(sim.requests.every((request) => request.method === "GET")).toBe(true);
    }
    expect((await people()).has(ben.workEmail)).toBe(true);
  });

  it.each([[], ["--apply"]])(
    "refuses to remove a vendor's only owner or admin, even with %j, and touches nothing",
    async (...apply) => {
      // Ava is the demo's only owner in OpsGenie and Rootly. Uptrends has another administrator
      // (through its Administrators group), so it does not block.
      const ava = demoPerson("ava-chen");
      const run = await runCli(["offboard", ava.workEmail, ...apply], demo.env);
      expect(run.code, run.stderr).toBe(1);
      const blockers = run.stdout.slice(0, run.stdout.indexOf("Offboarding plan for"));
      expect(blockers.split("\n").filter((line) => line.startsWith("  ! "))).toEqual([
        "  ! [opsgenie] the only owner of opsgenie: hand ownership to someone else first",
        "  ! [rootly] the only owner of rootly: hand ownership to someone else first",
      ]);
      expect(run.stdout).toContain(`Offboarding plan for Ava Chen <${ava.workEmail}>`);
      expect(run.stdout).not.toContain("Outcome:");
      expect(run.stderr).toContain("nothing was changed: resolve the blockers above");
      for (const sim of allSims()) {
        expect(sim.requests.every((request) => request.method === "GET")).toBe(true);
      }
      expect((await people()).has(ava.workEmail)).toBe(true);
    },
  );

  it("refuses to remove a leaver who is still a team's only admin, naming the team", async () => {
    const chloe = demoPerson("chloe-dubois");
    const team = Object.entries(chloe.rootly!.teams!).find(([, role]) => role === "admin")![0];
    const run = await runCli(["offboard", chloe.workEmail, "--apply"], demo.env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(
      `  ! [rootly] the only active admin of rootly team "${team}": make someone else an admin first`,
    );
    expect(demo.sims.rootly.requests.every((request) => request.method === "GET")).toBe(true);
  });

  it("--apply removes the person's accounts everywhere and leaves everyone else", async () => {
    // Ben is in all four vendors and in two eagle.io groups, one shared with Ava.
    const ben = demoPerson("ben-okafor");
    const ava = demoPerson("ava-chen");
    const before = await people();
    const groupsBefore = demo.sims.eagle.store.groups.list().map((group) => group.name);
    const run = await runCli(["offboard", ben.workEmail, "--apply"], demo.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Outcome:/);
    expect(run.stdout).toMatch(/\d+ done, 0 failed, 0 skipped/);
    expect(run.stdout).not.toContain("FAILED");
    // Each step is announced on stderr as it runs.
    for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"]) {
      expect(run.stderr).toMatch(new RegExp(`^${vendor}: (Delete|Remove) `, "m"));
    }

    const after = await people();
    expect(after.has(ben.workEmail)).toBe(false);
    expect(after.size).toBe(before.size - 1);
    // Removing Ben from the groups must keep the groups, and Ava in them.
    expect(after.get(ava.workEmail)?.roles).toEqual(before.get(ava.workEmail)?.roles);
    expect(demo.sims.eagle.store.groups.list().map((group) => group.name)).toEqual(groupsBefore);
    expect(groupsBefore).toEqual(expect.arrayContaining(ben.eagle!.groups));
  });

  it("--apply reports a failing step and exits 1, still running the other steps", async () => {
    const gary = demoPerson("gary-holt");
    // Gary is in eagle.io and OpsGenie; make OpsGenie's delete fail.
    demo.sims.opsgenie.faults.next(
      10,
      { kind: "server-error", status: 500 },
      {
        route: "DELETE /v1/json/user",
      },
    );
    const run = await runCli(["offboard", gary.workEmail, "--apply"], demo.env);
    expect(run.code).toBe(1);
    // Each outcome numbered like its step; the failed one says why.
    const outcome = run.stdout.split("\n");
    const steps = outcome.slice(outcome.indexOf("Outcome:") + 1, -2);
    expect(steps).toHaveLength(2);
    steps.forEach((line, index) =>
      expect(line).toMatch(
        new RegExp(`^ {2}(done {3}|FAILED ) ${index + 1}\\. \\[(eagle|opsgenie)\\] `),
      ),
    );
    expect(steps.find((line) => line.includes("[opsgenie]"))).toMatch(
      /^ {2}FAILED {2}\d\. \[opsgenie\] .+ — \w+Error: .*500/,
    );
    expect(steps.find((line) => line.includes("[eagle]"))).toMatch(
      /^ {2}done {4}\d\. \[eagle\] [^—]+$/,
    );
    expect(outcome.at(-2)).toBe("1 done, 1 failed, 0 skipped");
    const after = await people();
    expect(after.get(gary.workEmail)?.vendors).toEqual(["opsgenie"]);
  });

  it("exits 1 when nobody has the address or it is only a backup address", async () => {
    const nobody = await runCli(["offboard", "nobody@harbourline.example"], demo.env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("cannot offboard nobody@harbourline.example");

    // Liam's Uptrends backup address is nobody's login: not enough to delete anyone.
    const backup = demoPerson("liam-murphy").uptrends!.backupEmail;
    const backupOnly = await runCli(["offboard", backup], demo.env);
    expect(backupOnly.code).toBe(1);
    expect(backupOnly.stderr).toMatch(/only a backup\/contact address/);
  });

  it("exits 2 for a malformed address", async () => {
    const run = await runCli(["offboard", "not an email", "--apply"], demo.env);
    expect(run.code).toBe(2);
    for (const sim of allSims()) expect(sim.requestCount()).toBe(0);
  });
});
