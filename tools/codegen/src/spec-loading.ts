import { access } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Config, NormalizedProblem } from "@redocly/openapi-core";
import { CodegenError } from "./codegen-error";
import type { Vendor } from "./registry";

/** A spec that passed lint, bundled into one document whose refs all point inside it. */
export interface BundledSpec {
  readonly vendor: Vendor;
  readonly document: Record<string, unknown>;
}

type OpenApiCore = typeof import("@redocly/openapi-core");

// Loaded lazily: openapi-core is the slowest import, and `--help` or a registry error needn't pay.
let core: Promise<OpenApiCore> | undefined;
const loadCore = (): Promise<OpenApiCore> => (core ??= import("@redocly/openapi-core"));

export const REDOCLY_CONFIG_PATH = "redocly.yaml";

/**
 * Redocly's example rules compile every example with ajv and cost more than all the rest of
 * codegen together. Examples never change generated types, and the spec checks in
 * tools/codegen/test validate every example (strictly) with the full config, so `generate`
 * leaves just these three to the tests.
 */
export const EXAMPLE_RULES = [
  "no-invalid-media-type-examples",
  "no-invalid-parameter-examples",
  "no-invalid-schema-examples",
] as const;

export interface LintConfigOptions {
  /** Keep Redocly's example rules on (the spec tests do; codegen doesn't, for speed). */
  readonly lintExamples?: boolean;
}

export async function loadLintConfig(
  root: string,
  options: LintConfigOptions = {},
): Promise<Config> {
  const { loadConfig } = await loadCore();
  const configPath = join(root, REDOCLY_CONFIG_PATH);
  try {
    const config = await loadConfig({ configPath });
    if (!options.lintExamples) {
      for (const rule of EXAMPLE_RULES) {
        for (const rules of Object.values(config.styleguide.rules)) rules[rule] = "off";
      }
    }
    return config;
  } catch (error) {
    throw new CodegenError(`${REDOCLY_CONFIG_PATH}: cannot load (${(error as Error).message})`);
  }
}

/**
 * Lints the vendor's spec with the root Redocly config, then bundles it. Any error or warning
 * stops here: generated types must never come from a spec the linter has doubts about.
 * `lint: false` only bundles: for a spec that already passed this exact config (codegen knows
 * from the input hashes stamped into its generated files).
 */
export async function lintAndBundle(
  root: string,
  vendor: Vendor,
  config: Config,
  { lint: lintFirst = true }: { readonly lint?: boolean } = {},
): Promise<BundledSpec> {
  const { lint, bundle, BaseResolver } = await loadCore();
  const specPath = join(root, vendor.spec);
  try {
    await access(specPath);
  } catch {
    throw new CodegenError(`${vendor.spec}: spec file not found (vendor "${vendor.id}")`);
  }
  // One resolver for lint and bundle, so the spec (and any file it refs) is read and parsed once.
  const resolver = new BaseResolver(config.resolve);
  let problems: NormalizedProblem[] = [];
  try {
    if (lintFirst) problems = await lint({ ref: specPath, config, externalRefResolver: resolver });
  } catch (error) {
    throw new CodegenError(`${vendor.spec}: cannot be parsed (${(error as Error).message})`);
  }
  const found = problems.filter((problem) => !problem.ignored);
  if (found.length > 0) {
    throw new CodegenError(await Promise.all(found.map((p) => describeProblem(root, p))));
  }
  const bundled = await bundle({
    ref: specPath,
    config,
    externalRefResolver: resolver,
    dereference: false,
  });
  const bundleProblems = bundled.problems.filter((problem) => !problem.ignored);
  if (bundleProblems.length > 0) {
    throw new CodegenError(await Promise.all(bundleProblems.map((p) => describeProblem(root, p))));
  }
  return { vendor, document: bundled.bundle.parsed as Record<string, unknown> };
}

/** `specs/x.yaml:12:7 error no-unresolved-refs Can't resolve $ref "#/components/schemas/Y"` */
export async function describeProblem(root: string, problem: NormalizedProblem): Promise<string> {
  const { getLineColLocation } = await loadCore();
  const location = problem.location[0];
  let message = problem.message;
  if (location === undefined) return `${problem.severity} ${problem.ruleId} ${message}`;
  const file = displayPath(root, location.source.absoluteRef);
  const { start } = getLineColLocation(location);
  if (problem.ruleId === "no-unresolved-refs" && location.pointer !== undefined) {
    // Redocly's message omits the ref itself; the reader needs it to find the typo.
    const ref = await refAt(location.source.body, location.pointer);
    if (ref !== undefined) message = `Can't resolve $ref "${ref}"`;
  }
  return `${file}:${start.line}:${start.col} ${problem.severity} ${problem.ruleId} ${message}`;
}

async function refAt(body: string, pointer: string): Promise<string | undefined> {
  const { parseYaml, unescapePointer } = await loadCore();
  let node: unknown = parseYaml(body);
  for (const segment of pointer.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[unescapePointer(segment)];
  }
  const ref = typeof node === "object" && node !== null ? (node as { $ref?: unknown }).$ref : node;
  return typeof ref === "string" ? ref : undefined;
}

function displayPath(root: string, absoluteRef: string): string {
  const path = relative(root, absoluteRef);
  return path.startsWith("..") ? absoluteRef : path.split("\\").join("/");
}
