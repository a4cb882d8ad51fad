// Bad environment: a half-given credential pair or an invalid value stops before anything is
// pulled, naming the variable but never echoing its value.
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { useDemoSimulators } from "./demo-simulators";

const demo = useDemoSimulators();

async function expectEnvError(overrides: Record<string, string>, drop: string[], problem: RegExp) {
  const vars = { ...demo.env, ...overrides };
  for (const name of drop) delete vars[name];
  const run = await runCli(["directory"], vars);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(problem);
  expect(lines[1]).toBe("Run 'rollcall directory --help' for usage.");
  for (const sim of [demo.sims.eagle, demo.sims.rootly, demo.sims.opsgenie, demo.sims.uptrends]) {
    expect(sim.requestCount()).toBe(0);
  }
  for (const value of Object.values(overrides)) expect(run.stderr).not.toContain(value);
  return run;
}

describe("environment errors", () => {
  it("an Uptrends username without a password", () =>
    expectEnvError(
      {},
      ["UPTRENDS_PASSWORD"],
      /UPTRENDS_USERNAME is set but UPTRENDS_PASSWORD is not/,
    ));

  it("an Uptrends password without a username", async () => {
    const run = await expectEnvError(
      {},
      ["UPTRENDS_USERNAME"],
      /UPTRENDS_PASSWORD is set but UPTRENDS_USERNAME is not/,
    );
    expect(run.stderr).not.toContain(demo.sims.uptrends.credentials.password);
  });

  it("an invalid OpsGenie region", () =>
    expectEnvError({ OPSGENIE_REGION: "mars" }, [], /OPSGENIE_REGION must be "us" or "eu"/));

  it("a base URL without its credential", () =>
    expectEnvError({}, ["EAGLE_API_KEY"], /EAGLE_BASE_URL is set but EAGLE_API_KEY is not/));

  it("a malformed base URL", () =>
    expectEnvError(
      { ROOTLY_BASE_URL: "api.rootly.com/v1" },
      [],
      /ROOTLY_BASE_URL is not a valid URL/,
    ));

  it("a base URL carrying credentials", () =>
    expectEnvError(
      { UPTRENDS_BASE_URL: "https://user:hunter2-secret@api.uptrends.com/v4" },
      [],
      /UPTRENDS_BASE_URL must not carry credentials/,
    ));
});
