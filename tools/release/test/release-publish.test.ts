import { access } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPublishedPackages, type PublishedPackage } from "../src/workspace";
import { FakeRegistry } from "./support/fake-registry";
import { TempRepo, WORKSPACE_ROOT, type CommandResult } from "./support/temp-repo";

/** File names in a .tgz, read straight from the tar headers (512-byte blocks). */
function tarballFiles(tarball: Buffer): string[] {
  const tar = gunzipSync(tarball);
  const names: string[] = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar.toString("utf8", offset, offset + 100).replace(/\0.*$/s, "");
    if (name === "") break;
    const size = parseInt(
      tar.toString("utf8", offset + 124, offset + 136).replace(/\0.*$/s, ""),
      8,
    );
    names.push(name.replace(/^package\//, ""));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

// `pnpm release` is build + `changeset publish`. This runs the publish half on a copy of the
// workspace (built output included) against a loopback registry: nothing can reach npm.
describe("changeset publish after the first version", () => {
  let repo: TempRepo;
  let registry: FakeRegistry;
  let published: PublishedPackage[];
  let publish: CommandResult;

  beforeAll(async () => {
    published = await listPublishedPackages(WORKSPACE_ROOT);
    registry = await FakeRegistry.start();
    repo = await TempRepo.create();
    await repo.copyWorkspaceManifests();
    for (const pkg of published) {
      for (const file of ["dist", "README.md"]) {
        const path = `${pkg.directory}/${file}`;
        if (await exists(join(WORKSPACE_ROOT, path))) await repo.copyFromWorkspace(path);
      }
    }
    await repo.linkWorkspaceDependencies(published);
    // Both routes point npm at the fake registry; the token only satisfies npm's login check.
    const host = registry.url.replace(/^http:/, "");
    await repo.write(
      ".npmrc",
      `registry=${registry.url}\n${host}:_authToken=fake-token-for-loopback\n`,
    );
    await repo.commitAll("workspace at release");
    const versioned = await repo.changeset(["version"]);
    expect(versioned.code, versioned.stderr).toBe(0);
    await repo.commitAll("version packages");
    publish = await repo.changeset(["publish"], {
      npm_config_registry: registry.url,
      npm_config_provenance: "false",
    });
  }, 180_000);

  afterAll(async () => {
    await registry?.stop();
    await repo?.remove();
  });

  it("publishes every published package once, to the fake registry only", () => {
    expect(publish.code, `${publish.stdout}\n${publish.stderr}`).toBe(0);
    const names = registry.published.map((entry) => `${entry.name}@${entry.version}`).sort();
    expect(names).toEqual(published.map((pkg) => `${pkg.name}@1.0.0`).sort());
  });

  it("tags each release as <package>@<version>, the tags spec:changeset compares against", async () => {
    const tags = (await repo.git("tag", "--list")).split("\n").filter(Boolean).sort();
    expect(tags).toEqual(published.map((pkg) => `${pkg.name}@1.0.0`).sort());
  });

  it("rewrites workspace ranges to real versions in what it uploads", () => {
    for (const entry of registry.published) {
      const ranges = Object.values<string>({
        ...entry.manifest.dependencies,
        ...entry.manifest.peerDependencies,
      });
      expect(
        ranges.filter((range) => range.startsWith("workspace:")),
        entry.name,
      ).toEqual([]);
      for (const [name, range] of Object.entries<string>(entry.manifest.dependencies ?? {})) {
        if (name.startsWith("@rollcall/")) expect(range, `${entry.name} → ${name}`).toBe("^1.0.0");
      }
    }
  });

  it("uploads the built ESM, CJS and both declaration files, the README and the changelog", () => {
    for (const pkg of published) {
      const entry = registry.published.find((candidate) => candidate.name === pkg.name);
      const files = entry === undefined ? [] : tarballFiles(entry.tarball);
      // A library's four entry files; a command-line package (bin, no exports) its binaries.
      const bin = entry?.manifest.exports === undefined ? entry?.manifest.bin : undefined;
      const built =
        bin === undefined
          ? ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"]
          : Object.values<string>(bin).map((path) => path.replace(/^\.\//, ""));
      for (const file of [...built, "README.md", "CHANGELOG.md", "package.json"]) {
        expect(files, `${pkg.name} tarball`).toContain(file);
      }
      expect(
        files.filter((file) => file.startsWith("src/") || file.startsWith("test/")),
        pkg.name,
      ).toEqual([]);
    }
  });
});
