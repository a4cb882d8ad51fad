import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ReleaseError } from "./release-error";

const run = promisify(execFile);

/** Where a package was last released: the revision a spec is compared against. */
export interface ReleaseBase {
  /** A revision git understands (tag name or commit). */
  readonly rev: string;
  /** How the base was chosen, for humans: `@rollcall/x@1.2.0`, `--base main`, `first commit of specs/x.yaml`. */
  readonly label: string;
}

export async function git(root: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new ReleaseError(
      `git ${args.join(" ")} failed in ${root}: ${stderr || (error as Error).message}`,
    );
  }
}

export async function repositoryRoot(cwd: string): Promise<string> {
  return (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
}

/** The file's content at `rev`, or undefined when it did not exist there. */
export async function readFileAtRevision(
  root: string,
  rev: string,
  path: string,
): Promise<string | undefined> {
  try {
    return await git(root, ["show", `${rev}:${path}`]);
  } catch {
    return undefined;
  }
}

/** Git's short blob id for some content: names a spec state without committing it. */
export async function shortContentHash(root: string, path: string): Promise<string> {
  const full = (await git(root, ["hash-object", "--", path])).trim();
  return full.slice(0, 7);
}

/**
 * The newest `<package>@<version>` tag (changesets' tag format), else the commit that first added
 * the spec — before a package's first release, everything since then ships in the initial release.
 */
export async function findReleaseBase(
  root: string,
  packageName: string,
  specPath: string,
): Promise<ReleaseBase | undefined> {
  const tags = (await git(root, ["tag", "--list", `${packageName}@*`])).split("\n");
  const newest = newestReleaseTag(packageName, tags);
  if (newest !== undefined) return { rev: `refs/tags/${newest}`, label: newest };
  const added = (
    await git(root, ["log", "--diff-filter=A", "--format=%H", "--", specPath]).catch(() => "")
  )
    .trim()
    .split("\n")
    .filter(Boolean);
  const first = added.at(-1);
  if (first === undefined) return undefined;
  return { rev: first, label: `first commit of ${specPath} (${first.slice(0, 7)})` };
}

/** Picks the highest semver among tags named exactly `<package>@<version>`. */
export function newestReleaseTag(packageName: string, tags: readonly string[]): string | undefined {
  let best: { tag: string; version: number[]; prerelease: boolean } | undefined;
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (!trimmed.startsWith(`${packageName}@`)) continue;
    const match = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/.exec(
      trimmed.slice(packageName.length + 1),
    );
    if (match === null) continue;
    const version = [Number(match[1]), Number(match[2]), Number(match[3])];
    const candidate = { tag: trimmed, version, prerelease: match[4] !== undefined };
    if (best === undefined || compareRelease(candidate, best) > 0) best = candidate;
  }
  return best?.tag;
}

function compareRelease(
  a: { version: number[]; prerelease: boolean },
  b: { version: number[]; prerelease: boolean },
): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a.version[i] ?? 0) - (b.version[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // 1.0.0 outranks 1.0.0-beta.1; two prereleases of one version are not worth ordering finer.
  return Number(!a.prerelease) - Number(!b.prerelease);
}
