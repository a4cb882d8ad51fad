// The emitters, run on the repository's own specs, write exactly the generated files each vendor
// package has committed (vendor.ts, operations.ts, client.ts, offboarding.ts): what every client's
// runtime checks, factory, listings and offboarding step are made of. The same promise as
// `generate --check` in CI, held here without linting or schema types so a change to an emitter
// that would alter a real client fails in this package's own tests. The bundled specs are the
// ones codegen itself committed to the simulators package (specs.ts, held by the same check), so
// each run needs no Redocly.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { specs } from "../../../packages/simulators/src/generated/specs";
import { clientSource } from "../src/client-module";
import { readStamp } from "../src/file-stamp";
import { absolutePath, planVendorFiles, SCHEMA_FILE } from "../src/generated-files";
import { offboardingSource } from "../src/offboarding-module";
import { operationsSource, readOperations } from "../src/operation-rules";
import { loadRegistry, type Vendor } from "../src/registry";
import { describeVendor } from "../src/vendor-descriptor";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const registry = await loadRegistry(ROOT);

/** Formatted as codegen formats it (the repo's Prettier config, parser babel-ts). */
async function formatted(content: string, path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path, { editorconfig: true })) ?? {};
  return prettier.format(content, { ...options, filepath: path, parser: "babel-ts" });
}

describe("the emitters reproduce each vendor's committed generated files", () => {
  it.each(registry.vendors.map((vendor) => [vendor.id, vendor] as [string, Vendor]))(
    "%s",
    async (_id, vendor) => {
      const spec = {
        vendor,
        document: structuredClone(specs[vendor.id as keyof typeof specs]) as Record<
          string,
          unknown
        >,
      };
      const descriptor = describeVendor(vendor, spec.document);
      const { rules, listings } = readOperations(spec);
      const files = planVendorFiles(
        vendor,
        "",
        descriptor,
        operationsSource(spec, rules),
        clientSource(vendor, spec.document, descriptor, listings),
        offboardingSource(spec, descriptor.mediaType),
      ).filter((file) => file.path !== SCHEMA_FILE);
      expect(files.map((file) => file.path)).toHaveLength(4);
      for (const file of files) {
        const path = absolutePath(ROOT, file);
        const committed = readStamp(await readFile(path, "utf8")).unstamped;
        expect(await formatted(file.content, path), `${vendor.id} ${file.path}`).toBe(committed);
      }
    },
  );
});
