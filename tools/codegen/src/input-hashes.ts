import { readdir, readFile, realpath } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contentHash } from "./file-stamp";
import type { Target } from "./generated-files";
import type { Vendor } from "./registry";
import { REDOCLY_CONFIG_PATH } from "./spec-loading";

const SOURCE_DIRECTORY = fileURLToPath(new URL("./", import.meta.url));

/**
 * Hash of everything a generated file depends on, keyed by its repo-relative path: codegen's own
 * source, the versions of the libraries that shape the output, redocly.yaml (a spec only counts
 * as linted under the config it passed), the vendors' registry entries and spec bytes, the file's
 * path and its resolved Prettier options. Undefined for a file whose inputs can't all be hashed:
 * a missing spec (the real run reports it) or a spec that refs other files.
 */
export async function hashInputs(
  root: string,
  targets: readonly Target[],
): Promise<Map<string, string | undefined>> {
  const vendors = new Map(targets.flatMap((t) => t.vendors).map((v) => [v.id, v]));
  const [tool, lintConfig, specs, prettier] = await Promise.all([
    toolFingerprint(),
    readFile(join(root, REDOCLY_CONFIG_PATH)).catch(() => "missing"),
    Promise.all([...vendors.values()].map((v) => hashSpec(root, v))),
    import("prettier"),
  ]);
  const specHashes = new Map([...vendors.keys()].map((id, i) => [id, specs[i]]));
  const hashes = new Map<string, string | undefined>();
  await Promise.all(
    targets.flatMap((target) => {
      const perSpec = target.vendors.map((v) => specHashes.get(v.id));
      const complete = perSpec.every((hash) => hash !== undefined);
      return target.paths.map(async (path) => {
        const file = join(target.directory, path);
        if (!complete) return void hashes.set(file, undefined);
        // Prettier's own resolution, as the format worker does it; uncached, since a long-lived
        // process (a test run, a watcher) must see a config edited since its last call.
        const options = await prettier.resolveConfig(join(root, file), {
          editorconfig: true,
          useCache: false,
        });
        hashes.set(
          file,
          contentHash(
            tool,
            lintConfig,
            JSON.stringify(target.vendors),
            ...(perSpec as string[]),
            file,
            JSON.stringify(options),
          ),
        );
      });
    }),
  );
  return hashes;
}

async function hashSpec(root: string, vendor: Vendor): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, vendor.spec), "utf8");
  } catch {
    return undefined;
  }
  return refsOtherFiles(text) ? undefined : contentHash(text);
}

/**
 * Any `$ref` whose value doesn't start with `#` may point at another file, whose changes the spec's
 * own bytes wouldn't show. Errs on the side of "yes": such a spec is simply never cached.
 */
export function refsOtherFiles(specText: string): boolean {
  for (const match of specText.matchAll(/\$ref["']?\s*:\s*(\S)/g)) {
    const first =
      match[1] === '"' || match[1] === "'" ? specText[match.index + match[0].length] : match[1];
    if (first !== "#") return true;
  }
  return false;
}

// Codegen's source and the library versions are the same for every file; hash them once a run.
let fingerprint: Promise<string> | undefined;
function toolFingerprint(): Promise<string> {
  return (fingerprint ??= (async () => {
    const names = (await readdir(SOURCE_DIRECTORY)).filter((n) => /\.[cm]?[jt]s$/.test(n)).sort();
    const sources = await Promise.all(
      names.map(async (name) => `${name}\n${await readFile(join(SOURCE_DIRECTORY, name), "utf8")}`),
    );
    const openapiTs = await packageDirectory("openapi-typescript", SOURCE_DIRECTORY);
    const versions = await Promise.all([
      packageVersion(openapiTs),
      packageVersion(await packageDirectory("@redocly/openapi-core", SOURCE_DIRECTORY)),
      packageVersion(await packageDirectory("prettier", SOURCE_DIRECTORY)),
      // openapi-typescript prints its AST with whichever TypeScript it resolves.
      packageVersion(openapiTs && (await packageDirectory("typescript", openapiTs))),
    ]);
    return contentHash(...sources, ...versions);
  })());
}

/** Node's lookup: node_modules/<name> in this folder or the nearest ancestor that has it. */
async function packageDirectory(name: string, from: string): Promise<string | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      return await realpath(join(dir, "node_modules", name));
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

async function packageVersion(directory: string | undefined): Promise<string> {
  if (directory === undefined) return "missing";
  try {
    const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8"));
    return `${manifest.name}@${manifest.version}`;
  } catch {
    return "missing";
  }
}
