import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";
import { BENCH_DIR, REPO_ROOT } from "./repo-paths";

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
}

/**
 * Bundles an entry module (source text, resolved from tools/bench so the workspace packages resolve to
 * their built dist/ through package.json exports) the way an app bundler would: ESM, minified,
 * tree-shaken. `external` packages are left as imports, i.e. not counted.
 */
export async function measureBundle(
  entry: string,
  external: readonly string[],
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry, resolveDir: BENCH_DIR, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    external: [...external, "node:*"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** The value names a module exports (types erased), read from esbuild's metafile. */
export async function exportedNames(entryPoint: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    packages: "external",
    write: false,
    metafile: true,
    logLevel: "silent",
    outdir: "out",
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return [...(output?.exports ?? [])].sort();
}

// Core's two halves are bundled from their source entries: that measures exactly the runtime (or the
// identity model) whatever core's index re-exports, and esbuild's TS transpile matches tsdown's output
// before minification. Vendor clients are bundled from their built dist, as users get them.
export const CORE_RUNTIME_ENTRY = join(REPO_ROOT, "packages/core/src/runtime/index.ts");
export const CORE_IDENTITY_ENTRY = join(REPO_ROOT, "packages/core/src/identity/index.ts");

/** Core's client-runtime surface: what packages/core/src/runtime/index.ts exports. */
export function coreRuntimeNames(): Promise<string[]> {
  return exportedNames(CORE_RUNTIME_ENTRY);
}

/** `export { a, b } from "pkg";` */
export function reexport(names: readonly string[], from: string): string {
  return `export { ${names.join(", ")} } from ${JSON.stringify(from)};\n`;
}
