import { execFile } from "node:child_process";
import {
  access,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The real monorepo: read from, never written to by these tests. */
export const WORKSPACE_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

const CHANGESET_BIN = join(WORKSPACE_ROOT, "node_modules/@changesets/cli/bin.js");
const SPEC_CHANGESET = join(WORKSPACE_ROOT, "tools/release/src/spec-changeset.ts");
const TSX = join(WORKSPACE_ROOT, "node_modules/tsx/dist/cli.mjs");

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A throwaway git repository shaped like the monorepo, under the OS temp dir. */
export class TempRepo {
  private constructor(readonly root: string) {}

  static async create(): Promise<TempRepo> {
    const root = await mkdtemp(join(tmpdir(), "rollcall-release-"));
    const repo = new TempRepo(root);
    await repo.git("init", "-q", "-b", "main");
    await repo.git("config", "user.email", "release-test@example.invalid");
    await repo.git("config", "user.name", "Release Test");
    await repo.git("config", "commit.gpgsign", "false");
    await repo.git("config", "tag.gpgsign", "false");
    // changesets resolves its changelog module from the repo; lend it the workspace's install.
    await symlink(join(WORKSPACE_ROOT, "node_modules"), join(root, "node_modules"), "dir");
    await writeFile(join(root, ".gitignore"), "node_modules\n");
    return repo;
  }

  async copyFromWorkspace(path: string): Promise<void> {
    await mkdir(dirname(join(this.root, path)), { recursive: true });
    await cp(join(WORKSPACE_ROOT, path), join(this.root, path), { recursive: true });
  }

  /** Copies the root manifests, .changeset/ and every workspace package.json (the ignore list
   *  in .changeset/config.json names private tools, which must exist for it to validate). */
  async copyWorkspaceManifests(): Promise<void> {
    for (const path of ["package.json", "pnpm-workspace.yaml", ".changeset"]) {
      await this.copyFromWorkspace(path);
    }
    for (const parent of ["packages", "tools"]) {
      for (const entry of await readdir(join(WORKSPACE_ROOT, parent), { withFileTypes: true })) {
        const manifest = `${parent}/${entry.name}/package.json`;
        if (!entry.isDirectory()) continue;
        const exists = await access(join(WORKSPACE_ROOT, manifest)).then(
          () => true,
          () => false,
        );
        if (exists) await this.copyFromWorkspace(manifest);
      }
    }
  }

  /**
   * Links each copied package's workspace dependencies (dev ones too: pnpm rewrites every
   * `workspace:` range at publish) into its node_modules, as `pnpm install` would.
   */
  async linkWorkspaceDependencies(
    packages: readonly { name: string; directory: string }[],
  ): Promise<void> {
    for (const pkg of packages) {
      const manifest = await this.readJson(`${pkg.directory}/package.json`);
      const ranges = { ...manifest.dependencies, ...manifest.devDependencies };
      for (const [name, range] of Object.entries<string>(ranges)) {
        const target = packages.find((candidate) => candidate.name === name);
        if (!range.startsWith("workspace:") || target === undefined) continue;
        const link = join(this.root, pkg.directory, "node_modules", name);
        await mkdir(dirname(link), { recursive: true });
        await symlink(join(this.root, target.directory), link, "dir");
      }
    }
  }

  async write(path: string, text: string): Promise<void> {
    await mkdir(dirname(join(this.root, path)), { recursive: true });
    await writeFile(join(this.root, path), text);
  }

  read(path: string): Promise<string> {
    return readFile(join(this.root, path), "utf8");
  }

  async readJson(path: string): Promise<Record<string, any>> {
    return JSON.parse(await this.read(path)) as Record<string, any>;
  }

  async git(...args: string[]): Promise<string> {
    return (await run("git", args, { cwd: this.root })).stdout;
  }

  async commitAll(message: string): Promise<void> {
    await this.git("add", "-A");
    await this.git("commit", "-q", "-m", message);
  }

  changeset(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    return this.exec(process.execPath, [CHANGESET_BIN, ...args], env);
  }

  specChangeset(...args: string[]): Promise<CommandResult> {
    return this.exec(process.execPath, [TSX, SPEC_CHANGESET, ...args]);
  }

  async exec(
    file: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv = {},
  ): Promise<CommandResult> {
    try {
      const { stdout, stderr } = await run(file, args, {
        cwd: this.root,
        env: { ...process.env, ...env },
        maxBuffer: 32 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return {
        code: typeof failed.code === "number" ? failed.code : 1,
        stdout: failed.stdout ?? "",
        stderr: failed.stderr ?? "",
      };
    }
  }

  remove(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}
