import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPendingChangesets } from "../src/changeset-files";
import { listPublishedPackages, type PublishedPackage } from "../src/workspace";
import { TempRepo, WORKSPACE_ROOT } from "./support/temp-repo";

// Versions every published package on a copy of the workspace's manifests and pending changesets,
// exactly as `pnpm changeset version` would on release day, and checks the outcome.
describe("the first release", () => {
  let repo: TempRepo;
  let published: PublishedPackage[];

  beforeAll(async () => {
    published = await listPublishedPackages(WORKSPACE_ROOT);
    repo = await TempRepo.create();
    await repo.copyWorkspaceManifests();
    await repo.commitAll("workspace manifests");
    const result = await repo.changeset(["version"]);
    expect(result.code, result.stderr).toBe(0);
  }, 60_000);

  afterAll(() => repo?.remove());

  it("has a pending changeset that releases every published package", async () => {
    const pending = await readPendingChangesets(WORKSPACE_ROOT);
    const initial = pending.find((changeset) => changeset.file === "initial-release.md");
    expect(initial, ".changeset/initial-release.md").toBeDefined();
    expect([...initial!.releases.keys()].sort()).toEqual(published.map((pkg) => pkg.name).sort());
    expect(published.length).toBeGreaterThan(0);
  });

  it("versions every published package 1.0.0 with a changelog saying so", async () => {
    for (const pkg of published) {
      const manifest = await repo.readJson(`${pkg.directory}/package.json`);
      expect(manifest.version, pkg.name).toBe("1.0.0");
      const changelog = await repo.read(`${pkg.directory}/CHANGELOG.md`);
      expect(changelog).toMatch(
        new RegExp(`^# ${pkg.name.replace("/", "\\/")}\\n\\n## 1\\.0\\.0\\n`),
      );
      expect(changelog).toContain("### Major Changes");
      expect(changelog).toContain("First public release.");
    }
  });

  it("keeps workspace ranges between packages for pnpm to rewrite at publish time", async () => {
    for (const pkg of published) {
      const manifest = await repo.readJson(`${pkg.directory}/package.json`);
      for (const [name, range] of Object.entries<string>(manifest.dependencies ?? {})) {
        if (name.startsWith("@rollcall/"))
          expect(range, `${pkg.name} → ${name}`).toBe("workspace:^");
      }
    }
  });

  it("consumes the changesets it applied", async () => {
    expect(await readPendingChangesets(repo.root)).toEqual([]);
  });
});
