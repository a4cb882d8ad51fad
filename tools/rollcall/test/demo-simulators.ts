// One demo-seeded set of simulators per test file, reset before each test, and the environment that
// points the CLI at them.
import { startAll, type AllSimulators } from "@rollcall/simulators";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { simulatorEnv } from "./run-cli";

export interface DemoSimulators {
  readonly sims: AllSimulators;
  /** Base URLs and credentials of every simulator, as the CLI's environment variables. */
  readonly env: Record<string, string>;
}

export function useDemoSimulators(): DemoSimulators {
  let sims: AllSimulators | undefined;
  let env: Record<string, string> = {};
  // Starting four simulators compiles their spec validators: on a loaded 2-core machine that can
  // pass the default hook timeout without anything being wrong; a hang still fails, later.
  beforeAll(async () => {
    sims = await startAll({ seed: "demo" });
    env = simulatorEnv(sims);
  }, 120_000);
  beforeEach(() => sims?.reset());
  afterAll(() => sims?.close());
  return {
    get sims() {
      if (sims === undefined) throw new Error("the demo simulators start in beforeAll");
      return sims;
    },
    get env() {
      return env;
    },
  };
}
