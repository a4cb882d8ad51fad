import type { SeedChoice } from "../demo-organisation";
import type { SimulatorOptions } from "../server/simulator";
import type { OpenApiDocument } from "../spec/openapi-document";

/** Options every vendor simulator takes. */
export interface VendorSimulatorOptions extends SimulatorOptions {
  /** Which records to start with (default "both": the documents' examples and the demo organisation). */
  seed?: SeedChoice;
  /** Serve and validate against this spec instead of the bundled one. */
  spec?: OpenApiDocument;
}

const SEEDS = ["docs", "demo", "both"];

/** Rejects options a caller got wrong, saying which and why, before anything starts. */
export function checkVendorOptions(
  vendor: string,
  options: VendorSimulatorOptions & { generatedUsers?: number },
): void {
  const where = `the ${vendor} simulator`;
  if (options.seed !== undefined && !SEEDS.includes(options.seed)) {
    throw new TypeError(
      `${where}: seed must be "docs", "demo" or "both", got ${JSON.stringify(options.seed)}`,
    );
  }
  if (
    options.port !== undefined &&
    !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)
  ) {
    throw new RangeError(
      `${where}: port must be an integer from 0 to 65535, got ${String(options.port)}`,
    );
  }
  if (options.limits !== undefined && typeof options.limits !== "boolean") {
    throw new TypeError(`${where}: limits must be true or false, got ${String(options.limits)}`);
  }
  for (const name of ["latency", "jitter"] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === "number" && value >= 0 && value <= 600_000)) {
      throw new RangeError(`${where}: ${name} must be from 0 to 600000 ms, got ${String(value)}`);
    }
  }
  const scale = options.timeScale;
  if (scale !== undefined && !(typeof scale === "number" && scale > 0 && Number.isFinite(scale))) {
    throw new RangeError(`${where}: timeScale must be a number above 0, got ${String(scale)}`);
  }
  const count = options.generatedUsers;
  if (count !== undefined && !(Number.isInteger(count) && count >= 0 && count <= 1_000_000)) {
    throw new RangeError(
      `${where}: generatedUsers must be an integer from 0 to 1000000, got ${String(count)}`,
    );
  }
}
