#!/usr/bin/env node
import {
  isSimulatedVendor,
  simulatedVendors,
  simulators,
  startSimulator,
  type SimulatedVendor,
} from "./simulators";

// Fixed, published development credentials: a local fake server guards nothing, and a developer
// needs values they can put in a config once. Library callers get random ones instead.
function startForCli(vendor: SimulatedVendor, options: { port: number; seed: CliOptions["seed"] }) {
  const credentials = simulators[vendor].developmentCredentials();
  return startSimulator(vendor, { ...options, ...credentials, validateResponses: true });
}

const USAGE = `usage: rollcall-simulators [${simulatedVendors.join("|")} ...] [--port <first-port>] [--seed docs|demo|both]

Starts fake vendor servers on 127.0.0.1 (all of them when no vendor is named), prints their URLs
and credentials, and runs until interrupted (Ctrl-C).`;

class UsageError extends Error {}

interface CliOptions {
  vendors: SimulatedVendor[];
  port: number | undefined;
  seed: "docs" | "demo" | "both";
}

function parseArguments(args: string[]): CliOptions {
  const vendors: SimulatedVendor[] = [];
  let port: number | undefined;
  let seed: CliOptions["seed"] = "both";
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--port" || arg === "--seed") {
      const value = args[++index];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === "--port") {
        port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new UsageError(`--port must be an integer from 0 to 65535, got "${value}"`);
        }
      } else if (value === "docs" || value === "demo" || value === "both") {
        seed = value;
      } else {
        throw new UsageError(`--seed must be docs, demo or both, got "${value}"`);
      }
    } else if (isSimulatedVendor(arg)) {
      vendors.push(arg);
    } else {
      throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  return { vendors: vendors.length > 0 ? vendors : [...simulatedVendors], port, seed };
}

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const options = parseArguments(process.argv.slice(2));
  const running: { close(): Promise<void> }[] = [];
  for (const [index, vendor] of options.vendors.entries()) {
    // Consecutive ports from --port, so a fixed set of URLs can be written into a config.
    const port = options.port === undefined || options.port === 0 ? 0 : options.port + index;
    const sim = await startForCli(vendor, { port, seed: options.seed });
    running.push(sim);
    console.log(`${vendor.padEnd(9)} ${sim.url}  ${sim.credentials.describeForDevelopment()}`);
  }
  const stop = async () => {
    await Promise.allSettled(running.map((sim) => sim.close()));
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`rollcall-simulators: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`rollcall-simulators: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
});
