import { inspect } from "node:util";
import { unwrap, type ClientHooks } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { createRootlyClient } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("docs");

/** Every way a thrown error can be shown: none may contain the token. */
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

describe("Rootly token redaction", () => {
  it("keeps the token out of errors and hook payloads for every kind of failure", async () => {
    const token = env.sim.credentials.token;
    const seen: unknown[] = [];
    const hooks: ClientHooks = {
      onRequest: (info) => seen.push(info),
      onResponse: (info) => seen.push(info),
      onRetry: (info) => seen.push(info),
      onError: (info) => seen.push(info),
    };
    const client = env.client({ hooks, retry: { baseDelayMs: 1, maxDelayMs: 50, maxRetries: 1 } });
    const getUser = async () =>
      unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } } }));

    const errors: unknown[] = [];
    for (const fault of [
      { kind: "server-error", status: 500 },
      { kind: "connection-reset" },
      { kind: "malformed-json" },
      { kind: "rate-limit" },
      // A server that echoes the credential back in its error body.
      { kind: "rate-limit", body: { error: `token ${token} is over its limit` } },
    ] as const) {
      env.sim.faults.next(2, fault, { route: "GET /v1/users/{}" });
      errors.push(await capture(getUser));
    }
    errors.push(
      await capture(async () =>
        unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "nobody" } } })),
      ),
    );
    // A refused token must not be echoed either.
    const revoked = createRootlyClient({ token: `${token}x`, baseUrl: env.sim.url, hooks });
    errors.push(await capture(async () => unwrap(await revoked.GET("/v1/users/me"))));

    const thrown = errors.filter((error) => error instanceof Error);
    expect(thrown).toHaveLength(7);
    for (const error of thrown) {
      for (const text of renderings(error)) expect(text).not.toContain(token);
    }
    expect(seen.length).toBeGreaterThan(0);
    const hookText = JSON.stringify(seen) + inspect(seen, { depth: 10 });
    expect(hookText).not.toContain(token);
  });
});
