import { describe, expect, it } from "vitest";
import {
  simulatedVendors,
  simulators,
  startSimulator,
  type SimulatedVendor,
} from "../src/simulators";
import { specFacts } from "../src/spec/spec-facts";
import { bundledSpec } from "../src/vendor-specs";
import { widgetsSpec } from "./fixtures/widgets-vendor";

// The vendor clients' option names for their credentials: the simulators must offer the same.
const CLIENT_OPTIONS: Record<SimulatedVendor, { names: string[]; secret: string[] }> = {
  eagle: { names: ["apiKey"], secret: ["apiKey"] },
  rootly: { names: ["token"], secret: ["token"] },
  opsgenie: { names: ["apiKey"], secret: ["apiKey"] },
  uptrends: { names: ["username", "password"], secret: ["password"] },
};

describe("facts read from the bundled specs", () => {
  it("take the base path from servers and the JSON media type from the operations", () => {
    expect(specFacts(bundledSpec("uptrends")).basePath).toBe("/v4");
    expect(specFacts(bundledSpec("eagle")).basePath).toBe("");
    expect(specFacts(bundledSpec("rootly")).jsonMediaType).toBe("application/vnd.api+json");
    expect(specFacts(bundledSpec("opsgenie")).jsonMediaType).toBe("application/json");
  });

  it("place OpsGenie's key in the body where the spec marks it, in the query elsewhere", () => {
    const { placements, secretFields } = specFacts(bundledSpec("opsgenie"));
    expect(placements.get("POST /v1/json/user")).toEqual([{ in: "body", name: "apiKey" }]);
    expect(placements.get("GET /v1.2/json/user")).toEqual([{ in: "query", name: "apiKey" }]);
    expect(secretFields).toEqual(["apiKey"]);
  });

  it("treat a `format: password` property as a secret field (Uptrends' operator Password)", () => {
    expect(specFacts(bundledSpec("uptrends")).secretFields).toEqual(["Password"]);
  });

  it("refuse a spec whose security scheme no simulator can check, naming it", () => {
    const spec = {
      ...widgetsSpec,
      security: [{ oauth: [] }],
      components: { ...widgetsSpec.components, securitySchemes: { oauth: { type: "oauth2" } } },
    };
    expect(() => specFacts(spec)).toThrow(/Widgets: security scheme "oauth"/);
  });
});

describe.each(simulatedVendors)("startSimulator(%j)", (vendor) => {
  it("offers the credentials under the client's option names and says which are secret", async () => {
    const sim = await startSimulator(vendor, { seed: "docs" });
    try {
      expect(sim.vendor).toBe(vendor);
      expect(sim.credentials.names).toEqual(CLIENT_OPTIONS[vendor].names);
      expect(sim.credentials.secretNames).toEqual(CLIENT_OPTIONS[vendor].secret);
      for (const name of sim.credentials.names) {
        expect(typeof (sim.credentials as unknown as Record<string, unknown>)[name]).toBe("string");
      }
      expect(JSON.stringify(sim.credentials)).not.toContain(sim.credentials.secretValues()[0]);
      expect(sim.url).toMatch(vendor === "uptrends" ? /\/v4$/ : /:\d+$/);
    } finally {
      await sim.close();
    }
  });

  it("uses the credentials it was given", async () => {
    const given = simulators[vendor].developmentCredentials();
    const sim = await startSimulator(vendor, { seed: "docs", ...given });
    try {
      for (const [name, value] of Object.entries(given)) {
        expect((sim.credentials as unknown as Record<string, unknown>)[name]).toBe(value);
      }
    } finally {
      await sim.close();
    }
  });
});

it("startSimulator refuses an unknown vendor, listing the known ones", async () => {
  await expect(startSimulator("pagerduty" as SimulatedVendor)).rejects.toThrow(
    /unknown vendor "pagerduty" \(known: eagle, rootly, opsgenie, uptrends\)/,
  );
});
