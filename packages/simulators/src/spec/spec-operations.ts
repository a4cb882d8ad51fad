import type { SimulatedVendor } from "../start-all";
import { bundledSpec } from "../vendor-specs";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The operationIds of the vendor spec bundled into the simulators, sorted and without repeats. */
export function specOperations(vendor: SimulatedVendor): string[] {
  const spec = bundledSpec(vendor);
  if (spec === undefined) throw new RangeError(`specOperations: unknown vendor ${String(vendor)}`);
  const ids = new Set<string>();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const id = (item?.[method] as { operationId?: unknown } | undefined)?.operationId;
      if (typeof id === "string") ids.add(id);
    }
  }
  return [...ids].sort();
}

/** Tracks which spec operations a test suite exercised; see {@link operationCoverage}. */
export interface OperationCoverage {
  /** Records that `operationId` is tested; throws when the vendor's spec has no such operation. */
  cover(operationId: string): void;
  /** The spec's operations nothing covered yet, sorted. */
  uncovered(): string[];
}

/**
 * Coverage of a vendor's spec operations, so a suite can fail when the spec gains an operation
 * nobody tested (and when a test names an operation the spec does not have).
 */
export function operationCoverage(vendor: SimulatedVendor): OperationCoverage {
  const all = specOperations(vendor);
  const covered = new Set<string>();
  return {
    cover(operationId) {
      if (!all.includes(operationId)) {
        throw new RangeError(
          `operationCoverage: the ${vendor} spec has no operation ${JSON.stringify(operationId)}`,
        );
      }
      covered.add(operationId);
    },
    uncovered: () => all.filter((id) => !covered.has(id)),
  };
}
