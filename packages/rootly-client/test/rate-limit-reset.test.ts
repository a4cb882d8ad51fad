import { RateLimitError, unwrap, type RetryOptions } from "@rollcall/core";
import { FAULT_TEST_RETRY, runFaultScenario, type FaultScenario } from "@rollcall/simulators";
import { expect, it } from "vitest";
import { useRootlySimulator } from "./support/simulator";

// Rootly's own 429 signal: no Retry-After, an X-RateLimit-Reset epoch instead. The faults every
// vendor shares are in tools/conformance.
const env = useRootlySimulator("docs");

const GET_ROUTE = "GET /v1/users/{}";
const POST_ROUTE = "POST /v1/incidents/{}/assign_role_to_user";
const INCIDENT = "af96c85d-324d-4189-9138-d393d9a12fb9";
const ROLE = "f8e941d9-1172-4544-afdc-b40f4eb20c77";

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
  const post = await runFaultScenario(
    env.sim,
    POST_ROUTE,
    scenario,
    scenario.nonIdempotent,
    async (o) =>
      unwrap(
        await client.POST("/v1/incidents/{id}/assign_role_to_user", {
          params: { path: { id: INCIDENT } },
          body: {
            data: { type: "incidents", attributes: { user_id: "317", incident_role_id: ROLE } },
          },
          ...o,
        }),
      ),
  );
  expect(post.problems).toEqual([]);
  expect((post.outcome as { error: unknown }).error).toBeInstanceOf(RateLimitError);
});
