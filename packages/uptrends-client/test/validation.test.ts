import { ClientValidationError } from "@rollcall/core";
import { thrownBy } from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import { createUptrendsClient, type UptrendsClientOptions } from "../src/index";
import { useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("docs");

// Password checks every vendor shares are in tools/conformance (credentials.test.ts); the user
// name is Uptrends' own.
describe("Uptrends user name checks", () => {
  it.each([
    ["a missing username", { password: "s3cret-pass" }, "options.username", /is required/],
    ["an empty username", { username: "", password: "s3cret-pass" }, "options.username", /empty/],
    [
      "a username with a colon",
      { username: "api:x", password: "s3cret-pass" },
      "options.username",
      /colon/,
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
});
