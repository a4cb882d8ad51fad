import type { SeedChoice } from "./demo-organisation";
import type { SimulatorOptions } from "./server/simulator";
import { startEagle, type EagleSimulator } from "./vendors/eagle/eagle-simulator";
import { startOpsgenie, type OpsgenieSimulator } from "./vendors/opsgenie/opsgenie-simulator";
import { startRootly, type RootlySimulator } from "./vendors/rootly/rootly-simulator";
import { startUptrends, type UptrendsSimulator } from "./vendors/uptrends/uptrends-simulator";

export type SimulatedVendor = "eagle" | "rootly" | "opsgenie" | "uptrends";

export const simulatedVendors: readonly SimulatedVendor[] = [
  "eagle",
  "rootly",
  "opsgenie",
  "uptrends",
];

export interface AllSimulators {
  eagle: EagleSimulator;
  rootly: RootlySimulator;
  opsgenie: OpsgenieSimulator;
  uptrends: UptrendsSimulator;
  /** Restores every simulator's seed. */
  reset(): void;
  /** Stops all four; rejects with the first ContractViolationError, after stopping every one. */
  close(): Promise<void>;
}

export interface StartAllOptions extends Omit<SimulatorOptions, "port"> {
  seed?: SeedChoice;
}

/** Starts all four simulators, each on its own free loopback port. */
export async function startAll(options: StartAllOptions = {}): Promise<AllSimulators> {
  const [eagle, rootly, opsgenie, uptrends] = await Promise.all([
    startEagle(options),
    startRootly(options),
    startOpsgenie(options),
    startUptrends(options),
  ]);
  const all = [eagle, rootly, opsgenie, uptrends];
  return {
    eagle,
    rootly,
    opsgenie,
    uptrends,
    reset: () => all.forEach((sim) => sim.reset()),
    close: async () => {
      const results = await Promise.allSettled(all.map((sim) => sim.close()));
      const failure = results.find((result) => result.status === "rejected");
      if (failure) throw failure.reason;
    },
  };
}

/** Starts one vendor's simulator by id. */
export function startVendor(
  vendor: SimulatedVendor,
  options: SimulatorOptions & { seed?: SeedChoice } = {},
): Promise<EagleSimulator | RootlySimulator | OpsgenieSimulator | UptrendsSimulator> {
  switch (vendor) {
    case "eagle":
      return startEagle(options);
    case "rootly":
      return startRootly(options);
    case "opsgenie":
      return startOpsgenie(options);
    case "uptrends":
      return startUptrends(options);
  }
}
