import { describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

describe("rollcall whois", () => {
  it("shows the person's accounts and role in each vendor", async () => {
    const ben = demoPerson("ben-okafor");
    const run = await runCli(["whois", ben.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Ben Okafor <${ben.workEmail}>`);
    expect(run.stdout).toContain("Found by a login/primary address.");
    expect(run.stderr).not.toContain("nobody has");
    for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"]) {
      expect(run.stdout).toMatch(new RegExp(`^${vendor}\\s`, "m"));
    }
    expect(run.stdout).toMatch(new RegExp(`^opsgenie\\s+${ben.opsgenie!.role}\\s`, "m"));
    // His eagle.io groups are listed.
    for (const group of ben.eagle!.groups) expect(run.stdout).toContain(group);
  });

  it("finds a person whatever the case of the address", async () => {
    const priya = demoPerson("priya-nair");
    const run = await runCli(["whois", priya.workEmail.toUpperCase(), "--json"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const person = JSON.parse(run.stdout) as { email: string; vendors: string[]; foundBy: string };
    expect(person.email).toBe(priya.workEmail);
    expect(person.vendors.sort()).toEqual(["opsgenie", "rootly"]);
    expect(person.foundBy).toBe("login/primary");
  });

  it("lists contact-only matches: an account naming the address only as a backup", async () => {
    const tomas = demoPerson("tomas-ruiz");
    const run = await runCli(["whois", tomas.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /Contact-only matches: *\n\s+.*backup address on uptrends\.operator/,
    );
    expect(run.stdout).toContain(tomas.uptrends!.email.toLowerCase());
  });

  it("exits 1 when nobody has the address", async () => {
    const run = await runCli(["whois", "nobody@harbourline.example"], demo.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    // that one line, after where each vendor came from: nothing else went wrong
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(
      "rollcall: nobody has nobody@harbourline.example",
    );
  });

  it("exits 2 for a malformed address without contacting any vendor", async () => {
    const run = await runCli(["whois", "ava.chen@"], demo.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rollcall: "ava\.chen@" is not a valid email address: .+/m);
    expect(run.stderr).toContain("rollcall whois --help");
    for (const sim of [demo.sims.eagle, demo.sims.rootly, demo.sims.opsgenie, demo.sims.uptrends]) {
      expect(sim.requestCount()).toBe(0);
    }
  });
});
