import { inspect } from "node:util";
import { unwrap, type ClientHooks } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { createUptrendsClient } from "../src/index";
import { THIRD_OPERATOR, useUptrendsSimulator } from "./support/simulator";

const env = useUptrendsSimulator("docs");

/** Every way a thrown error can be shown. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    e.stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(e),
  ];
}

async function capture(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("Uptrends Basic credential redaction", () => {
  it("keeps the password and the Basic header out of errors and hook payloads", async () => {
    const { password, authorization } = env.sim.credentials;
    const basic = authorization.slice("Basic ".length);
    const seen: unknown[] = [];
    const hooks: ClientHooks = {
      onRequest: (info) => seen.push(info),
      onResponse: (info) => seen.push(info),
      onRetry: (info) => seen.push(info),
      onError: (info) => seen.push(info),
    };
    const client = env.client({ hooks, retry: { baseDelayMs: 1, maxDelayMs: 50, maxRetries: 1 } });
    const getOperator = async () =>
      unwrap(
        await client.GET("/Operator/{operatorGuid}", {
          params: { path: { operatorGuid: THIRD_OPERATOR } },
        }),
      );

    const errors: unknown[] = [];
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
      errors.push(await capture(getOperator));
    }
    errors.push(
      await capture(async () => unwrap(await client.POST("/Operator", { body: {} as never }))),
    );
    const refused = createUptrendsClient({
      username: env.sim.credentials.username,
      password: `${password}x`,
      baseUrl: env.sim.url,
      hooks,
    });
    errors.push(await capture(async () => unwrap(await refused.GET("/Operator"))));

    const thrown = errors.filter((error) => error instanceof Error);
    expect(thrown).toHaveLength(6);
    for (const error of thrown) {
      for (const text of renderings(error)) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(basic);
      }
    }
    const hookText = JSON.stringify(seen) + inspect(seen, { depth: 10 });
    expect(seen.length).toBeGreaterThan(0);
    expect(hookText).not.toContain(password);
    expect(hookText).not.toContain(basic);
  });
});
