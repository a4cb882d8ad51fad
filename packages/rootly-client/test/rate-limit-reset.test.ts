import { unwrap, type RetryOptions } from "@rollcall/core";
import { FAULT_TEST_RETRY, runFaultScenario, type FaultScenario } from "@rollcall/core/testing";
import { expect, it } from "vitest";
import { useRootlySimulator } from "./support/simulator";

// Rootly's own 429 signal: no Retry-After, an X-RateLimit-Reset epoch instead. The faults every
// vendor shares are in tools/conformance.
const env = useRootlySimulator("docs");

const GET_ROUTE = "GET /v1/users/{}";

// (A POST is never retried whatever the reset says: the conformance suite covers that.)
it("retries a 429 at once when its X-RateLimit-Reset has already passed", async () => {
  // An injected clock past the reset: core reads X-RateLimit-Reset and retries without waiting.
  const scenario: FaultScenario = {
    name: "429 whose X-RateLimit-Reset has passed",
    fault: { kind: "rate-limit" },
    idempotent: { outcome: "success", requests: 2 },
    nonIdempotent: {
      outcome: "error",
      requests: 1,
      error: "RateLimitError",
      status: 429,
      vendorMessageIncludes: "Rate limit exceeded. Try again later.",
    },
  };
  const late: RetryOptions = { ...FAULT_TEST_RETRY, now: () => Date.now() + 120_000 };
  const client = env.client({ retry: late });
  const get = await runFaultScenario(env.sim, GET_ROUTE, scenario, scenario.idempotent, async (o) =>
    unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } }, ...o })),
  );
  expect(get.problems).toEqual([]);
});
