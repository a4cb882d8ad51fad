import { startUptrends, type SeedChoice } from "@rollcall/simulators";
import { FAULT_TEST_RETRY, useSimulator } from "@rollcall/core/testing";
import * as vitest from "vitest";
import { createUptrendsClient, type UptrendsClientOptions } from "../../src/index";

/** The operator of the Operator API document's examples (simulator seed "docs"). */
export const THIRD_OPERATOR = "d2782d76-62e7-4946-a41c-fc7f86c96300";

/**
 * One simulator per test file (see `useSimulator`), with `client()` for a client that talks to it
 * and retries with tiny delays. No hook may see the password or the Basic header.
 */
export function useUptrendsSimulator(seed: SeedChoice = "both") {
  const env = useSimulator(vitest, () => startUptrends({ seed }), {
    secrets: ({ credentials }) => [
      credentials.password,
      credentials.authorization.slice("Basic ".length),
    ],
  });
  const client = (options: Partial<UptrendsClientOptions> = {}) => {
    const { username, password } = env.sim.credentials;
    return createUptrendsClient({
      username,
      password,
      baseUrl: env.sim.url,
      retry: FAULT_TEST_RETRY,
      ...options,
    });
  };
  return Object.assign(env, { client });
}
