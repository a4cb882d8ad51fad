// The registry drift guard on its own: which turbo.json input lists codegen accepts as naming a
// package's specs, and what it tells the maintainer when one does not (codegen.test.ts runs it
// inside the whole pipeline).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findMissingTurboInputs } from "../src/turbo-inputs";

const DIRECTORY = "packages/acme-client";
const FILE = `${DIRECTORY}/turbo.json`;
const SPEC = "specs/acme.yaml";
const REGISTRY = "$TURBO_ROOT$/specs/vendors.json";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "codegen-turbo-"));
  await mkdir(join(root, DIRECTORY), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const withInputs = async (generate: unknown, check: unknown = generate) =>
  writeFile(
    join(root, FILE),
    JSON.stringify({
      tasks: { generate: { inputs: generate }, "generate:check": { inputs: check } },
    }),
  );
const missing = (specs: string[] = [SPEC]) => findMissingTurboInputs(root, DIRECTORY, specs);
const mustInclude = (task: string, input: string) =>
  `${FILE}: tasks["${task}"].inputs must include "${input}"`;

describe("findMissingTurboInputs", () => {
  it.each([
    ["the exact paths", [`$TURBO_ROOT$/${SPEC}`, REGISTRY]],
    ["a * within the folder", ["$TURBO_ROOT$/specs/*.yaml", "$TURBO_ROOT$/specs/*.json"]],
    ["a ** across folders", ["$TURBO_ROOT$/**/*.yaml", "$TURBO_ROOT$/**"]],
    ["a **/ prefix", ["$TURBO_ROOT$/**/acme.yaml", "$TURBO_ROOT$/**/vendors.json"]],
  ])("accepts %s", async (_name, inputs) => {
    await withInputs(inputs);
    expect(await missing()).toEqual([]);
  });

  it("names every input missing from each task", async () => {
    await withInputs([REGISTRY], []);
    expect(await missing()).toEqual([
      mustInclude("generate", `$TURBO_ROOT$/${SPEC}`),
      mustInclude("generate:check", REGISTRY),
      mustInclude("generate:check", `$TURBO_ROOT$/${SPEC}`),
    ]);
  });

  it.each([
    [
      "a * that would have to cross a folder",
      ["$TURBO_ROOT$/*.yaml", "$TURBO_ROOT$/*/vendors.json"],
    ],
    ["a typo'd separator", ["$TURBO_ROOT$/specs.acme.yaml", REGISTRY]],
    ["a path that only starts the same", ["$TURBO_ROOT$/specs/acme.yaml.bak", REGISTRY]],
    ["a path that only ends the same", ["$TURBO_ROOT$/old/specs/acme.yaml", REGISTRY]],
    ["the path without $TURBO_ROOT$", [SPEC, REGISTRY]],
  ])("does not take %s for the spec", async (_name, inputs) => {
    await withInputs(inputs);
    expect(await missing()).toContainEqual(mustInclude("generate", `$TURBO_ROOT$/${SPEC}`));
  });

  it("takes malformed input lists as listing nothing, never crashing", async () => {
    await withInputs("$TURBO_ROOT$/specs/acme.yaml", [42, REGISTRY, `$TURBO_ROOT$/${SPEC}`]);
    expect(await missing()).toEqual([
      mustInclude("generate", REGISTRY),
      mustInclude("generate", `$TURBO_ROOT$/${SPEC}`),
    ]);
    await writeFile(join(root, FILE), JSON.stringify({ tasks: { generate: { inputs: [] } } }));
    expect(await missing([])).toEqual([
      mustInclude("generate", REGISTRY),
      mustInclude("generate:check", REGISTRY),
    ]);
    await writeFile(join(root, FILE), "null");
    expect(await missing([])).toEqual([
      mustInclude("generate", REGISTRY),
      mustInclude("generate:check", REGISTRY),
    ]);
  });

  it("says a missing or unparsable turbo.json cannot be read", async () => {
    expect(await missing()).toEqual([
      expect.stringMatching(/^packages\/acme-client\/turbo\.json: cannot read \(.*ENOENT/),
    ]);
    await writeFile(join(root, FILE), "{ not json");
    expect(await missing()).toEqual([
      expect.stringMatching(/^packages\/acme-client\/turbo\.json: cannot read \(.*JSON/),
    ]);
  });
});
