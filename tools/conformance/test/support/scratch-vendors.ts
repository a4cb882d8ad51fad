// Vendors that exist only for a test: their specs and registry rows generated, as `pnpm generate`
// would, into a temporary copy of the repo's layout — so a test runs the code codegen writes for a
// spec without adding a vendor to the repo.
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runCodegen } from "@rollcall/codegen/src/codegen.ts";
import { syncSkeletons } from "@rollcall/codegen/src/package-skeleton.ts";
import { REPO_ROOT } from "@rollcall/codegen/src/cli.ts";

/** A registry row of specs/vendors.json. */
export interface RegistryRow {
  id: string;
  title: string;
  spec: string;
  package: string;
  directory: string;
  defaultBaseUrl: string;
}

export interface ScratchVendors {
  root: string;
  /** A generated module of a vendor, e.g. `load("acme", "client.ts")`. */
  load(id: string, file: string): Promise<Record<string, unknown>>;
  remove(): Promise<void>;
}

/** The registry row of a scratch vendor `id`, laid out like the shipped ones. */
export const scratchRow = (id: string, title: string, defaultBaseUrl: string): RegistryRow => ({
  id,
  title,
  spec: `specs/${id}.yaml`,
  package: `@rollcall/${id}-client`,
  directory: `packages/${id}-client`,
  defaultBaseUrl,
});

export async function generateScratchVendors(
  vendors: readonly { row: RegistryRow; spec: string }[],
): Promise<ScratchVendors> {
  const root = await mkdtemp(join(tmpdir(), "rollcall-scratch-vendors-"));
  for (const file of [
    "redocly.yaml",
    ".prettierrc.json",
    "tsconfig.base.json",
    "tools/codegen/templates",
  ]) {
    await cp(join(REPO_ROOT, file), join(root, file), { recursive: true });
  }
  const rows = vendors.map(({ row }) => row);
  await mkdir(join(root, "specs"));
  await writeFile(join(root, "specs/vendors.json"), JSON.stringify({ vendors: rows }));
  for (const { row, spec } of vendors) await writeFile(join(root, row.spec), spec);
  await syncSkeletons(root, rows, false);
  await runCodegen({ root, targets: rows.map((row) => row.id) });
  for (const row of rows) {
    // What `pnpm install` would link: the package's one runtime dependency of ours.
    await mkdir(join(root, row.directory, "node_modules/@rollcall"), { recursive: true });
    await symlink(
      join(REPO_ROOT, "packages/core"),
      join(root, row.directory, "node_modules/@rollcall/core"),
    );
  }
  const directory = new Map(rows.map((row) => [row.id, row.directory]));
  return {
    root,
    load: (id, file) =>
      import(pathToFileURL(join(root, directory.get(id)!, "src/generated", file)).href),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
