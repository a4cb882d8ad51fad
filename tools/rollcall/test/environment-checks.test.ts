// What the environment check accepts and refuses, without contacting anything: a refusal names
// the variable and never what it holds (a base URL may carry a password), and a setting that is
// not a credential never makes a vendor real on its own.
import { describe, expect, it } from "vitest";
import { readVendorEnvironment } from "../src/env-config";
import { UsageError } from "../src/usage-error";

/** The refusal `env` gets, checked to be a UsageError that shows none of `secrets`. */
function refusal(env: Record<string, string>, secrets: readonly string[] = []): string {
  let caught: unknown;
  try {
    readVendorEnvironment(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  const error = caught as UsageError;
  const shown = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
  for (const secret of secrets) expect(shown).not.toContain(secret);
  return error.message;
}

describe("base URLs", () => {
  it("takes https and http, trims, and drops every trailing slash", () => {
    const environment = readVendorEnvironment({
      EAGLE_API_KEY: "k",
      EAGLE_BASE_URL: " https://eagle.internal.example/api/// ",
      ROOTLY_API_TOKEN: "t",
      ROOTLY_BASE_URL: "http://10.0.0.7:8080",
    });
    expect(environment.eagle?.baseUrl).toBe("https://eagle.internal.example/api");
    expect(environment.rootly?.baseUrl).toBe("http://10.0.0.7:8080");
  });

  it.each([
    ["a user name", "https://ops-admin@api.opsgenie.com", "ops-admin"],
    ["a password", "https://:s3cret-pass-771@api.opsgenie.com", "s3cret-pass-771"],
  ])("refuses one carrying %s, without showing it", (_, url, secret) => {
    expect(refusal({ OPSGENIE_API_KEY: "k", OPSGENIE_BASE_URL: url }, [secret])).toBe(
      "OPSGENIE_BASE_URL must not carry credentials; use the vendor's own variables",
    );
  });

  it("refuses one that is not a URL or not http(s), naming only the variable", () => {
    expect(
      refusal({ EAGLE_API_KEY: "k", EAGLE_BASE_URL: "eagle.example" }, ["eagle.example"]),
    ).toBe("EAGLE_BASE_URL is not a valid URL");
    expect(
      refusal({ EAGLE_API_KEY: "k", EAGLE_BASE_URL: "file:///etc/eagle" }, ["/etc/eagle"]),
    ).toBe("EAGLE_BASE_URL must be an http:// or https:// URL");
  });
});

describe("settings that are not credentials", () => {
  it("a region alone makes no vendor real, and is still checked", () => {
    expect(readVendorEnvironment({ OPSGENIE_REGION: "eu" })).toStrictEqual({});
    expect(refusal({ OPSGENIE_REGION: "mars" }, ["mars"])).toBe(
      'OPSGENIE_REGION must be "us" or "eu"',
    );
  });

  it("a credential given without the optional region needs nothing else", () => {
    expect(readVendorEnvironment({ OPSGENIE_API_KEY: "k" })).toEqual({
      opsgenie: { baseUrl: "https://api.opsgenie.com", settings: { apiKey: "k" } },
    });
  });
});

describe("a half-given credential", () => {
  it("names the variable given and the one missing, never a value", () => {
    expect(refusal({ UPTRENDS_PASSWORD: "pw-5521" }, ["pw-5521"])).toBe(
      "UPTRENDS_PASSWORD is set but UPTRENDS_USERNAME is not",
    );
    expect(refusal({ UPTRENDS_USERNAME: "monitor", UPTRENDS_PASSWORD: " " }, ["monitor"])).toBe(
      "UPTRENDS_USERNAME is set but UPTRENDS_PASSWORD is not",
    );
  });
});
