import { outcomeOf, secretLeaks, startEagle, type EagleSimulator } from "@rollcall/simulators";
import { AuthenticationError, ServerError, unwrap } from "@rollcall/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEagleClient } from "../src/index";

let sim: EagleSimulator;
beforeAll(async () => {
  sim = await startEagle({ seed: "docs" });
});
afterAll(() => sim.close());

it("keeps the API key out of a failed call's error and every hook payload", async () => {
  const seen: unknown[] = [];
  const note = (payload: unknown) => void seen.push(payload);
  const client = createEagleClient({
    apiKey: sim.credentials.apiKey,
    baseUrl: sim.url,
    retry: false,
    hooks: { onRequest: note, onResponse: note, onError: note },
  });
  sim.faults.once({ kind: "server-error", status: 503 });
  const outcome = await outcomeOf(async () => unwrap(await client.GET("/api/v1/owners/account")));
  const { error } = outcome as { error: ServerError };
  expect(error).toBeInstanceOf(ServerError);
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(secretLeaks(error, [sim.credentials.apiKey])).toEqual([]);
  for (const payload of seen) expect(secretLeaks(payload, [sim.credentials.apiKey])).toEqual([]);
});

it("does not echo a rejected key", async () => {
  const wrongKey = "eagle_wrong_0123456789abcdef";
  const client = createEagleClient({ apiKey: wrongKey, baseUrl: sim.url, retry: false });
  const { error } = (await outcomeOf(async () =>
    unwrap(await client.GET("/api/v1/owners/account")),
  )) as {
    error: AuthenticationError;
  };
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error.status).toBe(401);
  expect(secretLeaks(error, [wrongKey])).toEqual([]);
});
