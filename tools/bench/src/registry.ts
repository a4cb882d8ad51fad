import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./repo-paths";

/** A row of the vendor registry (specs/vendors.json), the one list of vendors. */
export interface RegistryVendor {
  id: string;
  package: string;
  /** The package's folder, relative to the repo root. */
  directory: string;
}

export const REGISTRY_VENDORS: readonly RegistryVendor[] = (
  JSON.parse(readFileSync(join(REPO_ROOT, "specs/vendors.json"), "utf8")) as {
    vendors: RegistryVendor[];
  }
).vendors;
