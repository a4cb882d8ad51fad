import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Config } from "@redocly/openapi-core";
import { CodegenError } from "./codegen-error";
import { isCurrent, readStamp, stampContent } from "./file-stamp";
import {
  absolutePath,
  planSimulatorFiles,
  planVendorFiles,
  simulatorsTarget,
  vendorTarget,
  type PlannedFile,
  type Target,
} from "./generated-files";
import { createFormatter, type Formatter } from "./formatting";
import { hashInputs } from "./input-hashes";
import { clientSource } from "./client-module";
import { offboardingSource } from "./offboarding-module";
import { operationsSource, readOperations } from "./operation-rules";
import { loadRegistry, SIMULATORS_TARGET, type Registry, type Vendor } from "./registry";
import { planSimulatorSchemaFiles } from "./simulator-schemas";
import { lintAndBundle, loadLintConfig, type BundledSpec } from "./spec-loading";
import { findMissingTurboInputs } from "./turbo-inputs";
import { generateSchemaTypes } from "./type-generation";
import { describeVendor } from "./vendor-descriptor";

export interface CodegenOptions {
  /** Repo root: specs/, redocly.yaml and the package folders are found from here. */
  readonly root: string;
  /** Vendor ids and/or "simulators"; empty means every vendor plus simulators. */
  readonly targets?: readonly string[];
  /** Compare with what is on disk instead of writing. */
  readonly check?: boolean;
  /** Ignore the stamps: lint every spec and regenerate every target (benchmarks, suspicion). */
  readonly force?: boolean;
  /** Defaults to specs/vendors.json under root. */
  readonly registry?: Registry;
}

export interface CodegenResult {
  /** Files written (generate) or found stale (check), relative to the root. */
  readonly changed: readonly string[];
  /** In check mode, one line per stale package; empty when everything is current. */
  readonly stale: readonly string[];
  /** Targets that had to be generated again; the rest were current by their stamps. */
  readonly regenerated: readonly string[];
  /** Vendors whose spec was linted; a spec already linted under the same config is not. */
  readonly linted: readonly string[];
}

/**
 * Lints, generates and formats every requested target whose stamped input and body hashes no
 * longer match, then writes the files or (with check) reports which packages are stale.
 * Throws CodegenError for anything the user must fix.
 */
export async function runCodegen(options: CodegenOptions): Promise<CodegenResult> {
  const { root, check = false, force = false } = options;
  const registry = options.registry ?? (await loadRegistry(options.root));
  const selected = selectTargets(registry, options.targets ?? []);
  await checkTurboInputs(root, registry, selected);

  // Every target's stamps are read, selected or not: any current file proves its specs passed
  // lint under today's config, which spares linting them again for another target.
  const everyTarget = [...registry.vendors.map(vendorTarget), simulatorsTarget(registry.vendors)];
  const inputs = await hashInputs(root, everyTarget);
  const onDisk = new Map(
    await Promise.all(
      everyTarget
        .flatMap(targetFiles)
        .map(async (file) => [file, await readIfExists(join(root, file))] as const),
    ),
  );
  const current = (file: string): boolean =>
    !force && isCurrent(onDisk.get(file), inputs.get(file));
  const work = selected.filter((target) => !targetFiles(target).every(current));
  if (work.length === 0) return { changed: [], stale: [], regenerated: [], linted: [] };

  const stampedForToday = (file: string): boolean =>
    !force &&
    inputs.get(file) !== undefined &&
    readStamp(onDisk.get(file) ?? "").stamp?.inputs === inputs.get(file);
  const provenClean = new Set(
    everyTarget
      .filter((target) => targetFiles(target).some(stampedForToday))
      .flatMap((target) => target.vendors.map((vendor) => vendor.id)),
  );
  const linted = new Set(
    registry.vendors.map((vendor) => vendor.id).filter((id) => !provenClean.has(id)),
  );

  const formatter = createFormatter();
  try {
    const files = await generate(root, registry, work, linted, formatter);
    const entries = files.map(({ file, content }) => {
      const path = join(file.directory, file.path);
      return { file, path, content: stampContent(content, inputs.get(path)) };
    });
    const changed = check
      ? entries.filter(({ path, content }) => !sameCode(onDisk.get(path), content))
      : entries.filter(({ path, content }) => onDisk.get(path) !== content);
    for (const { path, content } of check ? [] : changed) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    const specVendors = new Set(work.flatMap((t) => t.vendors.map((v) => v.id)));
    return {
      changed: changed.map(({ path }) => path),
      stale: check ? describeStale(changed.map(({ file }) => file)) : [],
      regenerated: work.map((target) => target.id),
      linted: registry.vendors
        .map((v) => v.id)
        .filter((id) => linted.has(id) && specVendors.has(id)),
    };
  } finally {
    await formatter.close();
  }
}

/** Lints (where needed), bundles, generates and formats the targets' files, unstamped. */
async function generate(
  root: string,
  registry: Registry,
  targets: readonly Target[],
  lint: ReadonlySet<string>,
  formatter: Formatter,
): Promise<{ file: PlannedFile; content: string }[]> {
  const config = await loadLintConfig(root);
  const ids = new Set(targets.flatMap((target) => target.vendors.map((vendor) => vendor.id)));
  const specVendors = registry.vendors.filter((vendor) => ids.has(vendor.id));
  const bundled = await lintAll(root, specVendors, config, lint);

  // Each file goes to the Prettier worker as soon as it is planned, overlapping the next spec.
  const formatted: Promise<{ file: PlannedFile; content: string }>[] = [];
  const submit = (file: PlannedFile): void => {
    const path = absolutePath(root, file);
    formatted.push(formatter.format(file.content, path).then((content) => ({ file, content })));
  };
  // The simulators carry every vendor's schema types too: generate each spec's types only once.
  const types = new Map<string, Promise<string>>();
  const schemaTypes = (spec: BundledSpec): Promise<string> => {
    const known = types.get(spec.vendor.id) ?? generateSchemaTypes(spec);
    types.set(spec.vendor.id, known);
    return known;
  };
  if (targets.some((target) => target.id === SIMULATORS_TARGET)) {
    planSimulatorFiles([...bundled.values()]).forEach(submit);
    (await planSimulatorSchemaFiles([...bundled.values()], schemaTypes)).forEach(submit);
  }
  for (const target of targets) {
    if (target.id === SIMULATORS_TARGET) continue;
    const vendor = target.vendors[0] as Vendor;
    const spec = bundled.get(vendor.id) as BundledSpec;
    const descriptor = describeVendor(vendor, spec.document);
    const { rules, listings } = readOperations(spec);
    const operations = operationsSource(spec, rules);
    const client = clientSource(vendor, spec.document, descriptor, listings);
    const offboarding = offboardingSource(spec, descriptor.mediaType);
    const schema = await schemaTypes(spec);
    planVendorFiles(vendor, schema, descriptor, operations, client, offboarding).forEach(submit);
  }
  return Promise.all(formatted);
}

/** A stamp that differs alone doesn't make code stale: `generate` refreshes it, `--check` passes. */
function sameCode(onDisk: string | undefined, generated: string): boolean {
  return onDisk !== undefined && readStamp(onDisk).unstamped === readStamp(generated).unstamped;
}

function targetFiles(target: Target): string[] {
  return target.paths.map((path) => join(target.directory, path));
}

async function checkTurboInputs(
  root: string,
  registry: Registry,
  targets: readonly Target[],
): Promise<void> {
  const problems = await Promise.all(
    targets.map((target) =>
      findMissingTurboInputs(
        root,
        target.directory,
        // The simulators list every registry spec; a vendor package only its own.
        (target.id === SIMULATORS_TARGET ? registry.vendors : target.vendors).map((v) => v.spec),
      ),
    ),
  );
  if (problems.flat().length > 0) throw new CodegenError(problems.flat());
}

function selectTargets(registry: Registry, targets: readonly string[]): Target[] {
  const unknown = targets.filter(
    (target) =>
      target !== SIMULATORS_TARGET && !registry.vendors.some((vendor) => vendor.id === target),
  );
  if (unknown.length > 0) {
    const known = [...registry.vendors.map((vendor) => vendor.id), SIMULATORS_TARGET].join(", ");
    throw new CodegenError(unknown.map((target) => `unknown target "${target}" (known: ${known})`));
  }
  const all = targets.length === 0;
  return [
    ...registry.vendors.filter((vendor) => all || targets.includes(vendor.id)).map(vendorTarget),
    ...(all || targets.includes(SIMULATORS_TARGET) ? [simulatorsTarget(registry.vendors)] : []),
  ];
}

/** Lints every spec before failing, so one run reports the problems of all of them. */
async function lintAll(
  root: string,
  vendors: readonly Vendor[],
  config: Config,
  lint: ReadonlySet<string>,
): Promise<Map<string, BundledSpec>> {
  const results = await Promise.allSettled(
    vendors.map((vendor) => lintAndBundle(root, vendor, config, { lint: lint.has(vendor.id) })),
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
