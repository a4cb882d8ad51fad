// Decides, per vendor, whether to talk to the real service or a simulator, starts the simulators
// needed, and builds the clients.
import {
  startEagle,
  startOpsgenie,
  startRootly,
  startUptrends,
  type EagleSimulator,
  type OpsgenieSimulator,
  type RootlySimulator,
  type UptrendsSimulator,
} from "@rollcall/simulators";
import { secretsOf, type VendorCredentials, type VendorEnvironment } from "./env-config";
import type { SecretScrubber } from "./secret-scrubber";
import { createVendorClient, type VendorClient } from "./vendor-clients";
import type { CliVendor } from "./vendors";

type AnySimulator = EagleSimulator | RootlySimulator | OpsgenieSimulator | UptrendsSimulator;

export interface VendorConnection {
  readonly vendor: CliVendor;
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
const SIMULATOR_OPTIONS = { seed: "demo", validateResponses: false } as const;

async function startSimulator(
  vendor: CliVendor,
): Promise<{ simulator: AnySimulator; credentials: VendorCredentials }> {
  switch (vendor) {
    case "eagle": {
      const simulator = await startEagle(SIMULATOR_OPTIONS);
      return { simulator, credentials: { vendor, apiKey: simulator.credentials.apiKey } };
    }
    case "rootly": {
      const simulator = await startRootly(SIMULATOR_OPTIONS);
      return { simulator, credentials: { vendor, token: simulator.credentials.token } };
    }
    case "opsgenie": {
      const simulator = await startOpsgenie(SIMULATOR_OPTIONS);
      const apiKey = simulator.credentials.apiKey;
      return { simulator, credentials: { vendor, apiKey, region: "us" } };
    }
    case "uptrends": {
      const simulator = await startUptrends(SIMULATOR_OPTIONS);
      const { username, password } = simulator.credentials;
      return { simulator, credentials: { vendor, username, password } };
    }
  }
}

function connect(
  vendor: CliVendor,
  credentials: VendorCredentials,
  baseUrl: string,
  source: string,
  simulated: boolean,
): VendorConnection {
  try {
    return {
      vendor,
      source,
      simulated,
      client: createVendorClient(credentials, baseUrl),
      failure: undefined,
    };
  } catch (failure) {
    return { vendor, source, simulated, client: undefined, failure };
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
): Promise<Connections> {
  const simulators: AnySimulator[] = [];
  const list: VendorConnection[] = [];
  try {
    for (const vendor of vendors) {
      const real = simulate ? undefined : environment[vendor];
      if (real !== undefined) {
        scrubber.add(secretsOf(real.credentials));
        list.push(connect(vendor, real.credentials, real.baseUrl, real.baseUrl, false));
        continue;
      }
      const { simulator, credentials } = await startSimulator(vendor);
      simulators.push(simulator);
      scrubber.add(secretsOf(credentials));
      const source = `simulator (${simulator.url})`;
      list.push(connect(vendor, credentials, simulator.url, source, true));
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
