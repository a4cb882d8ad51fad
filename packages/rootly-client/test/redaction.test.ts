import { unwrap } from "@rollcall/core";
import { outcomeOf, secretLeaks, type CallOutcome } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { createRootlyClient } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("docs");

describe("Rootly token redaction", () => {
  it("keeps the token out of errors and hook payloads for every kind of failure", async () => {
    const token = env.sim.credentials.token;
    const { hooks } = env.recorder;
    const client = env.client({ hooks, retry: { baseDelayMs: 1, maxDelayMs: 50, maxRetries: 1 } });
    const getUser = async () =>
      unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } } }));

    const outcomes: CallOutcome[] = [];
    for (const fault of [
      { kind: "server-error", status: 500 },
      { kind: "connection-reset" },
      { kind: "malformed-json" },
      { kind: "rate-limit" },
      // A server that echoes the credential back in its error body.
      { kind: "rate-limit", body: { error: `token ${token} is over its limit` } },
    ] as const) {
      env.sim.faults.next(2, fault, { route: "GET /v1/users/{}" });
      outcomes.push(await outcomeOf(getUser));
    }
    outcomes.push(
      await outcomeOf(async () =>
        unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "nobody" } } })),
      ),
    );
    // A refused token must not be echoed either.
    const revoked = createRootlyClient({ token: `${token}x`, baseUrl: env.sim.url, hooks });
    outcomes.push(await outcomeOf(async () => unwrap(await revoked.GET("/v1/users/me"))));

    const thrown = outcomes.flatMap((o) =>
      "error" in o && o.error instanceof Error ? [o.error] : [],
    );
    expect(thrown).toHaveLength(7);
    for (const error of thrown) expect(secretLeaks(error, [token])).toEqual([]);
    expect(env.recorder.payloads.length).toBeGreaterThan(0);
    expect(env.recorder.leaks([token])).toEqual([]);
  });
});
