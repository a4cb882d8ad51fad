// Where each vendor's data comes from: the environment's service, or an embedded simulator.
import { describe, expect, it } from "vitest";
import { expectedPeople } from "./demo-roster";
import { runCli } from "./run-cli";
import { useDemoSimulators } from "./demo-simulators";

const demo = useDemoSimulators();

const allSims = () => [demo.sims.eagle, demo.sims.rootly, demo.sims.opsgenie, demo.sims.uptrends];
const EMBEDDED = /^simulator \(http:\/\/127\.0\.0\.1:\d+/;

/** The source lines: the first lines of stderr, one per vendor read, before any progress. */
function sources(stderr: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const line of stderr.split("\n")) {
    const match = /^(eagle|rootly|opsgenie|uptrends): (.+)$/.exec(line);
    if (match === null || match[1]! in found) break;
    found[match[1]!] = match[2]!;
  }
  return found;
}

async function peopleIn(stdout: string): Promise<string[]> {
  const directory = JSON.parse(stdout) as { people: { email: string }[] };
  return directory.people.map((person) => person.email).sort();
}

describe("vendor sources", () => {
  it("with no environment, runs the embedded simulators and prints the demo directory", async () => {
    const run = await runCli(["directory", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const found = sources(run.stderr);
    for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"]) {
      expect(found[vendor]).toMatch(EMBEDDED);
    }
    expect(await peopleIn(run.stdout)).toEqual([...expectedPeople().keys()].sort());
  });

  it("the embedded default prints the table and exits 0", async () => {
    const run = await runCli(["directory"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Name\s+Email\s+eagle\s+rootly\s+opsgenie\s+uptrends\s+Teams\s+Schedules\n/,
    );
    expect(run.stdout).toContain(`People: ${expectedPeople().size}`);
  });

  it("--simulate ignores the credentials in the environment", async () => {
    const run = await runCli(["directory", "--json", "--simulate"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    for (const source of Object.values(sources(run.stderr))) expect(source).toMatch(EMBEDDED);
    for (const sim of allSims()) expect(sim.requestCount()).toBe(0);
    expect(await peopleIn(run.stdout)).toEqual([...expectedPeople().keys()].sort());
  });

  it("uses the real service only for vendors with credentials", async () => {
    const run = await runCli(["directory", "--json"], {
      ROOTLY_API_TOKEN: demo.env.ROOTLY_API_TOKEN!,
      ROOTLY_BASE_URL: demo.env.ROOTLY_BASE_URL!,
    });
    expect(run.code, run.stderr).toBe(0);
    const found = sources(run.stderr);
    expect(found.rootly).toBe(demo.sims.rootly.url);
    expect(found.eagle).toMatch(EMBEDDED);
    expect(demo.sims.rootly.requestCount()).toBeGreaterThan(0);
    expect(demo.sims.opsgenie.requestCount()).toBe(0);
  });

  it("an OpsGenie key needs no region; a base URL override wins over the region", async () => {
    const run = await runCli(["directory", "--json", "--vendor", "opsgenie"], {
      OPSGENIE_API_KEY: demo.env.OPSGENIE_API_KEY!,
      OPSGENIE_BASE_URL: demo.env.OPSGENIE_BASE_URL!,
      OPSGENIE_REGION: "eu",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(sources(run.stderr).opsgenie).toBe(demo.sims.opsgenie.url);
    expect(demo.sims.opsgenie.requestCount()).toBeGreaterThan(0);
  });
});
