import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Config } from "@redocly/openapi-core";
import { CodegenError } from "./codegen-error";
import {
  absolutePath,
  planSimulatorFiles,
  planVendorFiles,
  SIMULATORS_DIRECTORY,
  type PlannedFile,
} from "./generated-files";
import { createFormatter, type Formatter } from "./formatting";
import { loadRegistry, SIMULATORS_TARGET, type Registry, type Vendor } from "./registry";
import { lintAndBundle, loadLintConfig, type BundledSpec } from "./spec-loading";
import { findMissingTurboInputs } from "./turbo-inputs";
import { generateSchemaTypes } from "./type-generation";

export interface CodegenOptions {
  /** Repo root: specs/, redocly.yaml and the package folders are found from here. */
  readonly root: string;
  /** Vendor ids and/or "simulators"; empty means every vendor plus simulators. */
  readonly targets?: readonly string[];
  /** Compare with what is on disk instead of writing. */
  readonly check?: boolean;
  /** Defaults to specs/vendors.json under root. */
  readonly registry?: Registry;
}

export interface CodegenResult {
  /** Files written (generate) or found stale (check), relative to the root. */
  readonly changed: readonly string[];
  /** In check mode, one line per stale package; empty when everything is current. */
  readonly stale: readonly string[];
}

/**
 * Lints, generates and formats every requested target, then writes the files or (with check)
 * reports which packages are stale. Throws CodegenError for anything the user must fix.
 */
export async function runCodegen(options: CodegenOptions): Promise<CodegenResult> {
  const registry = options.registry ?? (await loadRegistry(options.root));
  const targets = selectTargets(registry, options.targets ?? []);
  const formatter = createFormatter();
  try {
    return await generate(options, registry, targets, formatter);
  } finally {
    await formatter.close();
  }
}

async function generate(
  options: CodegenOptions,
  registry: Registry,
  { vendors, simulators }: { vendors: Vendor[]; simulators: boolean },
  formatter: Formatter,
): Promise<CodegenResult> {
  const { root, check = false } = options;

  const driftProblems = (
    await Promise.all([
      ...vendors.map((vendor) => findMissingTurboInputs(root, vendor.directory, [vendor.spec])),
      ...(simulators
        ? [
            findMissingTurboInputs(
              root,
              SIMULATORS_DIRECTORY,
              registry.vendors.map((vendor) => vendor.spec),
            ),
          ]
        : []),
    ])
  ).flat();
  if (driftProblems.length > 0) throw new CodegenError(driftProblems);

  const config = await loadLintConfig(root);
  const specVendors = simulators ? registry.vendors : vendors;
  const bundled = await lintAll(root, specVendors, config);

  // Each file goes to the Prettier worker as soon as it is planned, overlapping the next spec.
  const formatted: Promise<{ file: PlannedFile; path: string; content: string }>[] = [];
  const submit = (file: PlannedFile): void => {
    const path = absolutePath(root, file);
    formatted.push(
      formatter.format(file.content, path).then((content) => ({ file, path, content })),
    );
  };
  if (simulators) planSimulatorFiles([...bundled.values()]).forEach(submit);
  for (const vendor of vendors) {
    const spec = bundled.get(vendor.id) as BundledSpec;
    planVendorFiles(vendor, await generateSchemaTypes(spec)).forEach(submit);
  }
  const files = await Promise.all(formatted);
  const changed = [];
  for (const entry of files) {
    if ((await readIfExists(entry.path)) !== entry.content) changed.push(entry);
  }
  const changedPaths = changed.map(({ file }) => join(file.directory, file.path));
  if (check) return { changed: changedPaths, stale: describeStale(changed.map((c) => c.file)) };

  for (const { path, content } of changed) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return { changed: changedPaths, stale: [] };
}

function selectTargets(
  registry: Registry,
  targets: readonly string[],
): { vendors: Vendor[]; simulators: boolean } {
  if (targets.length === 0) return { vendors: [...registry.vendors], simulators: true };
  const unknown = targets.filter(
    (target) =>
      target !== SIMULATORS_TARGET && !registry.vendors.some((vendor) => vendor.id === target),
  );
  if (unknown.length > 0) {
    const known = [...registry.vendors.map((vendor) => vendor.id), SIMULATORS_TARGET].join(", ");
    throw new CodegenError(unknown.map((target) => `unknown target "${target}" (known: ${known})`));
  }
  return {
    vendors: registry.vendors.filter((vendor) => targets.includes(vendor.id)),
    simulators: targets.includes(SIMULATORS_TARGET),
  };
}

/** Lints every spec before failing, so one run reports the problems of all of them. */
async function lintAll(
  root: string,
  vendors: readonly Vendor[],
  config: Config,
): Promise<Map<string, BundledSpec>> {
  const results = await Promise.allSettled(
    vendors.map((vendor) => lintAndBundle(root, vendor, config)),
  );
  const lines: string[] = [];
  const bundled = new Map<string, BundledSpec>();
  results.forEach((result, index) => {
    if (result.status === "fulfilled") bundled.set(result.value.vendor.id, result.value);
    else if (result.reason instanceof CodegenError) lines.push(...result.reason.lines);
    else lines.push(`${vendors[index]?.spec}: ${String(result.reason)}`);
  });
  if (lines.length > 0) throw new CodegenError(lines);
  return bundled;
}

function describeStale(files: readonly PlannedFile[]): string[] {
  const byPackage = new Map<string, string[]>();
  for (const file of files) {
    byPackage.set(file.packageName, [...(byPackage.get(file.packageName) ?? []), file.path]);
  }
  return [...byPackage].map(
    ([name, paths]) =>
      `${name}: ${paths.join(", ")} ${paths.length === 1 ? "is" : "are"} stale — run pnpm generate`,
  );
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}
