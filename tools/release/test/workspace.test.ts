import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findUncoveredPackages, reviewSpecs } from "../src/spec-changeset";
import { listPublishedPackages, readVendorRegistry } from "../src/workspace";
import { WORKSPACE_ROOT } from "./support/temp-repo";

describe("the workspace", () => {
  it("has a pending changeset for every spec changed since its package's release (the CI guard)", async () => {
    const uncovered = await findUncoveredPackages(
      WORKSPACE_ROOT,
      await reviewSpecs(WORKSPACE_ROOT),
    );
    expect(
      uncovered.map((review) => review.vendor.package),
      "run `pnpm spec:changeset`",
    ).toEqual([]);
  }, 60_000);

  it("publishes every vendor client in the registry", async () => {
    const published = (await listPublishedPackages(WORKSPACE_ROOT)).map((pkg) => pkg.name);
    for (const vendor of await readVendorRegistry(WORKSPACE_ROOT)) {
      expect(published).toContain(vendor.package);
    }
  });

  it("lists every published package as a dev dependency, so turbo builds it before these tests", async () => {
    const manifest = JSON.parse(
      await readFile(join(WORKSPACE_ROOT, "tools/release/package.json"), "utf8"),
    );
    const devDependencies = Object.keys(manifest.devDependencies ?? {});
    for (const pkg of await listPublishedPackages(WORKSPACE_ROOT)) {
      expect(devDependencies, "add it with pnpm add -D --filter @rollcall/release-tools").toContain(
        pkg.name,
      );
    }
  });
});
