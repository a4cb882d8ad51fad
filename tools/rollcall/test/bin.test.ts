// The real binary, started the way a user starts it (`node dist/cli.mjs`, built by `tsdown`), for what only a real
// process shows: the exit code it leaves with, which stream each line reaches, secrets kept out of
// both, and a reader that closes the pipe early. Every other test calls `main()` in-process.
import { describe, expect, it } from "vitest";
import { spawnCli, secretsIn } from "./run-cli";
import { useDemoSimulators } from "./demo-simulators";

const demo = useDemoSimulators();

// Each test starts a Node process, the last one four simulators too: on a loaded
// machine that alone can take most of the default 30 s, so allow more; a hang still fails.
describe("dist/cli.mjs", { timeout: 90_000 }, () => {
  it("--help prints usage on stdout and exits 0", async () => {
    const run = await spawnCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: rollcall /m);
    expect(run.stderr).toBe("");
  });

  it("a usage error goes to stderr and the process exits 2", async () => {
    const run = await spawnCli(["directory", "--yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "rollcall: unknown option --yaml\nRun 'rollcall directory --help' for usage.\n",
    );
  });

  it("directory: the table alone on stdout, sources and progress on stderr, no secret in either", async () => {
    const run = await spawnCli(["directory"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Name\s+Email\s+eagle\s+rootly\s+opsgenie\s+uptrends\s+Teams\s+Schedules\n/,
    );
    expect(run.stdout).not.toMatch(/page \d+ fetched|^(eagle|rootly|opsgenie|uptrends): /m);
    expect(run.stderr).toContain(`rootly: ${demo.sims.rootly.url}\n`);
    expect(run.stderr).toMatch(/^opsgenie: page 1 fetched/m);
    expect(run.stderr).not.toContain("People:");
    for (const secret of secretsIn(demo.sims)) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it("whois for an address nobody has: the process exits 1", async () => {
    const run = await spawnCli(["whois", "nobody@harbourline.example"], demo.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
  });

  it("a reader that closes the pipe first (`| head`) is not a crash: exit 0, no error on stderr", async () => {
    // The embedded simulators are still stopping after the result is written, so the failed write
    // is noticed while the process is still running.
    const run = await spawnCli(["directory"], {}, (child) => child.stdout!.destroy());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    // The command still ran to its end.
    expect(run.stderr).toMatch(/^uptrends: \d+ accounts from/m);
  });
});
