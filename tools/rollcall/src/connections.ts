// Decides, per vendor, whether to talk to the real service or a simulator, starts the simulators
// needed, and builds the clients.
import { connectorSecrets, type Connector, type ConnectorSettings } from "@rollcall/core";
import { isSimulatedVendor, startSimulator } from "@rollcall/simulators";
import type { VendorEnvironment } from "./env-config";
import type { SecretScrubber } from "./secret-scrubber";
import { createVendorClient, type VendorClient } from "./vendor-clients";
import { CONNECTORS, type CliVendor } from "./vendors";

type AnySimulator = Awaited<ReturnType<typeof startSimulator>>;

export interface VendorConnection {
  readonly vendor: CliVendor;
  readonly connector: Connector;
  /** "simulator (<url>)" or the real base URL: said on stderr before anything is pulled. */
  readonly source: string;
  readonly simulated: boolean;
  /** Undefined when the client refused its options; `failure` says why. */
  readonly client: VendorClient | undefined;
  readonly failure: unknown;
}

export interface Connections {
  readonly list: readonly VendorConnection[];
  /** Stops the simulators this run started. */
  close(): Promise<void>;
}

// The embedded simulators serve the demo organisation only. Response validation is for the
// simulators' own tests; the CLI trusts them.
// The demo keeps the vendors' request limits on, at their real pace: its few dozen requests are
// far under every limit, so they cost no time, and the answers carry the vendors' real headers.
const SIMULATOR_OPTIONS = { seed: "demo", validateResponses: false } as const;

/** A simulator's credentials, named as the client options the connector's settings fill. */
function simulatorSettings(connector: Connector, simulator: AnySimulator): ConnectorSettings {
  const credentials = simulator.credentials as unknown as Record<string, unknown>;
  const settings: Record<string, string> = {};
  for (const { option } of connector.settings) {
    const value = credentials[option];
    if (typeof value === "string") settings[option] = value;
  }
  return settings;
}

function connect(
  connector: Connector,
  settings: ConnectorSettings,
  baseUrl: string,
  source: string,
  simulated: boolean,
): VendorConnection {
  const vendor = connector.id;
  try {
    const client = createVendorClient(connector, settings, baseUrl);
    return { vendor, connector, source, simulated, client, failure: undefined };
  } catch (failure) {
    return { vendor, connector, source, simulated, client: undefined, failure };
  }
}

/**
 * One connection per requested vendor: the real service when the environment has credentials
 * for it (unless `simulate`), a simulator otherwise. Every secret involved goes to `scrubber`.
 */
export async function openConnections(
  vendors: readonly CliVendor[],
  environment: VendorEnvironment,
  simulate: boolean,
  scrubber: SecretScrubber,
  connectors: readonly Connector[] = CONNECTORS,
): Promise<Connections> {
  const simulators: AnySimulator[] = [];
  const list: VendorConnection[] = [];
  try {
    for (const vendor of vendors) {
      const connector = connectors.find((candidate) => candidate.id === vendor);
      if (connector === undefined) throw new Error(`rollcall: no connector for vendor "${vendor}"`);
      const real = simulate ? undefined : environment[vendor];
      if (real !== undefined) {
        scrubber.add(connectorSecrets(connector, real.settings));
        list.push(connect(connector, real.settings, real.baseUrl, real.baseUrl, false));
        continue;
      }
      if (!isSimulatedVendor(vendor)) {
        const failure = new Error(`no simulator exists for ${vendor}: set its credentials`);
        list.push({
          vendor,
          connector,
          source: "no simulator",
          simulated: true,
          client: undefined,
          failure,
        });
        continue;
      }
      const simulator = await startSimulator(vendor, SIMULATOR_OPTIONS);
      simulators.push(simulator);
      const settings = simulatorSettings(connector, simulator);
      scrubber.add(connectorSecrets(connector, settings));
      const source = `simulator (${simulator.url})`;
      list.push(connect(connector, settings, simulator.url, source, true));
    }
  } catch (error) {
    await Promise.allSettled(simulators.map((simulator) => simulator.close()));
    throw error;
  }
  return {
    list,
    close: async () => {
      await Promise.allSettled(simulators.map((simulator) => simulator.close()));
    },
  };
}
