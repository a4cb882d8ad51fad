import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The built bin, as the package publishes it (turbo builds before testing): no TypeScript loader
// to start, which on a loaded machine took longer than the test itself.
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0] ?? "");
    });
    child.on("exit", () => reject(new Error(`exited early: ${stderr}`)));
  });
  firstLine.catch(() => undefined); // a test that expects an early exit never awaits it
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

describe("rollcall-simulators command", () => {
  it("prints each simulator's URL, serves it, and stops on SIGINT", async () => {
    const { child, exited, firstLine } = run(["eagle", "--seed", "docs"]);
    const line = await firstLine;
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    // The fixed development key, printed under the client's option name.
    const apiKey = /\bapiKey=(\S+)/.exec(line)?.[1];
    expect(line).toMatch(/^eagle\s+http/);
    expect(apiKey).toBe("rollcall-dev-eagle-apikey");
    const response = await fetch(`${url}/api/v1/owners/account?attr=_id`, {
      headers: { "x-api-key": apiKey! },
    });
    expect(await response.json()).toEqual({ _id: "5424fbe96c4728a166f0d725" });
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 60_000);

  it("enforces the limits over --time-scale by default, and prints what it answered on exit", async () => {
    const { child, exited, firstLine, output } = run([
      "opsgenie",
      "--seed",
      "docs",
      "--time-scale",
      "60",
    ]);
    const line = await firstLine;
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    const apiKey = /\bapiKey=(\S+)/.exec(line)?.[1] ?? "";
    const users = () =>
      fetch(`${url}/v2/users`, { headers: { authorization: `GenieKey ${apiKey}` } });
    const response = await users();
    expect(response.status).toBe(200);
    // The bucket answered, and OpsGenie's 60-second window passes in 1 s at 60×.
    expect(response.headers.get("x-ratelimit-state")).toBe("OK");
    expect(response.headers.get("x-ratelimit-period-in-sec")).toBe("1");
    expect((await fetch(`${url}/v2/users`)).status).toBe(401);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    const report = output()
      .stdout.split("\n")
      .find((text) => /^opsgenie\s+\{/.test(text));
    expect(JSON.parse(report?.replace(/^opsgenie\s+/, "") ?? "null")).toEqual({
      statuses: { "200": 1, "401": 1 },
      throttled: {},
    });
  }, 60_000);

  it("takes --no-limits, --latency and --jitter", async () => {
    const args = ["opsgenie", "--seed", "docs", "--no-limits", "--latency", "5", "--jitter", "5"];
    const { child, exited, firstLine } = run(args);
    const line = await firstLine;
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    const apiKey = /\bapiKey=(\S+)/.exec(line)?.[1] ?? "";
    const response = await fetch(`${url}/v2/users`, {
      headers: { authorization: `GenieKey ${apiKey}` },
    });
    expect(response.status).toBe(200);
    // No bucket counted the call, so no rate-limit state is reported.
    expect(response.headers.get("x-ratelimit-state")).toBeNull();
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 60_000);

  it.each([
    [["--time-scale", "0"], '--time-scale must be a number above 0, got "0"'],
    [["--latency", "-1"], '--latency must be a number 0 or more, got "-1"'],
    [["--jitter", "soon"], '--jitter must be a number 0 or more, got "soon"'],
    [["--latency"], "--latency needs a value"],
  ])(
    "rejects %j with usage and exit code 2",
    async (args, message) => {
      const { exited, output } = run(args);
      expect(await exited).toBe(2);
      expect(output().stderr).toContain(message);
    },
    60_000,
  );

  it("rejects an unknown vendor with usage and exit code 2", async () => {
    const { exited, output } = run(["pagerduty"]);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain('unknown argument "pagerduty"');
    expect(output().stderr).toContain("usage:");
  }, 60_000);
});
