import { fileURLToPath } from "node:url";
import { CodegenError } from "./codegen-error";
import { runCodegen } from "./codegen";
import { syncSkeletons } from "./package-skeleton";
import { loadRegistry } from "./registry";

const USAGE = "usage: codegen [<vendor-id>|simulators ...] [--check] [--force]";

/** Runs the CLI and returns the process exit code; output goes through the given writers. */
export async function main(
  args: readonly string[],
  root: string,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    out(USAGE);
    return 0;
  }
  const flags = args.filter((arg) => arg.startsWith("-"));
  const unknownFlags = flags.filter((flag) => flag !== "--check" && flag !== "--force");
  if (unknownFlags.length > 0) {
    err(`codegen: unknown option ${unknownFlags.join(", ")}\n${USAGE}`);
    return 2;
  }
  const check = flags.includes("--check");
  const force = flags.includes("--force");
  const targets = args.filter((arg) => !arg.startsWith("-"));
  try {
    const result = await runCodegen({ root, targets, check, force });
    const registry = await loadRegistry(root);
    const vendors = registry.vendors.filter(
      (vendor) => targets.length === 0 || targets.includes(vendor.id),
    );
    const skeleton = await syncSkeletons(root, vendors, check);
    const stale = [...result.stale, ...skeleton.stale];
    if (check) {
      for (const line of stale) err(line);
      return stale.length > 0 ? 1 : 0;
    }
    for (const path of [...result.changed, ...skeleton.written]) out(`codegen: wrote ${path}`);
    return 0;
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    for (const line of error.lines) err(line);
    return 1;
  }
}

/** tools/codegen/src → repo root; packages call the tool by path, from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
