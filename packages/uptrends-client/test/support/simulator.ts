import { startUptrends, type UptrendsSimulator } from "@rollcall/simulators";
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  createUptrendsClient,
  type UptrendsClient,
  type UptrendsClientOptions,
} from "../../src/index";

/** Tiny delays so retry tests finish at once. */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 50 } as const;

/** The operator of the Operator API document's examples (simulator seed "docs"). */
export const THIRD_OPERATOR = "d2782d76-62e7-4946-a41c-fc7f86c96300";

/**
 * One simulator per test file, reset before each test; at the end the file fails if any response
 * broke the spec.
 */
export function useUptrendsSimulator(seed: "docs" | "demo" | "both" = "both") {
  const state = {} as { sim: UptrendsSimulator };
  beforeAll(async () => {
    state.sim = await startUptrends({ seed });
  });
  beforeEach(() => state.sim.reset());
  afterAll(async () => {
    state.sim.assertNoContractViolations();
    await state.sim.close();
  });
  return {
    get sim() {
      return state.sim;
    },
    client(options: Partial<UptrendsClientOptions> = {}): UptrendsClient {
      return createUptrendsClient({
        username: state.sim.credentials.username,
        password: state.sim.credentials.password,
        baseUrl: state.sim.url,
        retry: FAST_RETRY,
        ...options,
      });
    },
  };
}
