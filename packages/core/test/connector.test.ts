import { describe, expect, it } from "vitest";
import { connectorSecrets, defineConnector, type ConnectorParts } from "../src/index";

const parts = (
  settings: ConnectorParts<unknown, never>["settings"],
): ConnectorParts<unknown, never> => ({
  settings,
  createClient: () => ({}),
  pullAccounts: async () => ({ accounts: [], issues: [] }),
  planOffboarding: () => [],
  offboardingExecutor: () => ({ execute: () => undefined }),
});

const facts = {
  id: "acme",
  title: "Acme",
  packageName: "@example/acme-client",
  defaultBaseUrl: "https://api.acme.test",
};

describe("defineConnector", () => {
  it("takes the id, title, package and base URL from the vendor's descriptor", () => {
    const connector = defineConnector(
      facts,
      parts([{ option: "apiKey", env: "ACME_API_KEY", secret: true }]),
    );
    expect(connector).toMatchObject({
      id: "acme",
      title: "Acme",
      packageName: "@example/acme-client",
    });
    expect(connector.defaultBaseUrl({ apiKey: "k" })).toBe("https://api.acme.test");
    expect(connector.wireSecrets).toBeUndefined();
    expect(connectorSecrets(connector, { apiKey: "secret-key" })).toEqual(["secret-key"]);
  });

  it("offers the spec's regions as the region setting's choices, each picking its base URL", () => {
    const regions = { us: "https://api.acme.test", eu: "https://api.eu.acme.test" };
    const connector = defineConnector(
      { ...facts, regions, defaultRegion: "us" },
      parts([
        { option: "apiKey", env: "ACME_API_KEY", secret: true },
        { option: "region", env: "ACME_REGION", secret: false, required: false },
      ]),
    );
    expect(connector.settings[1]?.choices).toEqual(["us", "eu"]);
    expect(connector.settings[0]?.choices).toBeUndefined();
    expect(connector.defaultBaseUrl({ region: "eu" })).toBe("https://api.eu.acme.test");
    expect(connector.defaultBaseUrl({})).toBe("https://api.acme.test");
    expect(connector.defaultBaseUrl({ region: "ap" })).toBe("https://api.acme.test");
  });

  it("keeps a region setting's own choices, and leaves one alone when the spec has no regions", () => {
    const region = { option: "region", env: "ACME_REGION", secret: false, required: false };
    const regions = { us: "https://api.acme.test", eu: "https://api.eu.acme.test" };
    const own = defineConnector({ ...facts, regions }, parts([{ ...region, choices: ["eu"] }]));
    expect(own.settings[0]?.choices).toEqual(["eu"]);
    const none = defineConnector(facts, parts([region]));
    expect(none.settings[0]).toEqual(region);
    expect(none.defaultBaseUrl({ region: "eu" })).toBe("https://api.acme.test");
  });

  it("scrubs only the secret settings that were given", () => {
    const connector = defineConnector(
      facts,
      parts([
        { option: "apiKey", env: "ACME_API_KEY", secret: true },
        { option: "account", env: "ACME_ACCOUNT", secret: false },
        { option: "apiSecret", env: "ACME_API_SECRET", secret: true, required: false },
      ]),
    );
    expect(connectorSecrets(connector, { apiKey: "key-1", account: "acct-9" })).toEqual(["key-1"]);
    expect(connectorSecrets(connector, { apiKey: "key-1", apiSecret: "" })).toEqual(["key-1"]);
  });

  it("lists HTTP Basic's wire forms of the credentials, so tools scrub them too", () => {
    const connector = defineConnector(
      { ...facts, basic: ["username", "password"] },
      parts([
        { option: "username", env: "ACME_USERNAME", secret: false },
        { option: "password", env: "ACME_PASSWORD", secret: true },
      ]),
    );
    const secrets = connectorSecrets(connector, { username: "api-user", password: "pässword" });
    expect(secrets).toEqual([
      "pässword",
      "api-user:pässword",
      Buffer.from("api-user:pässword", "utf8").toString("base64"),
    ]);
    // A missing half is empty on the wire, never the text "undefined".
    expect(connector.wireSecrets?.({ password: "pw" })).toEqual([
      ":pw",
      Buffer.from(":pw").toString("base64"),
    ]);
    expect(connector.wireSecrets?.({ username: "u" })).toEqual([
      "u:",
      Buffer.from("u:").toString("base64"),
    ]);
  });
});
