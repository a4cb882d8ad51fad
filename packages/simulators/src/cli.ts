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
function startForCli(vendor: SimulatedVendor, options: Omit<CliOptions, "vendors">) {
  const credentials = simulators[vendor].developmentCredentials();
  return startSimulator(vendor, { ...options, ...credentials, validateResponses: true });
}

const USAGE = `usage: rollcall-simulators [${simulatedVendors.join("|")} ...] [--port <first-port>] [--seed docs|demo|both]
       [--no-limits] [--latency <ms>] [--jitter <ms>] [--time-scale <factor>]

Starts fake vendor servers on 127.0.0.1 (all of them when no vendor is named), prints their URLs
and credentials, and runs until interrupted (Ctrl-C); then prints, per vendor, how many answers
of each status it sent and how many 429s each request limit caused.

  --no-limits           do not enforce the vendors' published request limits
  --latency <ms>        mean ms each answer takes from the request's arrival
  --jitter <ms>         the latency varies evenly by up to this much either side
  --time-scale <factor> vendor time runs this many times faster (60: a 5-minute window in 5 s)`;

class UsageError extends Error {}

interface CliOptions {
  vendors: SimulatedVendor[];
  port: number | undefined;
  seed: "docs" | "demo" | "both";
  limits: boolean;
  latency: number;
  jitter: number;
  timeScale: number;
}

const NUMBER_FLAGS = {
  "--latency": "latency",
  "--jitter": "jitter",
  "--time-scale": "timeScale",
} as const;

function isNumberFlag(arg: string): arg is keyof typeof NUMBER_FLAGS {
  return Object.hasOwn(NUMBER_FLAGS, arg);
}

function parseArguments(args: string[]): CliOptions {
  const options: CliOptions = {
    vendors: [],
    port: undefined,
    seed: "both",
    limits: true,
    latency: 0,
    jitter: 0,
    timeScale: 1,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--no-limits") {
      options.limits = false;
    } else if (arg === "--port" || arg === "--seed" || isNumberFlag(arg)) {
      const value = args[++index];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === "--port") {
        options.port = Number(value);
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
          throw new UsageError(`--port must be an integer from 0 to 65535, got "${value}"`);
        }
      } else if (isNumberFlag(arg)) {
        const number = Number(value);
        const least = arg === "--time-scale" ? "above 0" : "0 or more";
        if (
          value.trim() === "" ||
          !Number.isFinite(number) ||
          number < 0 ||
          (number === 0 && arg === "--time-scale")
        ) {
          throw new UsageError(`${arg} must be a number ${least}, got "${value}"`);
        }
        options[NUMBER_FLAGS[arg]] = number;
      } else if (value === "docs" || value === "demo" || value === "both") {
        options.seed = value;
      } else {
        throw new UsageError(`--seed must be docs, demo or both, got "${value}"`);
      }
    } else if (isSimulatedVendor(arg)) {
      options.vendors.push(arg);
    } else {
      throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (options.vendors.length === 0) options.vendors = [...simulatedVendors];
  return options;
}

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const { vendors, ...options } = parseArguments(process.argv.slice(2));
  const running: Awaited<ReturnType<typeof startForCli>>[] = [];
  for (const [index, vendor] of vendors.entries()) {
    // Consecutive ports from --port, so a fixed set of URLs can be written into a config.
    const port = options.port === undefined || options.port === 0 ? 0 : options.port + index;
    const sim = await startForCli(vendor, { ...options, port });
    running.push(sim);
    console.log(`${vendor.padEnd(9)} ${sim.url}  ${sim.credentials.describeForDevelopment()}`);
  }
  const stop = async () => {
    // What each simulator answered, one JSON object per vendor, for a run's report.
    for (const sim of running)
      console.log(`${sim.vendor.padEnd(9)} ${JSON.stringify(sim.stats())}`);
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
