// The one list of simulators: start-all, the command line and `startSimulator(id)` read it, so a
// new vendor's simulator is one line here.
import type { VendorId } from "./generated/specs";
import { eagleSimulator } from "./vendors/eagle/eagle-simulator";
import { opsgenieSimulator } from "./vendors/opsgenie/opsgenie-simulator";
import { rootlySimulator } from "./vendors/rootly/rootly-simulator";
import { uptrendsSimulator } from "./vendors/uptrends/uptrends-simulator";

/** Every vendor's simulator, keyed by its id in specs/vendors.json. */
export const simulators = {
  eagle: eagleSimulator,
  rootly: rootlySimulator,
  opsgenie: opsgenieSimulator,
  uptrends: uptrendsSimulator,
} as const satisfies Record<VendorId, unknown>;

export type Simulators = typeof simulators;
export type SimulatedVendor = keyof Simulators;

/** The options `startSimulator(id, options)` takes for a vendor (its credentials by the client's option names). */
export type SimulatorOptionsOf<Id extends SimulatedVendor> = NonNullable<
  Parameters<Simulators[Id]["start"]>[0]
>;

/** The simulator `startSimulator(id)` gives for a vendor, with its typed store and credentials. */
export type SimulatorOf<Id extends SimulatedVendor> = Awaited<ReturnType<Simulators[Id]["start"]>>;

/** The vendor ids, in the registry's order. */
export const simulatedVendors = Object.keys(simulators) as SimulatedVendor[];

export function isSimulatedVendor(value: string): value is SimulatedVendor {
  return Object.hasOwn(simulators, value);
}

/**
 * Starts one vendor's simulator by id. Its `credentials` carry the properties the vendor client's
 * options take (`apiKey`, `token`, `username` + `password`); `credentials.secretNames` says which
 * of them are secret.
 */
export function startSimulator<Id extends SimulatedVendor>(
  id: Id,
  options?: SimulatorOptionsOf<Id>,
): Promise<SimulatorOf<Id>> {
  if (!isSimulatedVendor(id)) {
    return Promise.reject(
      new RangeError(
        `startSimulator: unknown vendor ${JSON.stringify(id)} (known: ${simulatedVendors.join(", ")})`,
      ),
    );
  }
  const declared = simulators[id] as { start(options?: unknown): Promise<unknown> };
  return declared.start(options) as Promise<SimulatorOf<Id>>;
}
