import { outcomeOf, secretLeaks } from "@rollcall/simulators";
import { AuthenticationError, ServerError, unwrap } from "@rollcall/core";
import { expect, it } from "vitest";
import { createEagleClient } from "../src/index";
import { useEagleSimulator } from "./support/simulator";

const env = useEagleSimulator("docs");

it("keeps the API key out of a failed call's error and every hook payload", async () => {
  const client = env.client({ retry: false, hooks: env.recorder.hooks });
  env.sim.faults.once({ kind: "server-error", status: 503 });
  const outcome = await outcomeOf(async () => unwrap(await client.GET("/api/v1/owners/account")));
  const { error } = outcome as { error: ServerError };
  expect(error).toBeInstanceOf(ServerError);
  expect(env.recorder.payloads.length).toBeGreaterThanOrEqual(3);
  expect(secretLeaks(error, [env.sim.credentials.apiKey])).toEqual([]);
  expect(env.recorder.leaks([env.sim.credentials.apiKey])).toEqual([]);
});

it("does not echo a rejected key", async () => {
  const wrongKey = "eagle_wrong_0123456789abcdef";
  const client = createEagleClient({ apiKey: wrongKey, baseUrl: env.sim.url, retry: false });
  const { error } = (await outcomeOf(async () =>
    unwrap(await client.GET("/api/v1/owners/account")),
  )) as {
    error: AuthenticationError;
  };
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error.status).toBe(401);
  expect(secretLeaks(error, [wrongKey])).toEqual([]);
});
