import { startRootly, type SeedChoice } from "@rollcall/simulators";
import { FAULT_TEST_RETRY, TEST_RATE_LIMIT, useSimulator } from "@rollcall/core/testing";
import * as vitest from "vitest";
import { createRootlyClient, type RootlyClientOptions } from "../../src/index";

/**
 * One simulator per test file (see `useSimulator`), with `client()` for a client that talks to it
 * and retries with tiny delays. No hook may see the token.
 */
export function useRootlySimulator(seed: SeedChoice = "both") {
  const env = useSimulator(vitest, () => startRootly({ seed }), {
    secrets: (sim) => [sim.credentials.token],
  });
  const client = (options: Partial<RootlyClientOptions> = {}) =>
    createRootlyClient({
      token: env.sim.credentials.token,
      baseUrl: env.sim.url,
      retry: FAULT_TEST_RETRY,
      rateLimit: TEST_RATE_LIMIT,
      ...options,
    });
  return Object.assign(env, { client });
}
