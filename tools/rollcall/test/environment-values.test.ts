// How the variables are read: blank counts as unset, values are trimmed, a base URL's trailing
// slash is dropped, and each vendor's real service is the documented default address.
import { describe, expect, it } from "vitest";
import { readVendorEnvironment } from "../src/env-config";
import { runCli } from "./run-cli";
import { useDemoSimulators } from "./demo-simulators";

const demo = useDemoSimulators();

const EMBEDDED = /^simulator \(http:\/\/127\.0\.0\.1:\d+/;

function sourceOf(stderr: string, vendor: string): string | undefined {
  return new RegExp(`^${vendor}: (.+)$`, "m").exec(stderr)?.[1];
}

describe("reading the environment", () => {
  it("blank variables count as unset: the vendor runs on its embedded simulator", async () => {
    const run = await runCli(["directory", "--json", "--vendor", "eagle,uptrends"], {
      EAGLE_API_KEY: "   ",
      EAGLE_BASE_URL: " ",
      UPTRENDS_USERNAME: "",
      UPTRENDS_PASSWORD: "\t",
      UPTRENDS_BASE_URL: "",
      OPSGENIE_REGION: " ",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(sourceOf(run.stderr, "eagle")).toMatch(EMBEDDED);
    expect(sourceOf(run.stderr, "uptrends")).toMatch(EMBEDDED);
  });

  it("trims values and drops a base URL's trailing slash", async () => {
    const env = {
      ROOTLY_API_TOKEN: `  ${demo.env.ROOTLY_API_TOKEN}\n`,
      ROOTLY_BASE_URL: ` ${demo.env.ROOTLY_BASE_URL}// `,
      UPTRENDS_USERNAME: ` ${demo.env.UPTRENDS_USERNAME} `,
      UPTRENDS_PASSWORD: ` ${demo.env.UPTRENDS_PASSWORD} `,
      UPTRENDS_BASE_URL: `${demo.env.UPTRENDS_BASE_URL}/`,
    };
    const run = await runCli(["directory", "--json", "--vendor", "rootly,uptrends"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(sourceOf(run.stderr, "rootly")).toBe(demo.sims.rootly.url);
    expect(sourceOf(run.stderr, "uptrends")).toBe(demo.sims.uptrends.url);
    expect(demo.sims.rootly.requestCount()).toBeGreaterThan(0);
    expect(demo.sims.uptrends.requestCount()).toBeGreaterThan(0);
  });

  it("reads OPSGENIE_REGION in any case", async () => {
    const run = await runCli(["directory", "--json", "--vendor", "opsgenie"], {
      OPSGENIE_API_KEY: demo.env.OPSGENIE_API_KEY!,
      OPSGENIE_BASE_URL: demo.env.OPSGENIE_BASE_URL!,
      OPSGENIE_REGION: "EU",
    });
    expect(run.code, run.stderr).toBe(0);
  });

  it("refuses a base URL that is not http(s), naming the variable", async () => {
    const run = await runCli(["directory"], {
      ...demo.env,
      EAGLE_BASE_URL: "ftp://files.example/eagle",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^rollcall: EAGLE_BASE_URL must be an http:\/\/ or https:\/\/ URL$/m,
    );
    expect(run.stderr).not.toContain("files.example");
  });

  it.each([
    ["ROOTLY_BASE_URL", "ROOTLY_API_TOKEN", "ROOTLY_API_TOKEN"],
    ["OPSGENIE_BASE_URL", "OPSGENIE_API_KEY", "OPSGENIE_API_KEY"],
    ["UPTRENDS_BASE_URL", "UPTRENDS_USERNAME", "UPTRENDS_USERNAME and UPTRENDS_PASSWORD"],
  ])("refuses %s without the vendor's credentials", async (baseUrl, dropped, named) => {
    const env: Record<string, string> = { [baseUrl]: demo.env[baseUrl]! };
    const run = await runCli(["directory"], env);
    expect(dropped in env).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`rollcall: ${baseUrl} is set but ${named} is not`);
    for (const sim of [demo.sims.eagle, demo.sims.rootly, demo.sims.opsgenie, demo.sims.uptrends]) {
      expect(sim.requestCount()).toBe(0);
    }
  });
});

describe("where a vendor with credentials is reached without a base URL", () => {
  it("each vendor's public API, OpsGenie's EU host for region eu", () => {
    const environment = readVendorEnvironment({
      EAGLE_API_KEY: "eagle-key",
      ROOTLY_API_TOKEN: "rootly-token",
      OPSGENIE_API_KEY: "opsgenie-key",
      UPTRENDS_USERNAME: "user",
      UPTRENDS_PASSWORD: "password",
    });
    expect(environment.eagle?.baseUrl).toBe("https://api.eagle.io");
    expect(environment.rootly?.baseUrl).toBe("https://api.rootly.com");
    expect(environment.opsgenie?.baseUrl).toBe("https://api.opsgenie.com");
    expect(environment.opsgenie?.settings).toEqual({ apiKey: "opsgenie-key" });
    expect(environment.uptrends?.baseUrl).toBe("https://api.uptrends.com/v4");
    expect(environment.uptrends?.settings).toEqual({ username: "user", password: "password" });
    for (const region of ["eu", "Eu"]) {
      const eu = readVendorEnvironment({ OPSGENIE_API_KEY: "k", OPSGENIE_REGION: region });
      expect(eu.opsgenie?.baseUrl).toBe("https://api.eu.opsgenie.com");
      expect(eu.opsgenie?.settings).toMatchObject({ region: "eu" });
    }
    expect(
      readVendorEnvironment({ OPSGENIE_API_KEY: "k", OPSGENIE_REGION: "US" }).opsgenie,
    ).toEqual({
      baseUrl: "https://api.opsgenie.com",
      settings: { apiKey: "k", region: "us" },
    });
  });

  it("no credentials, no real vendor", () => {
    expect(readVendorEnvironment({})).toEqual({});
  });
});
