import { ReleaseError } from "./release-error";

export type OpenApiDocument = Record<string, unknown>;

type OpenApiCore = typeof import("@redocly/openapi-core");

// Loaded lazily: openapi-core is the slowest import, and `--check` on an unchanged spec needn't pay.
let core: Promise<OpenApiCore> | undefined;
const loadCore = (): Promise<OpenApiCore> => (core ??= import("@redocly/openapi-core"));

/**
 * Parses a spec (YAML or JSON) and inlines every $ref, so two versions compare by meaning rather
 * than by how they were factored into components. Recursive schemas stay as object cycles.
 */
export async function dereferenceSpec(source: string, label: string): Promise<OpenApiDocument> {
  const { bundleFromString, createConfig } = await loadCore();
  let parsed: unknown;
  try {
    const config = await createConfig({});
    const result = await bundleFromString({
      source,
      absoluteRef: label,
      config,
      dereference: true,
    });
    parsed = result.bundle.parsed;
  } catch (error) {
    throw new ReleaseError(`${label}: cannot be parsed (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ReleaseError(`${label}: not an OpenAPI document (expected a mapping at the top)`);
  }
  return parsed as OpenApiDocument;
}

/** Parses without resolving refs: descriptive edits are reported where they were written. */
export async function parseSpec(source: string, label: string): Promise<OpenApiDocument> {
  const { parseYaml } = await loadCore();
  let parsed: unknown;
  try {
    parsed = parseYaml(source);
  } catch (error) {
    throw new ReleaseError(`${label}: cannot be parsed (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ReleaseError(`${label}: not an OpenAPI document (expected a mapping at the top)`);
  }
  return parsed as OpenApiDocument;
}
