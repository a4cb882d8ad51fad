import {
  generatedMarker,
  SIMULATORS_DIRECTORY,
  SIMULATORS_PACKAGE,
  simulatorSchemaFile,
  type PlannedFile,
} from "./generated-files";
import type { BundledSpec } from "./spec-loading";

/**
 * Each vendor's schema types again, inside the simulators package: its stores type their records
 * from them, so a spec change that a store no longer matches fails the simulators' typecheck. A
 * copy rather than an import because the client packages depend on the simulators (for tests).
 */
export async function planSimulatorSchemaFiles(
  specs: readonly BundledSpec[],
  schemaTypes: (spec: BundledSpec) => Promise<string>,
): Promise<PlannedFile[]> {
  return Promise.all(
    specs.map(async (spec) => ({
      packageName: SIMULATORS_PACKAGE,
      directory: SIMULATORS_DIRECTORY,
      path: simulatorSchemaFile(spec.vendor.id),
      content: `${generatedMarker([spec.vendor.spec])}\n${await schemaTypes(spec)}`,
    })),
  );
}
