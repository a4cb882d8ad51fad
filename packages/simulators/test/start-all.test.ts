import { describe, expect, it } from "vitest";
import { demoOrganisation } from "../src/demo-organisation";
import { startAll } from "../src/start-all";

describe("startAll", () => {
  it("starts four simulators seeded with both the documents and the demo, all within their specs", async () => {
    const sims = await startAll();
    try {
      const ports = new Set(
        [sims.eagle.url, sims.rootly.url, sims.opsgenie.url, sims.uptrends.url].map(
          (url) => new URL(url).port,
        ),
      );
      expect(ports.size).toBe(4);
      // Every list/read endpoint answers 200; close() below fails if any answer broke the spec.
      const reads = [
        fetch(`${sims.eagle.url}/api/v1/owners/account`, {
          headers: { "x-api-key": sims.eagle.credentials.apiKey },
        }),
        fetch(`${sims.eagle.url}/api/v1/owners/account/usage`, {
          headers: { "x-api-key": sims.eagle.credentials.apiKey },
        }),
        fetch(`${sims.rootly.url}/v1/users?page[size]=100`, {
          headers: { authorization: `Bearer ${sims.rootly.credentials.token}` },
        }),
        fetch(`${sims.rootly.url}/v1/users/me`, {
          headers: { authorization: `Bearer ${sims.rootly.credentials.token}` },
        }),
        fetch(`${sims.rootly.url}/v1/incident_roles`, {
          headers: { authorization: `Bearer ${sims.rootly.credentials.token}` },
        }),
        fetch(
          `${sims.opsgenie.url}/v1.2/json/user?limit=100&apiKey=${sims.opsgenie.credentials.apiKey}`,
        ),
        fetch(`${sims.uptrends.url}/Operator`, {
          headers: { authorization: sims.uptrends.credentials.authorization },
        }),
        fetch(`${sims.uptrends.url}/Timezone`, {
          headers: { authorization: sims.uptrends.credentials.authorization },
        }),
      ];
      for (const response of await Promise.all(reads)) expect(response.status).toBe(200);
      const demoInOpsgenie = demoOrganisation.people.filter((person) => person.opsgenie).length;
      expect(sims.opsgenie.store.users.size).toBe(3 + demoInOpsgenie);
      sims.opsgenie.store.users.clear();
      sims.reset();
      expect(sims.opsgenie.store.users.size).toBe(3 + demoInOpsgenie);
    } finally {
      await sims.close();
    }
  });
});

describe("bad options", () => {
  it("are rejected with a message naming the option", async () => {
    const { startOpsgenie } = await import("../src/vendors/opsgenie/opsgenie-simulator");
    const { startEagle } = await import("../src/vendors/eagle/eagle-simulator");
    await expect(startOpsgenie({ generatedUsers: -1 })).rejects.toThrow(
      /generatedUsers must be an integer/,
    );
    await expect(startEagle({ seed: "everything" as "both" })).rejects.toThrow(/seed must be/);
    await expect(startEagle({ port: 70000 })).rejects.toThrow(/port must be/);
  });
});
