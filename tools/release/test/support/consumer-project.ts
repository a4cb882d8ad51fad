import { execFile } from "node:child_process";
import { access, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { WORKSPACE_ROOT, type CommandResult } from "./temp-repo";

const run = promisify(execFile);

const TSC = join(WORKSPACE_ROOT, "node_modules/typescript/bin/tsc");

/** One npm cache for every consumer project in a run, so each tarball's deps download once. */
export const NPM_CACHE = join(tmpdir(), "rollcall-release-npm-cache");

/**
 * Unsets what pnpm and npm scripts add to the environment (`npm_config_*`, `npm_package_*`, …):
 * a user's shell has none of it, and npm warns about pnpm's settings. (A variable set to
 * undefined is left out of a child's environment.)
 */
function plainUserEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => /^npm_/i.test(name))
      .map((name) => [name, undefined]),
  );
}

/** Runs a command and returns its outcome instead of throwing, for assertion messages. */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<CommandResult> {
  const timeout = options.timeout ?? 120_000;
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      timeout,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as {
      code?: number;
      killed?: boolean;
      stdout?: string;
      stderr?: string;
      message: string;
    };
    // A command stopped by its timeout says so: its own output ends mid-way, without an error.
    const stopped = failed.killed === true ? `\n(stopped after ${timeout} ms)` : "";
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: (failed.stderr || failed.message) + stopped,
    };
  }
}

/** Packs a workspace package the way publishing would (workspace: ranges rewritten). */
export async function packWorkspacePackage(
  directory: string,
  destination: string,
  builtFile = "dist/index.js",
): Promise<string> {
  const absolute = resolve(WORKSPACE_ROOT, directory);
  const built = await access(join(absolute, builtFile)).then(
    () => true,
    () => false,
  );
  if (!built)
    throw new Error(
      `${directory}: no ${builtFile} — build it first (turbo runs build before test)`,
    );
  const before = new Set(await readdir(destination));
  const packed = await runCommand("pnpm", ["pack", "--pack-destination", destination], {
    cwd: absolute,
  });
  if (packed.code !== 0) throw new Error(`pnpm pack in ${directory} failed:\n${packed.stderr}`);
  const tarball = (await readdir(destination)).find(
    (file) => file.endsWith(".tgz") && !before.has(file),
  );
  if (tarball === undefined) throw new Error(`pnpm pack in ${directory} wrote no tarball`);
  return join(destination, tarball);
}

/** Reads package/package.json out of a packed tarball. */
export async function packedManifest(tarball: string): Promise<Record<string, any>> {
  const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
  return JSON.parse(stdout) as Record<string, any>;
}

/**
 * A fresh npm project under the OS temp dir (outside the workspace, so nothing resolves from
 * the monorepo's node_modules) with exactly the given tarballs installed by plain npm.
 */
export async function createConsumerProject(tarballs: readonly string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "rollcall-consumer-"));
  // Each tarball by its package name, as a dependency and as an override: the packages depend on
  // each other by version (`@rollcall/core@^0.0.0`), and without the override npm would ask the
  // registry for those versions, which are not published (in CI that lookup once failed on a
  // proxy's certificate and retried for minutes).
  const local: Record<string, string> = {};
  for (const tarball of tarballs) local[(await packedManifest(tarball)).name] = `file:${tarball}`;
  await writeFile(
    join(root, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      version: "1.0.0",
      dependencies: local,
      overrides: local,
    }),
  );
  await mkdir(NPM_CACHE, { recursive: true });
  const installed = await runCommand(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--no-update-notifier",
      "--ignore-scripts",
      "--prefer-offline",
      "--cache",
      NPM_CACHE,
      // npm waits 5 minutes on a stalled registry request by default; a stalled fetch is dropped
      // after 30 s and retried, and the log names each fetch it made.
      "--fetch-timeout",
      "30000",
      "--fetch-retries",
      "4",
      "--loglevel",
      "http",
    ],
    // Registry dependencies (sql.js) come from the network into an empty cache on a fresh machine.
    { cwd: root, env: plainUserEnvironment(), timeout: 300_000 },
  );
  if (installed.code !== 0) throw new Error(`npm install in ${root} failed:\n${installed.stderr}`);
  return root;
}

/** Type-checks `files` in the consumer project as a strict, nodenext user would. */
export async function typecheckConsumer(
  root: string,
  files: Record<string, string>,
): Promise<CommandResult> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      // Check our published declarations too, not just the usage against them.
      skipLibCheck: false,
      noEmit: true,
      types: [],
    },
    files: Object.keys(files),
  };
  await writeFile(join(root, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  return runCommand(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: root });
}

/** The npm registry's `node@24` package, installed once per machine under the OS temp dir. */
export async function nodeFromRegistry(major: number): Promise<string> {
  const prefix = join(tmpdir(), `rollcall-node${major}`);
  const binary = join(prefix, "node_modules/node/bin/node");
  const version = await runCommand(binary, ["--version"], { cwd: tmpdir() });
  if (version.code === 0 && version.stdout.startsWith(`v${major}.`)) return binary;
  await mkdir(prefix, { recursive: true });
  // The package downloads its platform binary in an install script, which npm may block by default.
  const installed = await runCommand(
    "npm",
    [
      "install",
      `node@${major}`,
      "--prefix",
      prefix,
      "--no-save",
      "--foreground-scripts",
      "--ignore-scripts=false",
      "--no-audit",
      "--no-fund",
      "--cache",
      NPM_CACHE,
    ],
    { cwd: prefix, timeout: 170_000 },
  );
  if (installed.code !== 0)
    throw new Error(`npm install node@${major} failed:\n${installed.stderr}`);
  const check = await runCommand(binary, ["--version"], { cwd: tmpdir() });
  if (!check.stdout.startsWith(`v${major}.`))
    throw new Error(`node@${major} installed but reports ${check.stdout}${check.stderr}`);
  return binary;
}
