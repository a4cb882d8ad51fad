// A plan made while a vendor could not be read is incomplete: the person may still have an account
// there. The README promises a warning naming that vendor and exit code 3 (1 when a step fails).
import { describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { runCli, secretsIn } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

const WARNING = /^rollcall: the plan does not cover rootly: it could not be read$/m;

describe("rollcall offboard when a vendor cannot be read", () => {
  it("warns that the plan does not cover it and exits 3, changing nothing", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    const ben = demoPerson("ben-okafor");
    const run = await runCli(["offboard", ben.workEmail], demo.env);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(WARNING);
    expect(run.stdout).toMatch(/^\s+\d+\. \[eagle\] /m);
    expect(run.stdout).not.toMatch(/\[rootly\]/);
    expect(run.stderr).toContain("Nothing was changed");
    for (const sim of [demo.sims.eagle, demo.sims.opsgenie, demo.sims.uptrends]) {
      expect(sim.requests.every((request) => request.method === "GET")).toBe(true);
    }
    for (const secret of secretsIn(demo.sims))
      expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it("names every vendor it could not read in one warning", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    demo.sims.opsgenie.faults.next(50, { kind: "server-error", status: 503 });
    const run = await runCli(["offboard", demoPerson("ben-okafor").workEmail], demo.env);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      /^rollcall: the plan does not cover rootly, opsgenie: it could not be read$/m,
    );
  });

  it("--apply carries out the steps it has, warns, and still exits 3", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    const gary = demoPerson("gary-holt");
    const run = await runCli(["offboard", gary.workEmail, "--apply"], demo.env);
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toMatch(WARNING);
    expect(run.stdout).toMatch(/\d+ done, 0 failed, 0 skipped/);
  });

  it("a failed step wins over the partial read: exit 1", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    demo.sims.opsgenie.faults.next(
      10,
      { kind: "server-error", status: 500 },
      { route: "DELETE /v1/json/user" },
    );
    const run = await runCli(["offboard", demoPerson("gary-holt").workEmail, "--apply"], demo.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(WARNING);
  });

  it("a vendor whose client refuses its credentials is left out of the plan, and the rest still runs", async () => {
    // A control character cannot go in a header: the Rootly client refuses the token up front.
    const env = { ...demo.env, ROOTLY_API_TOKEN: "rootly\u0001token" };
    const run = await runCli(["offboard", demoPerson("ben-okafor").workEmail, "--apply"], env);
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toMatch(/^rootly: unavailable — .*options\.token/m);
    expect(run.stderr).toMatch(WARNING);
    expect(run.stdout).toMatch(/^\d+ done, 0 failed, 0 skipped$/m);
    expect(demo.sims.rootly.requestCount()).toBe(0);
  });
});
