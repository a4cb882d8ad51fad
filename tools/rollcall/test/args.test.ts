// Bad arguments: one line saying what is wrong, a usage hint, exit 2, and nothing pulled.
import { describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { runCli } from "./run-cli";

async function expectUsageError(args: string[], problem: RegExp, hint: string) {
  const run = await runCli(args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(problem);
  expect(lines[1]).toBe(`Run '${hint}' for usage.`);
  // Nothing was pulled: no vendor source was even announced.
  expect(run.stderr).not.toMatch(/simulator/);
}

describe("usage errors", () => {
  it("no command", () => expectUsageError([], /^rollcall: missing command$/, "rollcall --help"));

  it("an unknown command", () =>
    expectUsageError(["dirctory"], /^rollcall: unknown command "dirctory"$/, "rollcall --help"));

  it("an unknown option", () =>
    expectUsageError(
      ["directory", "--yaml"],
      /^rollcall: unknown option --yaml$/,
      "rollcall directory --help",
    ));

  it("an option of another command", () =>
    expectUsageError(
      ["scim", "--apply"],
      /^rollcall: unknown option --apply$/,
      "rollcall scim --help",
    ));

  it("--json with --csv", () =>
    expectUsageError(
      ["directory", "--json", "--csv"],
      /one of --json and --csv/,
      "rollcall directory --help",
    ));

  it("an unknown vendor", () =>
    expectUsageError(
      ["directory", "--vendor", "eagle,pagerduty"],
      /unknown vendor "pagerduty"/,
      "rollcall directory --help",
    ));

  it("--vendor without a value", () =>
    expectUsageError(
      ["directory", "--vendor"],
      /--vendor needs a value/,
      "rollcall directory --help",
    ));

  it("whois without an address", () =>
    expectUsageError(["whois"], /whois needs an email address/, "rollcall whois --help"));

  it("whois with two addresses", () =>
    expectUsageError(
      ["whois", "a@harbourline.example", "b@harbourline.example"],
      /takes one email address/,
      "rollcall whois --help",
    ));

  it("a malformed address", () =>
    expectUsageError(
      ["offboard", "ava.chen.harbourline.example"],
      /is not a valid email address: .*'@'/,
      "rollcall offboard --help",
    ));

  it("a stray argument", () =>
    expectUsageError(["directory", "everyone"], /takes no arguments/, "rollcall directory --help"));
});

describe("help and version", () => {
  it("--help at the top level lists the commands and exit codes", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["directory", "whois", "access", "offboard", "scim", "review"]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
    expect(run.stdout).toContain("3 partial directory");
  });

  it.each(["directory", "whois", "access", "offboard", "scim", "review"])(
    "%s --help / -h",
    async (command) => {
      for (const flag of ["--help", "-h"]) {
        const run = await runCli([command, flag]);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Usage: rollcall ${command}`));
        expect(run.stderr).toBe("");
      }
    },
  );

  it("--version prints the package version", async () => {
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
  });
});
