// Which targets a run generates and which specs it lints (README: "Lint only what changed"):
// skipping work must never skip a check that a changed or unprovable input needs.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { CodegenError } from "../src/codegen-error";
import { runCodegen } from "../src/codegen";

const FIXTURE = new URL("./fixtures/repo/", import.meta.url);
const SPEC = "specs/acme.yaml";
const VENDOR = "packages/acme-client/src/generated/vendor.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "codegen-lint-"));
  await cp(FIXTURE, root, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const read = (path: string) => readFile(join(root, path), "utf8");

it("lints a spec that refs another file, even before anything was generated", async () => {
  await writeFile(
    join(root, "specs/error.yaml"),
    "type: object\nproperties:\n  error:\n    type: string\n",
  );
  const spec = (await read(SPEC)).replace(
    '$ref: "#/components/schemas/Error"',
    '$ref: "./error.yaml"',
  );
  // The local Error schema is now unused: a lint warning, which must stop generation.
  await writeFile(join(root, SPEC), spec);
  const error = await runCodegen({ root, targets: ["acme"] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).lines).toEqual([
    expect.stringMatching(/^specs\/acme\.yaml:\d+:\d+ warn no-unused-components /),
  ]);
});

it("regenerates a deleted file without linting its unchanged spec again", async () => {
  await runCodegen({ root, targets: ["acme"] });
  const vendor = await read(VENDOR);
  await rm(join(root, VENDOR));
  const again = await runCodegen({ root, targets: ["acme"] });
  expect(again).toEqual({ changed: [VENDOR], stale: [], regenerated: ["acme"], linted: [] });
  expect(await read(VENDOR)).toBe(vendor);
});

it("generates only the targets asked for", async () => {
  const result = await runCodegen({ root, targets: ["simulators"] });
  expect(result).toMatchObject({
    changed: [
      "packages/simulators/src/generated/specs.ts",
      "packages/simulators/src/generated/acme-schema.ts",
    ],
    regenerated: ["simulators"],
    linted: ["acme"],
  });
  expect(await readdir(join(root, "packages/acme-client"))).toEqual(["turbo.json"]);
});

it("generates only the vendor asked for, not the simulators", async () => {
  const result = await runCodegen({ root, targets: ["acme"] });
  expect(result.regenerated).toEqual(["acme"]);
  expect(result.changed.filter((path) => path.startsWith("packages/simulators/"))).toEqual([]);
});

it("names the spec when it cannot be read for a reason other than being missing", async () => {
  await rm(join(root, SPEC));
  await mkdir(join(root, SPEC));
  const error = await runCodegen({ root, targets: ["acme"] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).lines).toEqual([expect.stringMatching(/^specs\/acme\.yaml: .+/)]);
});

it("lints and generates only the vendor asked for: another vendor's broken spec does not stop it", async () => {
  // A second vendor, its package listing its own spec, whose spec does not lint.
  const registry = JSON.parse(await read("specs/vendors.json")) as {
    vendors: Record<string, string>[];
  };
  const beta = {
    ...registry.vendors[0],
    id: "beta",
    title: "Beta",
    spec: "specs/beta.yaml",
    package: "@fixture/beta-client",
    directory: "packages/beta-client",
    defaultBaseUrl: "https://api.beta.test",
  };
  await writeFile(
    join(root, "specs/vendors.json"),
    JSON.stringify({ ...registry, vendors: [...registry.vendors, beta] }),
  );
  await writeFile(join(root, "specs/beta.yaml"), "openapi: 3.1.0\ninfo: {}\n");
  const turbo = (await read("packages/acme-client/turbo.json")).replaceAll(
    "acme.yaml",
    "beta.yaml",
  );
  await mkdir(join(root, "packages/beta-client"));
  await writeFile(join(root, "packages/beta-client/turbo.json"), turbo);

  const result = await runCodegen({ root, targets: ["acme"] });
  expect(result).toMatchObject({ regenerated: ["acme"], linted: ["acme"] });
  expect(await readdir(join(root, "packages/beta-client"))).toEqual(["turbo.json"]);

  // Asked for, beta is a known target whose spec's findings stop it.
  const error = await runCodegen({ root, targets: ["beta"] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CodegenError);
  const lines = (error as CodegenError).lines;
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/^specs\/beta\.yaml:\d+:\d+ /);
});
