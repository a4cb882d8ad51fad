import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Vendor } from "./registry";

/**
 * A vendor package's skeleton (package.json, turbo.json, tsconfig, tsdown and vitest configs) is
 * the template in tools/codegen/templates/vendor-package with the registry row filled in, so a
 * new vendor starts from a registry row and no package drifts from the others. `generate` writes
 * them like generated code; `generate --check` reports every file that differs from its template.
 */
export const SKELETON_TEMPLATE = "tools/codegen/templates/vendor-package";

export const SKELETON_FILES = [
  "package.json",
  "turbo.json",
  "tsconfig.json",
  "tsdown.config.ts",
  "vitest.config.ts",
] as const;

/** The file as the registry row makes it: every `{{field}}` replaced. */
export async function renderSkeletonFile(
  root: string,
  vendor: Vendor,
  file: (typeof SKELETON_FILES)[number],
): Promise<string> {
  const template = await readFile(join(root, SKELETON_TEMPLATE, file), "utf8");
  const fields: Record<string, string> = {
    id: vendor.id,
    title: vendor.title,
    spec: vendor.spec,
    package: vendor.package,
    directory: vendor.directory,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
    const value = fields[name];
    if (value === undefined)
      throw new Error(`${SKELETON_TEMPLATE}/${file}: unknown ${placeholder}`);
    // Values land inside JSON strings too: escape them as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
}

/** JSON compares by value (key order and layout are Prettier's); the rest as text. */
function same(file: string, actual: string, expected: string): boolean {
  if (!file.endsWith(".json")) return actual === expected;
  try {
    return JSON.stringify(JSON.parse(actual)) === JSON.stringify(JSON.parse(expected));
  } catch {
    return false;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Checks (or, unless `check`, writes) the skeleton of each vendor's package. Returns one line per
 * file that is missing or differs from its template when checking, and the files written.
 */
export async function syncSkeletons(
  root: string,
  vendors: readonly Vendor[],
  check: boolean,
): Promise<{ stale: string[]; written: string[] }> {
  const stale: string[] = [];
  const written: string[] = [];
  for (const vendor of vendors) {
    for (const file of SKELETON_FILES) {
      const path = join(vendor.directory, file);
      const expected = await renderSkeletonFile(root, vendor, file);
      const actual = await readIfExists(join(root, path));
      if (actual !== undefined && same(file, actual, expected)) continue;
      if (!check) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), expected);
        written.push(path);
        continue;
      }
      stale.push(
        `${path}: ${actual === undefined ? "missing" : "differs from"} the vendor package ` +
          `template (${SKELETON_TEMPLATE}/${file}); change the template, not one package`,
      );
    }
  }
  return { stale, written };
}
