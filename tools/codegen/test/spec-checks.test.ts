import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findCoverageGaps, parseCoverageManifest } from "../src/coverage";
import { findExampleFailures } from "../src/example-checks";
import { findFidelityGaps, parseFidelityFixture } from "../src/fidelity";
import { loadRegistry, type Vendor } from "../src/registry";
import { lintAndBundle, loadLintConfig } from "../src/spec-loading";

// The real repo: these tests check the specs themselves, driven by the registry.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const registry = await loadRegistry(root);

/** A per-vendor JSON file every vendor must have, parsed; its absence names what is missing. */
async function readVendorJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(root, file), "utf8");
  } catch {
    throw new Error(`${file} is missing: every vendor needs a ${what}`);
  }
  return JSON.parse(text);
}

describe.each(registry.vendors.map((vendor) => [vendor.id, vendor] as const))(
  "spec %s",
  (_id, vendor: Vendor) => {
    let document: Record<string, unknown>;

    beforeAll(async () => {
      // Full root config here, Redocly's example rules included (codegen skips only those).
      const config = await loadLintConfig(root, { lintExamples: true });
      document = (await lintAndBundle(root, vendor, config)).document;
    });

    it("is OpenAPI 3.1 and passes the root Redocly config with no errors and no warnings", async () => {
      // beforeAll throws the lint findings (file:line:col rule) if there are any.
      expect(document["openapi"]).toMatch(/^3\.1\.\d+$/);
    });

    it("has every example valid against its schema, undeclared properties rejected", async () => {
      expect(await findExampleFailures(vendor.spec, document)).toEqual([]);
    });

    it("covers every endpoint, schema and property in its coverage manifest", async () => {
      const file = `specs/coverage/${vendor.id}.json`;
      const manifest = parseCoverageManifest(await readVendorJson(file, "coverage manifest"), file);
      expect(manifest.vendor).toBe(vendor.id);
      expect(findCoverageGaps(manifest, document).map((gap) => `${file}: ${gap}`)).toEqual([]);
    });

    it("agrees with the vendor's own published spec, field by field (specs/fidelity)", async () => {
      const file = `specs/fidelity/${vendor.id}.json`;
      const fixture = parseFidelityFixture(await readVendorJson(file, "fidelity fixture"), file);
      expect(fixture.vendor).toBe(vendor.id);
      expect(Object.keys(fixture.schemas).length, `${file} checks no schema`).toBeGreaterThan(0);
      expect(findFidelityGaps(fixture, document).map((gap) => `${file}: ${gap}`)).toEqual([]);
    });
  },
);

it("the root Redocly config extends recommended", async () => {
  const text = await readFile(join(root, "redocly.yaml"), "utf8");
  expect(text).toMatch(/extends:\s*\n\s*-\s*recommended\b/);
});
