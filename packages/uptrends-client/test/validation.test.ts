import { ClientValidationError } from "@rollcall/core";
import { thrownBy } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { createUptrendsClient, type UptrendsClientOptions } from "../src/index";
import { useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("docs");

describe("Uptrends client-side checks", () => {
  it.each([
    ["a missing username", { password: "s3cret-pass" }, "options.username", /is required/],
    ["an empty username", { username: "", password: "s3cret-pass" }, "options.username", /empty/],
    ["a missing password", { username: "api" }, "options.password", /is required/],
    ["an empty password", { username: "api", password: "" }, "options.password", /empty/],
    [
      "a username with a colon",
      { username: "api:x", password: "s3cret-pass" },
      "options.username",
      /colon/,
    ],
    [
      "a password with a space",
      { username: "api", password: "s3cret pass" },
      "options.password",
      /whitespace/,
    ],
  ])(
    "rejects %s, naming the option and never the password",
    (_label, credentials, field, message) => {
      const error = thrownBy(
        () =>
          createUptrendsClient({ ...credentials, baseUrl: env.sim.url } as UptrendsClientOptions),
        ClientValidationError,
      );
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(JSON.stringify(error) + error.message).not.toContain("s3cret");
      expect(env.sim.requests).toHaveLength(0);
    },
  );

  it("rejects a base URL that carries credentials", () => {
    const url = new URL(env.sim.url);
    url.username = "api";
    url.password = "s3cret-pass";
    const error = thrownBy(
      () =>
        createUptrendsClient({ username: "api", password: "s3cret-pass", baseUrl: url.toString() }),
      ClientValidationError,
    );
    expect(error.message).not.toContain("s3cret");
    expect(env.sim.requests).toHaveLength(0);
  });
});
