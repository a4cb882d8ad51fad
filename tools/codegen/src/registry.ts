import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CodegenError } from "./codegen-error";

/** One vendor from specs/vendors.json: the single source of truth for ids, specs and packages. */
export interface Vendor {
  /** Short lowercase id, used on the command line and as the spec's file stem. */
  readonly id: string;
  /** Human-facing product name. */
  readonly title: string;
  /** Spec path relative to the repo root, e.g. specs/acme.yaml. */
  readonly spec: string;
  /** npm name of the client package the types are generated into. */
  readonly package: string;
  /** Client package folder relative to the repo root. */
  readonly directory: string;
  /** Production base URL the client uses when none is given. */
  readonly defaultBaseUrl: string;
}

export interface Registry {
  readonly vendors: readonly Vendor[];
}

export const REGISTRY_PATH = "specs/vendors.json";

/** Reserved for the simulators target on the command line, so no vendor may take it. */
export const SIMULATORS_TARGET = "simulators";

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const RELATIVE_PATH_PATTERN = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/;
const PACKAGE_PATTERN = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export async function loadRegistry(root: string): Promise<Registry> {
  const file = join(root, REGISTRY_PATH);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CodegenError(`${REGISTRY_PATH}: cannot read the vendor registry at ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CodegenError(`${REGISTRY_PATH}: not valid JSON (${(error as Error).message})`);
  }
  return parseRegistry(raw);
}

/** Checks the registry's shape field by field; the error names the exact field that is wrong. */
export function parseRegistry(raw: unknown): Registry {
  const where = REGISTRY_PATH;
  if (!isObject(raw)) throw new CodegenError(`${where}: must be a JSON object with "vendors"`);
  const list = raw["vendors"];
  if (!Array.isArray(list) || list.length === 0) {
    throw new CodegenError(`${where}: "vendors" must be a non-empty array`);
  }
  const vendors = list.map((entry, index) => parseVendor(entry, `${where}: vendors[${index}]`));
  for (const key of ["id", "spec", "package", "directory"] as const) {
    const seen = new Set<string>();
    vendors.forEach((vendor, index) => {
      if (seen.has(vendor[key])) {
        throw new CodegenError(
          `${where}: vendors[${index}].${key} "${vendor[key]}" is used by another vendor`,
        );
      }
      seen.add(vendor[key]);
    });
  }
  return { vendors };
}

function parseVendor(entry: unknown, where: string): Vendor {
  if (!isObject(entry)) throw new CodegenError(`${where} must be an object`);
  const field = (name: keyof Vendor): string => {
    const value = entry[name];
    if (typeof value !== "string" || value.trim() === "") {
      throw new CodegenError(`${where}.${name} must be a non-empty string`);
    }
    return value;
  };
  const vendor: Vendor = {
    id: field("id"),
    title: field("title"),
    spec: field("spec"),
    package: field("package"),
    directory: field("directory"),
    defaultBaseUrl: field("defaultBaseUrl"),
  };
  if (!ID_PATTERN.test(vendor.id)) {
    throw new CodegenError(`${where}.id "${vendor.id}" must match ${ID_PATTERN}`);
  }
  if (vendor.id === SIMULATORS_TARGET) {
    throw new CodegenError(`${where}.id "${vendor.id}" is reserved for the simulators target`);
  }
  if (!RELATIVE_PATH_PATTERN.test(vendor.spec) || !/\.ya?ml$/.test(vendor.spec)) {
    throw new CodegenError(
      `${where}.spec "${vendor.spec}" must be a .yaml path relative to the repo root`,
    );
  }
  if (!RELATIVE_PATH_PATTERN.test(vendor.directory)) {
    throw new CodegenError(
      `${where}.directory "${vendor.directory}" must be a path relative to the repo root`,
    );
  }
  if (!PACKAGE_PATTERN.test(vendor.package)) {
    throw new CodegenError(`${where}.package "${vendor.package}" is not a valid npm package name`);
  }
  let url: URL;
  try {
    url = new URL(vendor.defaultBaseUrl);
  } catch {
    throw new CodegenError(`${where}.defaultBaseUrl "${vendor.defaultBaseUrl}" is not a URL`);
  }
  if (url.protocol !== "https:" || url.search || url.hash || vendor.defaultBaseUrl.endsWith("/")) {
    throw new CodegenError(
      `${where}.defaultBaseUrl "${vendor.defaultBaseUrl}" must be an https URL without query, fragment or trailing slash`,
    );
  }
  return vendor;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
