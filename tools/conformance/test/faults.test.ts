import {
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  RollcallError,
  ServerError,
} from "@rollcall/core";
import { type Fault } from "@rollcall/simulators";
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  outcomeOf,
  runFaultScenario,
  secretLeaks,
} from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import { useVendorSimulator } from "./support/simulator-fixture";
import { VENDORS } from "./support/vendors";

// Every fault the simulators can inject, against every vendor's GET (retried) and POST (never sent
// twice), with the hook recorder on: the fixture fails a test whose hook payloads show the secret.

describe.each(VENDORS)("$vendor", (harness) => {
  const env = useVendorSimulator(harness);
  const faulty = () => env.client({ retry: FAULT_TEST_RETRY, hooks: env.recorder.hooks });

  describe.each(faultScenarios(harness.faultScenarioOptions))("under $name", (scenario) => {
    it.each([
      ["GET (idempotent)", "get", "idempotent"],
      ["POST (not idempotent) reaches the server once", "post", "nonIdempotent"],
    ] as const)("%s", async (_name, kind, expected) => {
      const { route, call } = harness[kind];
      const client = faulty();
      const run = await runFaultScenario(env.sim, route, scenario, scenario[expected], (o) =>
        call(client, o),
      );
      expect(run.problems).toEqual([]);
      if (!("data" in run.outcome))
        expect(secretLeaks(run.outcome.error, env.secrets())).toEqual([]);
      else if (kind === "get") harness.get.check(run.outcome.data);
    });
  });

  it("hands back a 429 asking for too long a wait, with retryAfterMs, instead of sleeping", async () => {
    env.sim.faults.once(
      { kind: "rate-limit", retryAfterSeconds: 30 },
      { route: harness.get.route },
    );
    const { error } = (await outcomeOf(() => harness.get.call(faulty()))) as {
      error: RateLimitError;
    };
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(30_000);
    expect(env.sim.requestCount(harness.get.route)).toBe(1);
  });

  it("keeps the secret out of every error and hook payload, whatever fails", async () => {
    const { hooks } = env.recorder;
    const client = env.client({ hooks, retry: { baseDelayMs: 1, maxDelayMs: 50, maxRetries: 1 } });
    const secrets = env.secrets();
    // A server echoing the credential in its error body, in the vendor's error format.
    const echoed = harness.errorBody(`credential ${secrets.join(" / ")} is over its limit`);
    const faults: Fault[] = [
      { kind: "server-error", status: 503 },
      { kind: "connection-reset" },
      { kind: "malformed-json" },
      { kind: "html-error-page" },
      { kind: "rate-limit" },
      { kind: "rate-limit", body: echoed },
    ];
    const errors: RollcallError[] = [];
    for (const fault of faults) {
      for (const { route, call } of [harness.get, harness.post]) {
        env.sim.faults.next(2, fault, { route });
        const outcome = await outcomeOf(() => call(client));
        env.sim.faults.clear();
        if ("error" in outcome) errors.push(outcome.error as RollcallError);
      }
    }
    const notFound = await outcomeOf(() => harness.notFound(client));
    expect((notFound as { error: unknown }).error).toBeInstanceOf(NotFoundError);
    errors.push((notFound as { error: RollcallError }).error);
    const rejected = await outcomeOf(() => harness.rejectedPost(client));
    expect((rejected as { error: unknown }).error).toBeInstanceOf(RollcallError);
    errors.push((rejected as { error: RollcallError }).error);

    // The echo was read as the vendor's message, and redacted there.
    const echo = errors.find(
      (e) => e instanceof RateLimitError && e.vendorMessage?.includes("over its limit"),
    ) as RateLimitError | undefined;
    expect(echo?.vendorMessage).toContain("[REDACTED]");
    // Every non-idempotent call failed, at least (the POSTs are never retried).
    expect(errors.length).toBeGreaterThanOrEqual(faults.length + 1);
    for (const error of errors) expect(secretLeaks(error, secrets)).toEqual([]);
    expect(env.recorder.payloads.length).toBeGreaterThan(0);
    expect(env.recorder.leaks(secrets)).toEqual([]);
  });

  it("does not echo a refused credential, on GET or POST", async () => {
    const wrong = { ...harness.credentialOf(env.sim), secret: "wrong-credential-0123456789abcdef" };
    const client = harness.create(env.sim.url, wrong, {
      retry: false,
      hooks: env.recorder.hooks,
    }) as never;
    for (const call of [harness.get.call, harness.post.call]) {
      const { error } = (await outcomeOf(() => call(client))) as { error: AuthenticationError };
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.status).toBe(401);
      expect(secretLeaks(error, harness.secretForms(wrong))).toEqual([]);
    }
    expect(env.recorder.leaks(harness.secretForms(wrong))).toEqual([]);
  });

  if (harness.inQuery) {
    it("shows where a query credential was, redacted, in a failed GET's URL", async () => {
      env.sim.faults.once({ kind: "server-error", status: 500 }, { route: harness.get.route });
      const { error } = (await outcomeOf(() => harness.get.call(env.client({ retry: false })))) as {
        error: ServerError;
      };
      expect(error).toBeInstanceOf(ServerError);
      expect(error.url).toMatch(/apiKey=\[REDACTED]/);
      expect(secretLeaks(error, env.secrets())).toEqual([]);
    });
  }
});
