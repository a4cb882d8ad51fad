import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ReleaseError } from "./release-error";

/** One row of specs/vendors.json: the vendor's spec and the package generated from it. */
export interface VendorEntry {
  readonly id: string;
  readonly title: string;
  readonly spec: string;
  readonly package: string;
  readonly directory: string;
}

/** A workspace package that is published to npm (not `private`). */
export interface PublishedPackage {
  readonly name: string;
  readonly version: string;
  readonly directory: string;
}

export const VENDOR_REGISTRY_PATH = "specs/vendors.json";

/** Roots that hold published packages; tools/* are private by convention and checked anyway. */
const PACKAGE_ROOTS = ["packages", "tools"];

export async function readVendorRegistry(root: string): Promise<VendorEntry[]> {
  const raw = await readJson(root, VENDOR_REGISTRY_PATH);
  const vendors = (raw as { vendors?: unknown }).vendors;
  if (!Array.isArray(vendors)) {
    throw new ReleaseError(`${VENDOR_REGISTRY_PATH}: expected a "vendors" array`);
  }
  return vendors.map((row: unknown, index) => {
    const where = `${VENDOR_REGISTRY_PATH}: vendors[${index}]`;
    if (typeof row !== "object" || row === null)
      throw new ReleaseError(`${where} is not an object`);
    const entry = row as Record<string, unknown>;
    for (const field of ["id", "title", "spec", "package", "directory"]) {
      if (typeof entry[field] !== "string" || entry[field] === "") {
        throw new ReleaseError(`${where}: "${field}" must be a non-empty string`);
      }
    }
    return {
      id: entry.id as string,
      title: entry.title as string,
      spec: entry.spec as string,
      package: entry.package as string,
      directory: entry.directory as string,
    };
  });
}

/** Every non-private package under packages/ and tools/, sorted by name. */
export async function listPublishedPackages(root: string): Promise<PublishedPackage[]> {
  const found: PublishedPackage[] = [];
  for (const parent of PACKAGE_ROOTS) {
    let entries;
    try {
      entries = await readdir(join(root, parent), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const directory = `${parent}/${entry.name}`;
      let manifest: unknown;
      try {
        manifest = await readJson(root, `${directory}/package.json`);
      } catch (error) {
        if (error instanceof ReleaseError && error.message.endsWith("not found")) continue;
        throw error;
      }
      const { name, version, private: isPrivate } = manifest as Record<string, unknown>;
      if (isPrivate === true) continue;
      if (typeof name !== "string" || typeof version !== "string") {
        throw new ReleaseError(
          `${directory}/package.json: published packages need "name" and "version"`,
        );
      }
      found.push({ name, version, directory });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

async function readJson(root: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(root, path), "utf8");
  } catch {
    throw new ReleaseError(`${path}: not found`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReleaseError(`${path}: invalid JSON (${(error as Error).message})`);
  }
}
