// The argument grammar the README documents: where options may go, how --vendor is read, and the
// help forms. Parsing is checked directly (it contacts nothing); help and errors through main().
import { describe, expect, it } from "vitest";
import { parseInvocation } from "../src/args";
import { runCli } from "./run-cli";

const ALL = ["eagle", "rootly", "opsgenie", "uptrends"];

describe("parsing a data command", () => {
  it("reads every vendor, from the environment, as a table by default", () => {
    expect(parseInvocation(["directory"])).toEqual({
      kind: "directory",
      format: "table",
      vendors: ALL,
      simulate: false,
    });
    expect(parseInvocation(["scim"])).toEqual({ kind: "scim", vendors: ALL, simulate: false });
    expect(parseInvocation(["review"])).toEqual({
      kind: "review",
      out: undefined,
      vendors: ALL,
      simulate: false,
    });
    expect(parseInvocation(["review", "--out", "q4"])).toMatchObject({ kind: "review", out: "q4" });
  });

  it("takes options before or after the command word, even one with a value", () => {
    expect(parseInvocation(["--vendor", "rootly", "directory", "--csv", "--simulate"])).toEqual({
      kind: "directory",
      format: "csv",
      vendors: ["rootly"],
      simulate: true,
    });
    expect(parseInvocation(["--json", "whois", "--vendor=opsgenie", "ann@x.example"])).toEqual({
      kind: "whois",
      email: "ann@x.example",
      json: true,
      vendors: ["opsgenie"],
      simulate: false,
    });
  });

  it("reads --vendor as a comma list in any case and spacing, repeated, in column order", () => {
    const { vendors } = parseInvocation([
      "directory",
      "--vendor",
      " Uptrends , EAGLE",
      "--vendor",
      "eagle",
    ]) as { vendors: readonly string[] };
    expect(vendors).toEqual(["eagle", "uptrends"]);
  });

  it("names the vendor it does not know as given, and lists the ones it does", async () => {
    const run = await runCli(["directory", "--vendor", "eagle, PagerDuty "]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      'rollcall: unknown vendor "PagerDuty" for --vendor (expected eagle, rootly, opsgenie, uptrends)',
    );
  });

  it("trims the address, and takes --apply and --json only as given", () => {
    expect(parseInvocation(["offboard", "  ann@x.example "])).toEqual({
      kind: "offboard",
      email: "ann@x.example",
      apply: false,
      vendors: ALL,
      simulate: false,
    });
    expect(parseInvocation(["offboard", "ann@x.example", "--apply"])).toMatchObject({
      apply: true,
    });
    expect(parseInvocation(["whois", "ann@x.example"])).toMatchObject({ json: false });
    expect(parseInvocation(["directory", "--json"])).toMatchObject({ format: "json" });
  });
});

describe("parsing the store's commands", () => {
  it("history and snapshot: the store given, else none (the default is decided later)", () => {
    expect(parseInvocation(["history"])).toEqual({
      kind: "history",
      store: undefined,
      json: false,
    });
    expect(parseInvocation(["history", "--json", "--store", "q4.db"])).toEqual({
      kind: "history",
      store: "q4.db",
      json: true,
    });
    expect(parseInvocation(["snapshot", "--store", "q4.db", "--vendor", "rootly"])).toEqual({
      kind: "snapshot",
      store: "q4.db",
      vendors: ["rootly"],
      simulate: false,
    });
    expect(parseInvocation(["review", "--store", "q4.db"])).toMatchObject({ store: "q4.db" });
  });

  it("diff: no ids, one, or two, up to 16 digits, as a table unless asked otherwise", () => {
    const diff = { kind: "diff", store: undefined, format: "table" };
    expect(parseInvocation(["diff"])).toEqual({ ...diff, from: undefined, to: undefined });
    expect(parseInvocation(["diff", "12"])).toEqual({ ...diff, from: 12, to: undefined });
    expect(parseInvocation(["diff", "3", "1234567890123456", "--store", "q4.db"])).toEqual({
      ...diff,
      store: "q4.db",
      from: 3,
      to: 1234567890123456,
    });
    expect(parseInvocation(["diff", "--json"])).toMatchObject({ format: "json" });
    expect(parseInvocation(["diff", "--csv"])).toMatchObject({ format: "csv" });
  });

  it("access: the address, and --json only as given", () => {
    expect(parseInvocation(["access", "ann@x.example"])).toEqual({
      kind: "access",
      email: "ann@x.example",
      json: false,
      vendors: ALL,
      simulate: false,
    });
    expect(parseInvocation(["access", "--json", "ann@x.example"])).toMatchObject({ json: true });
  });
});

describe("usage errors in the store's commands point to that command's help", () => {
  async function usage(args: string[]): Promise<[string, string]> {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const [problem, hint] = run.stderr.trimEnd().split("\n");
    return [problem!, hint!];
  }

  it.each([["0"], ["01"], ["1x"], ["x1"], ["1.5"], ["12345678901234567"]])(
    "diff %s is not a snapshot id",
    async (id) => {
      expect(await usage(["diff", "1", id])).toEqual([
        `rollcall: "${id}" is not a snapshot id (see rollcall history)`,
        "Run 'rollcall diff --help' for usage.",
      ]);
    },
  );

  it.each([
    [["diff", "1", "2", "3"], "diff takes at most two snapshot ids, got 3"],
    [["diff", "--csv", "--json"], "choose one of --json and --csv"],
    [["diff", "--store", ""], "--store needs a file path"],
    [["history", "--store", " "], "--store needs a file path"],
    [["history", "3"], 'history takes no arguments, got "3"'],
    [["snapshot", "--store", "\t"], "--store needs a file path"],
    [["snapshot", "now"], 'snapshot takes no arguments, got "now"'],
  ])("%j", async (args, problem) => {
    expect(await usage(args)).toEqual([
      `rollcall: ${problem}`,
      `Run 'rollcall ${args[0]} --help' for usage.`,
    ]);
  });
});

describe("usage errors say exactly what is wrong", () => {
  async function firstLine(args: string[]): Promise<string> {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    return run.stderr.split("\n")[0]!;
  }

  it.each([
    [["directory", "--vendor"], "rollcall: option --vendor needs a value"],
    [["whois"], "rollcall: whois needs an email address"],
    [
      ["offboard", "a@x.example", "b@x.example"],
      "rollcall: offboard takes one email address, got 2",
    ],
    [["scim", "everyone"], 'rollcall: scim takes no arguments, got "everyone"'],
    [["review", "q4"], 'rollcall: review takes no arguments, got "q4"'],
    [["review", "--out"], "rollcall: option --out needs a value"],
    [["review", "--out", " "], "rollcall: --out needs a folder name"],
    [["directory", "a", "b"], 'rollcall: directory takes no arguments, got "a"'],
    [["--bogus"], "rollcall: unknown option --bogus"],
    [["help", "dirctory"], 'rollcall: unknown command "dirctory"'],
  ])("%j", async (args, line) => {
    expect(await firstLine(args)).toBe(line);
  });

  it("an email address the core parser refuses, with its reason", async () => {
    expect(await firstLine(["whois", "ann@"])).toMatch(
      /^rollcall: "ann@" is not a valid email address: (?!email: ).+$/,
    );
    expect(await firstLine(["access", "ann.harbourline.example"])).toBe(
      `rollcall: "ann.harbourline.example" is not a valid email address: the email address has no '@'`,
    );
  });

  it("a malformed option value node:util rejects, in one short line", async () => {
    const line = await firstLine(["directory", "--json=yes"]);
    expect(line).toMatch(/^rollcall: .*--json/);
    expect(line).not.toMatch(/\.\s/);
  });
});

describe("help", () => {
  it.each([[["help"]], [["-h"]], [["--help"]]])("%j prints the top-level help", async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rollcall — one people directory/);
    expect(run.stdout).toContain("Usage: rollcall <command> [options]");
    expect(run.stderr).toBe("");
  });

  it("`help <command>` and `<command> --help` print that command's usage", async () => {
    for (const args of [
      ["help", "offboard"],
      ["offboard", "--help"],
      ["offboard", "-h", "--apply"],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout).toMatch(/^Usage: rollcall offboard <email> \[--apply\]/);
      expect(run.stdout.endsWith("  -h, --help      show this help\n")).toBe(true);
    }
  });
});
