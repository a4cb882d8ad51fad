import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ReleaseError } from "./release-error";
import type { VersionBump } from "./spec-change";

export const CHANGESET_DIR = ".changeset";

/** A changeset waiting in .changeset/ for `changeset version` to consume it. */
export interface PendingChangeset {
  readonly file: string;
  readonly releases: ReadonlyMap<string, VersionBump | "none">;
}

const BUMPS = new Set(["major", "minor", "patch", "none"]);

/** Reads the front matter of every pending changeset (README.md is changesets' own note). */
export async function readPendingChangesets(root: string): Promise<PendingChangeset[]> {
  let files: string[];
  try {
    files = await readdir(join(root, CHANGESET_DIR));
  } catch {
    return [];
  }
  const pending: PendingChangeset[] = [];
  for (const file of files.filter((name) => name.endsWith(".md") && name !== "README.md").sort()) {
    const text = await readFile(join(root, CHANGESET_DIR, file), "utf8");
    pending.push({ file, releases: parseReleases(`${CHANGESET_DIR}/${file}`, text) });
  }
  return pending;
}

export function parseReleases(file: string, text: string): Map<string, VersionBump | "none"> {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (match === null) throw new ReleaseError(`${file}: no front matter (--- … ---) at the top`);
  const releases = new Map<string, VersionBump | "none">();
  const lines = (match[1] ?? "").split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const entry = /^\s*(["']?)(.+?)\1\s*:\s*(\w+)\s*$/.exec(line);
    const bump = entry?.[3];
    if (entry === null || bump === undefined || !BUMPS.has(bump)) {
      throw new ReleaseError(
        `${file}:${index + 2}: expected "<package>": major|minor|patch|none, got ${JSON.stringify(line)}`,
      );
    }
    releases.set(entry[2] ?? "", bump as VersionBump | "none");
  });
  return releases;
}

/** The changeset a spec change gets: named after the vendor and the spec state it describes. */
export function specChangesetFileName(vendorId: string, shortHash: string): string {
  return `spec-${vendorId}-${shortHash}.md`;
}

/**
 * Writes the vendor's spec changeset, replacing earlier pending ones for the same vendor: each is
 * computed against the same release, so the newest one already covers everything they said.
 */
export async function writeSpecChangeset(
  root: string,
  options: {
    readonly vendorId: string;
    readonly shortHash: string;
    readonly packageName: string;
    readonly bump: VersionBump;
    readonly summary: string;
  },
): Promise<string> {
  const file = specChangesetFileName(options.vendorId, options.shortHash);
  for (const existing of await readPendingChangesets(root)) {
    if (existing.file.startsWith(`spec-${options.vendorId}-`) && existing.file !== file) {
      await rm(join(root, CHANGESET_DIR, existing.file));
    }
  }
  const text = `---\n${JSON.stringify(options.packageName)}: ${options.bump}\n---\n\n${options.summary.trim()}\n`;
  await writeFile(join(root, CHANGESET_DIR, file), text);
  return `${CHANGESET_DIR}/${file}`;
}
