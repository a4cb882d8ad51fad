import { describe, expect, it } from "vitest";
import { connectorSecrets, defineConnector, type ConnectorParts } from "../src/index";

const made: unknown[] = [];
const parts = (env: Record<string, string>): ConnectorParts<unknown, never> => ({
  env,
  client: ((options: unknown) => made.push(options)) as never,
  pullAccounts: async () => ({ accounts: [], issues: [] }),
  planOffboarding: () => [],
  offboardingExecutor: () => ({ execute: () => undefined }),
});

const facts = {
  id: "acme",
  title: "Acme",
  packageName: "@example/acme-client",
  defaultBaseUrl: "https://api.acme.test",
  credentials: [{ option: "apiKey" }],
};
const regions = { us: "https://api.acme.test", eu: "https://api.eu.acme.test" };

describe("defineConnector", () => {
  it("takes the id, title, package, settings and base URL from the vendor's descriptor", () => {
    const connector = defineConnector(facts, parts({ apiKey: "ACME_API_KEY" }));
    expect(connector).toMatchObject({
      id: "acme",
      title: "Acme",
      packageName: "@example/acme-client",
      settings: [{ option: "apiKey", env: "ACME_API_KEY", secret: true }],
    });
    expect(connector.defaultBaseUrl({ apiKey: "k" })).toBe("https://api.acme.test");
    expect(connector.wireSecrets).toBeUndefined();
    expect(connectorSecrets(connector, { apiKey: "secret-key" })).toEqual(["secret-key"]);
  });

  it("keeps the descriptor it was defined from, for tools that talk to the vendor themselves", () => {
    const descriptor = { ...facts, auth: { headers: { "X-Api-Key": "{apiKey}" } } };
    expect(defineConnector(descriptor, parts({ apiKey: "ACME_API_KEY" })).descriptor).toBe(
      descriptor,
    );
  });

  it("passes the settings to the client factory among the runtime options", () => {
    made.length = 0;
    const connector = defineConnector(facts, parts({ apiKey: "ACME_API_KEY" }));
    connector.createClient({ apiKey: "k-1" }, { baseUrl: "http://127.0.0.1:9", timeoutMs: 5 });
    expect(made).toEqual([{ apiKey: "k-1", baseUrl: "http://127.0.0.1:9", timeoutMs: 5 }]);
  });

  it("adds a region setting whose choices are the spec's regions, each picking its base URL", () => {
    const connector = defineConnector(
      { ...facts, regions, defaultRegion: "us" },
      parts({ apiKey: "ACME_API_KEY", region: "ACME_REGION" }),
    );
    expect(connector.settings).toEqual([
      { option: "apiKey", env: "ACME_API_KEY", secret: true },
      {
        option: "region",
        env: "ACME_REGION",
        secret: false,
        required: false,
        choices: ["us", "eu"],
      },
    ]);
    expect(connector.defaultBaseUrl({ region: "eu" })).toBe("https://api.eu.acme.test");
    expect(connector.defaultBaseUrl({})).toBe("https://api.acme.test");
    expect(connector.defaultBaseUrl({ region: "ap" })).toBe("https://api.acme.test");
  });

  it("has no region setting, and ignores a region, when the spec has no regions", () => {
    const connector = defineConnector(
      facts,
      parts({ apiKey: "ACME_API_KEY", region: "ACME_REGION" }),
    );
    expect(connector.settings.map((setting) => setting.option)).toEqual(["apiKey"]);
    expect(connector.defaultBaseUrl({ region: "eu" })).toBe("https://api.acme.test");
  });

  it("refuses to be defined without an environment variable for a setting", () => {
    expect(() => defineConnector(facts, parts({}))).toThrow(
      "acme connector: no environment variable for apiKey",
    );
    expect(() => defineConnector({ ...facts, regions }, parts({ apiKey: "ACME_API_KEY" }))).toThrow(
      "acme connector: no environment variable for region",
    );
  });

  it("scrubs only the secret settings that were given", () => {
    const connector = defineConnector(
      { ...facts, credentials: [{ option: "apiKey" }, { option: "apiSecret" }] },
      parts({ apiKey: "ACME_API_KEY", apiSecret: "ACME_API_SECRET" }),
    );
    expect(connectorSecrets(connector, { apiKey: "key-1", region: "eu" })).toEqual(["key-1"]);
    expect(connectorSecrets(connector, { apiKey: "key-1", apiSecret: "" })).toEqual(["key-1"]);
  });

  it("treats a Basic user name as no secret, and lists Basic's wire forms so tools scrub them", () => {
    const connector = defineConnector(
      {
        ...facts,
        credentials: [{ option: "username" }, { option: "password" }],
        basic: ["username", "password"],
      },
      parts({ username: "ACME_USERNAME", password: "ACME_PASSWORD" }),
    );
    expect(connector.settings.map((setting) => [setting.option, setting.secret])).toEqual([
      ["username", false],
      ["password", true],
    ]);
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
