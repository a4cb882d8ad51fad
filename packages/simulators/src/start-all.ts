import type { SeedChoice } from "./demo-organisation";
import type { SimulatorOptions, SimulatorStats } from "./server/simulator";
import {
  simulatedVendors,
  startSimulator,
  type SimulatedVendor,
  type SimulatorOf,
  type SimulatorOptionsOf,
} from "./simulators";

export { simulatedVendors, type SimulatedVendor } from "./simulators";

/** One running simulator per vendor, by id. */
export type AllSimulators = { [Id in SimulatedVendor]: SimulatorOf<Id> } & {
  /** Restores every simulator's seed. */
  reset(): void;
  /** Stops them all; rejects with the first ContractViolationError, after stopping every one. */
  close(): Promise<void>;
  /** What each simulator answered, by vendor id (see `Simulator.stats`). */
  stats(): Record<SimulatedVendor, SimulatorStats>;
};

export interface StartAllOptions extends Omit<SimulatorOptions, "port"> {
  seed?: SeedChoice;
}

/** Starts every vendor's simulator, each on its own free loopback port. */
export async function startAll(options: StartAllOptions = {}): Promise<AllSimulators> {
  const started = await Promise.allSettled(
    simulatedVendors.map((id) => startSimulator(id, options)),
  );
  const running = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const closeAll = async () => {
    const results = await Promise.allSettled(running.map((sim) => sim.close()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await closeAll().catch(() => undefined);
    throw failed.reason;
  }
  const byId = Object.fromEntries(simulatedVendors.map((id, index) => [id, running[index]]));
  return {
    ...(byId as { [Id in SimulatedVendor]: SimulatorOf<Id> }),
    reset: () => running.forEach((sim) => sim.reset()),
    close: closeAll,
    stats: () =>
      Object.fromEntries(running.map((sim) => [sim.vendor, sim.stats()])) as Record<
        SimulatedVendor,
        SimulatorStats
      >,
  };
}

/** Starts one vendor's simulator by id (the same as `startSimulator`). */
export function startVendor<Id extends SimulatedVendor>(
  vendor: Id,
  options?: SimulatorOptionsOf<Id> & { seed?: SeedChoice },
): Promise<SimulatorOf<Id>> {
  return startSimulator(vendor, options);
}
