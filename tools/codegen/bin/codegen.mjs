#!/usr/bin/env node
// Runs src/cli.ts on Node 20 with no build step. The sources are bundled with esbuild (~50 ms)
// into node_modules/.cache/codegen/, keyed by a hash of src/, and that bundle is imported: unlike
// tsx's loader hooks, it adds nothing to each of the hundreds of library modules codegen imports.
// tsx remains the fallback when the cache can't be built or written.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";

const srcDirectory = new URL("../src/", import.meta.url);
const cacheDirectory = new URL("../node_modules/.cache/codegen/", import.meta.url);
// Node 22.1+ can also cache compiled bytecode (typescript alone takes ~0.7 s to compile).
module.enableCompileCache?.(fileURLToPath(new URL("v8/", cacheDirectory)));

const cli = await importCli();
process.exitCode = await cli.main(process.argv.slice(2), cli.REPO_ROOT);

async function importCli() {
  let bundle;
  try {
    bundle = await cachedBundle();
  } catch {
    const { register } = await import("tsx/esm/api");
    register();
    return import("../src/cli.ts");
  }
  return import(bundle.href);
}

async function cachedBundle() {
  const entry = new URL("cli.ts", srcDirectory);
  // The checkout's location is part of the key: the bundle has it built in (see define below).
  const hash = createHash("sha256").update(`${entry.href}\n`);
  for (const name of readdirSync(srcDirectory).sort()) {
    hash
      .update(`${name}\n`)
      .update(readFileSync(new URL(name, srcDirectory)))
      .update("\n");
  }
  const bundle = new URL(`cli-${hash.digest("hex").slice(0, 16)}.mjs`, cacheDirectory);
  if (existsSync(bundle)) return bundle;

  const { build } = await import("esbuild");
  mkdirSync(cacheDirectory, { recursive: true });
  const temporary = new URL(`${bundle.pathname.split("/").pop()}.${process.pid}.tmp`, bundle);
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile: fileURLToPath(temporary),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    // Every module is in src/, so paths built from import.meta.url (the Prettier worker, the
    // repo root) stay right when they run from the cache folder.
    define: { "import.meta.url": JSON.stringify(entry.href) },
  });
  // Several packages run codegen at once under turbo: rename is atomic, the last one wins.
  renameSync(temporary, bundle);
  for (const name of readdirSync(cacheDirectory)) {
    if (/^cli-.*\.mjs$/.test(name) && name !== bundle.pathname.split("/").pop()) {
      rmSync(new URL(name, cacheDirectory), { force: true });
    }
  }
  return bundle;
}
