// A vendor with a connector but no simulator: read from the real service when the environment has
// its credentials, and otherwise reported unavailable on its own, not a failed run.
import type { Connector } from "@rollcall/core";
import { expect, it } from "vitest";
import { openConnections } from "../src/connections";
import { SecretScrubber } from "../src/secret-scrubber";

const acme: Connector = {
  id: "acme",
  title: "Acme",
  packageName: "@example/acme-client",
  settings: [{ option: "apiKey", env: "ACME_API_KEY", secret: true }],
  defaultBaseUrl: () => "https://api.acme.example",
  createClient: (settings) => ({ key: settings.apiKey }),
  pullAccounts: async () => ({ accounts: [], issues: [] }),
  planOffboarding: () => [],
  offboardingExecutor: () => ({ execute: () => undefined }),
};

it("has no simulator to fall back on: the connection says so, and nothing is started", async () => {
  const connections = await openConnections(["acme"], {}, false, new SecretScrubber(), [acme]);
  expect(connections.list).toHaveLength(1);
  const [connection] = connections.list;
  expect(connection).toMatchObject({ vendor: "acme", simulated: true, client: undefined });
  expect((connection!.failure as Error).message).toBe(
    "no simulator exists for acme: set its credentials",
  );
  await connections.close();
});

it("is reached with the environment's credentials, which go to the scrubber", async () => {
  const scrubber = new SecretScrubber();
  const environment = {
    acme: { baseUrl: "https://acme.internal", settings: { apiKey: "acme-secret-key-123" } },
  };
  const connections = await openConnections(["acme"], environment, false, scrubber, [acme]);
  expect(connections.list[0]).toMatchObject({
    source: "https://acme.internal",
    simulated: false,
    failure: undefined,
  });
  expect(scrubber.scrub("key acme-secret-key-123 leaked")).not.toContain("acme-secret-key-123");
  await connections.close();
});
