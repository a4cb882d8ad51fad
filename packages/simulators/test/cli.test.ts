import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [tsxCli, cli, ...args], {
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
  }, 30_000);

  it("rejects an unknown vendor with usage and exit code 2", async () => {
    const { exited, output } = run(["pagerduty"]);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain('unknown argument "pagerduty"');
    expect(output().stderr).toContain("usage:");
  }, 30_000);
});
