import { outcomeOf, secretLeaks } from "@rollcall/simulators";
import { AuthenticationError, ServerError, unwrap } from "@rollcall/core";
import { expect, it } from "vitest";
import { createOpsgenieClient } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

const env = useOpsgenieSimulator("docs");

it("keeps the apiKey from a failing GET's query string out of the error and hook payloads", async () => {
  const client = env.client({ retry: false, hooks: env.recorder.hooks });
  env.sim.faults.once({ kind: "server-error", status: 500 });
  const { error } = (await outcomeOf(async () =>
    unwrap(
      await client.GET("/v1/json/user", { params: { query: { username: "kaan@example.com" } } }),
    ),
  )) as { error: ServerError };
  expect(error).toBeInstanceOf(ServerError);
  expect(error.url).toContain("apiKey=");
  expect(
    secretLeaks(error, [
      env.sim.credentials.apiKey,
      encodeURIComponent(env.sim.credentials.apiKey),
    ]),
  ).toEqual([]);
  expect(env.recorder.payloads.length).toBeGreaterThanOrEqual(3);
  expect(env.recorder.leaks([env.sim.credentials.apiKey])).toEqual([]);
});

it("does not echo a rejected key, whether it went in the query or the body", async () => {
  const wrongKey = "opsgenie_wrong_0123456789abcdef";
  const client = createOpsgenieClient({ apiKey: wrongKey, baseUrl: env.sim.url, retry: false });
  for (const call of [
    async () => unwrap(await client.GET("/v1.2/json/user")),
    async () =>
      unwrap(
        await client.POST("/v1/json/user", {
          body: { id: "1efbae5f-dc44-443e-8476-daf2e0b9165b", role: "User" },
        }),
      ),
  ]) {
    const { error } = (await outcomeOf(call)) as { error: AuthenticationError };
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.vendorMessage).toBe("Could not authenticate");
    expect(secretLeaks(error, [wrongKey])).toEqual([]);
  }
});
