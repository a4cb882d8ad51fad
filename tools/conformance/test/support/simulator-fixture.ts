import type { ApiClientOptions } from "@rollcall/core";
import { type SeedChoice } from "@rollcall/simulators";
import { TEST_RATE_LIMIT, useSimulator } from "@rollcall/core/testing";
import * as vitest from "vitest";
import type { AnySimulator, VendorHarness } from "./vendors";

/**
 * The vendor's simulator for this suite (started once, with the harness's seed unless `options`
 * name another; reset before each test) and `client()` for
 * a client with the credential it accepts. After each test, no hook payload may show the secret.
 */
export function useVendorSimulator(
  harness: VendorHarness & { create(...args: unknown[]): unknown },
  options: { seed?: SeedChoice } = {},
) {
  const env = useSimulator(vitest, () => harness.start(options), {
    secrets: (sim: AnySimulator) => harness.secretForms(harness.credentialOf(sim)),
  });
  return Object.assign(env, {
    client: (options: ApiClientOptions = {}) =>
      harness.create(env.sim.url, harness.credentialOf(env.sim), {
        rateLimit: TEST_RATE_LIMIT,
        ...options,
      }) as never,
    secrets: () => harness.secretForms(harness.credentialOf(env.sim)),
  });
}
