import { startOpsgenie, type SeedChoice } from "@rollcall/simulators";
import { TEST_RATE_LIMIT, useSimulator } from "@rollcall/core/testing";
import * as vitest from "vitest";
import { createOpsgenieClient, type OpsgenieClientOptions } from "../../src/index";

/**
 * One simulator per test file or suite (see `useSimulator`), with `client()` for a client that
 * talks to it. No hook may see the API key, which OpsGenie's GETs carry in the query string.
 */
export function useOpsgenieSimulator(seed: SeedChoice = "both") {
  const env = useSimulator(vitest, () => startOpsgenie({ seed }), {
    secrets: (sim) => [sim.credentials.apiKey],
  });
  const client = (options: Partial<OpsgenieClientOptions> = {}) =>
    createOpsgenieClient({
      apiKey: env.sim.credentials.apiKey,
      baseUrl: env.sim.url,
      rateLimit: TEST_RATE_LIMIT,
      ...options,
    });
  return Object.assign(env, { client });
}
