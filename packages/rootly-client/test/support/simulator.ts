import { startRootly, type RootlySimulator } from "@rollcall/simulators";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createRootlyClient, type RootlyClient, type RootlyClientOptions } from "../../src/index";

/** Tiny delays so retry tests finish at once. */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 50 } as const;

/**
 * One simulator per test file, reset before each test; at the end the file fails if any response
 * broke the spec.
 */
export function useRootlySimulator(seed: "docs" | "demo" | "both" = "both") {
  const state = {} as { sim: RootlySimulator };
  beforeAll(async () => {
    state.sim = await startRootly({ seed });
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
    client(options: Partial<RootlyClientOptions> = {}): RootlyClient {
      return createRootlyClient({
        token: state.sim.credentials.token,
        baseUrl: state.sim.url,
        retry: FAST_RETRY,
        ...options,
      });
    },
  };
}
