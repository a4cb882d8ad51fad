import { unwrap } from "@rollcall/core";
import { outcomeOf, secretLeaks, type CallOutcome } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { createUptrendsClient } from "../src/index";
import { THIRD_OPERATOR, useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("docs");

describe("Uptrends Basic credential redaction", () => {
  it("keeps the password and the Basic header out of errors and hook payloads", async () => {
    const { password, authorization } = env.sim.credentials;
    const basic = authorization.slice("Basic ".length);
    const { hooks } = env.recorder;
    const client = env.client({ hooks, retry: { baseDelayMs: 1, maxDelayMs: 50, maxRetries: 1 } });
    const getOperator = async () =>
      unwrap(
        await client.GET("/Operator/{operatorGuid}", {
          params: { path: { operatorGuid: THIRD_OPERATOR } },
        }),
      );

    const outcomes: CallOutcome[] = [];
    for (const fault of [
      { kind: "server-error", status: 503 },
      { kind: "connection-reset" },
      { kind: "malformed-json" },
      // A server that echoes the credentials back in its error body.
      {
        kind: "rate-limit",
        body: { Messages: [{ Message: `bad ${password} / ${authorization}` }] },
      },
    ] as const) {
      env.sim.faults.next(2, fault, { route: "GET /Operator/{}" });
      outcomes.push(await outcomeOf(getOperator));
    }
    outcomes.push(
      await outcomeOf(async () => unwrap(await client.POST("/Operator", { body: {} as never }))),
    );
    const refused = createUptrendsClient({
      username: env.sim.credentials.username,
      password: `${password}x`,
      baseUrl: env.sim.url,
      hooks,
    });
    outcomes.push(await outcomeOf(async () => unwrap(await refused.GET("/Operator"))));

    const thrown = outcomes.flatMap((o) =>
      "error" in o && o.error instanceof Error ? [o.error] : [],
    );
    expect(thrown).toHaveLength(6);
    for (const error of thrown) expect(secretLeaks(error, [password, basic])).toEqual([]);
    expect(env.recorder.payloads.length).toBeGreaterThan(0);
    expect(env.recorder.leaks([password, basic])).toEqual([]);
  });
});
