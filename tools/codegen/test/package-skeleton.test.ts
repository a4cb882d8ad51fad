import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/cli";
import { SKELETON_FILES, SKELETON_TEMPLATE, syncSkeletons } from "../src/package-skeleton";
import { loadRegistry, type Vendor } from "../src/registry";

const acme: Vendor = {
  id: "acme",
  title: 'Acme "Ops"',
  spec: "specs/acme.yaml",
  package: "@rollcall/acme-client",
  directory: "packages/acme-client",
  defaultBaseUrl: "https://api.acme.example",
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "rollcall-skeleton-"));
  await cp(join(REPO_ROOT, SKELETON_TEMPLATE), join(root, SKELETON_TEMPLATE), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("a vendor package's skeleton", () => {
  it("is written for a new registry row, with its id, title, spec and package filled in", async () => {
    const { written, stale } = await syncSkeletons(root, [acme], false);
    expect(stale).toEqual([]);
    expect(written).toEqual(SKELETON_FILES.map((file) => `packages/acme-client/${file}`));
    const manifest = JSON.parse(
      await readFile(join(root, "packages/acme-client/package.json"), "utf8"),
    );
    expect(manifest).toMatchObject({
      name: "@rollcall/acme-client",
      description: 'Typed Acme "Ops" API client generated from a hand-written OpenAPI 3.1 spec.',
      repository: { directory: "packages/acme-client" },
      scripts: { "generate:check": "node ../../tools/codegen/bin/codegen.mjs acme --check" },
      dependencies: { "@rollcall/core": "workspace:^" },
    });
    expect(manifest.keywords).toContain("acme");
    const turbo = await readFile(join(root, "packages/acme-client/turbo.json"), "utf8");
    expect(JSON.parse(turbo).tasks.generate.inputs).toContain("$TURBO_ROOT$/specs/acme.yaml");
    expect(await syncSkeletons(root, [acme], true)).toEqual({ stale: [], written: [] });
  });

  it("is reported by --check when one package strays from the template, and put back by generate", async () => {
    await syncSkeletons(root, [acme], false);
    const path = join(root, "packages/acme-client/package.json");
    const manifest = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, JSON.stringify({ ...manifest, dependencies: { lodash: "^4" } }));
    await rm(join(root, "packages/acme-client/vitest.config.ts"));

    const { stale } = await syncSkeletons(root, [acme], true);
    expect(stale).toEqual([
      "packages/acme-client/package.json: differs from the vendor package template " +
        `(${SKELETON_TEMPLATE}/package.json); change the template, not one package`,
      "packages/acme-client/vitest.config.ts: missing the vendor package template " +
        `(${SKELETON_TEMPLATE}/vitest.config.ts); change the template, not one package`,
    ]);

    expect((await syncSkeletons(root, [acme], false)).written).toEqual([
      "packages/acme-client/package.json",
      "packages/acme-client/vitest.config.ts",
    ]);
    expect(JSON.parse(await readFile(path, "utf8")).dependencies).toEqual(manifest.dependencies);
  });

  it("ignores layout and key order in JSON, as Prettier may change them", async () => {
    await syncSkeletons(root, [acme], false);
    const path = join(root, "packages/acme-client/turbo.json");
    await writeFile(path, JSON.stringify(JSON.parse(await readFile(path, "utf8"))));
    expect((await syncSkeletons(root, [acme], true)).stale).toEqual([]);
  });

  it("matches the template in every package of this repository", async () => {
    const { vendors } = await loadRegistry(REPO_ROOT);
    expect(vendors.length).toBeGreaterThan(0);
    expect((await syncSkeletons(REPO_ROOT, vendors, true)).stale).toEqual([]);
  });
});
