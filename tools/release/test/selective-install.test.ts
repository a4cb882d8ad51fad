import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOpsgenieClient } from "@rollcall/opsgenie-client";
import type { SimulatedVendor } from "@rollcall/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSpec } from "../src/spec-loading";
import { readVendorRegistry, type VendorEntry } from "../src/workspace";
import { CJS_CONSUMER, ESM_CONSUMER, typedUsage } from "./support/consumer-scripts";
import {
  createConsumerProject,
  nodeFromRegistry,
  packedManifest,
  packWorkspacePackage,
  runCommand,
  typecheckConsumer,
} from "./support/consumer-project";
import { WORKSPACE_ROOT } from "./support/temp-repo";
// The CLI's own test helper: which variables point it at simulators (the CLI's facts, not ours).
import { simulatorEnv } from "../../rollcall/test/simulator-env";

const CORE = { package: "@rollcall/core", directory: "packages/core" };

/** The only runtime dependencies a vendor client may bring into a user's install. */
const CLIENT_DEPENDENCIES = ["@rollcall/core", "openapi-fetch"];

// Each vendor client, installed on its own from packed tarballs into a project outside the
// workspace, must load from ESM and CJS, call a simulator, and type-check under nodenext —
// on this machine's Node and on Node 24.
const vendors = await readVendorRegistry(WORKSPACE_ROOT);

let packDir: string;
let coreTarball: string;
const nodes: { label: string; binary: string }[] = [
  { label: `node ${process.version}`, binary: process.execPath },
];
const projects: string[] = [];

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), "rollcall-packed-"));
  coreTarball = await packWorkspacePackage(CORE.directory, packDir);
  if (!process.version.startsWith("v24.")) {
    nodes.push({ label: "node 24", binary: await nodeFromRegistry(24) });
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(
    [packDir, ...projects].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

/** `createRootlyClient`: the factory every vendor client exports (see ARCHITECTURE.md). */
function factoryName(vendor: VendorEntry): string {
  return `create${vendor.id.charAt(0).toUpperCase()}${vendor.id.slice(1)}Client`;
}

/** A GET the simulator can answer with no arguments (a list call where there is one). */
async function simplestGet(vendor: VendorEntry): Promise<string> {
  const spec = await parseSpec(
    await readFile(join(WORKSPACE_ROOT, vendor.spec), "utf8"),
    vendor.spec,
  );
  const candidates = Object.entries((spec.paths ?? {}) as Record<string, any>).filter(
    ([path, item]) =>
      item.get !== undefined &&
      !path.includes("{") &&
      ![...(item.parameters ?? []), ...(item.get.parameters ?? [])].some((p: any) => p.required),
  );
  // A list call needs no arguments at all; a get may still need one of several optional ones
  // (OpsGenie's getUser wants exactly one of id and username, checked before sending).
  const list = candidates.find(([, item]) => /^list/.test(item.get.operationId ?? ""));
  const chosen = list ?? candidates[0];
  if (chosen !== undefined) return chosen[0];
  throw new Error(`${vendor.spec}: no GET without required parameters to smoke-test with`);
}

/** The simulator's credentials as the options a user would pass (secret getters read here). */
function credentialOptions(credentials: unknown): Record<string, string> {
  const options: Record<string, string> = {};
  for (const key of ["apiKey", "token", "username", "password"]) {
    const value = (credentials as Record<string, unknown>)[key];
    if (typeof value === "string") options[key] = value;
  }
  return options;
}

async function runConsumer(project: string, node: string, file: string, env: NodeJS.ProcessEnv) {
  const result = await runCommand(node, [file], { cwd: project, env });
  expect(result.code, `${file} failed:\n${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as {
    exportNames: string[];
    status?: number;
    hasData?: boolean;
  };
}

describe("@rollcall/core on its own", () => {
  let project: string;

  beforeAll(async () => {
    project = await createConsumerProject([coreTarball]);
    projects.push(project);
    await writeFile(join(project, "consumer.mjs"), ESM_CONSUMER);
    await writeFile(join(project, "consumer.cjs"), CJS_CONSUMER);
  }, 120_000);

  it("loads the same exports from import and require on every Node", async () => {
    for (const node of nodes) {
      const env = { CONSUMER_PACKAGE: CORE.package };
      const esm = await runConsumer(project, node.binary, "consumer.mjs", env);
      const cjs = await runConsumer(project, node.binary, "consumer.cjs", env);
      expect(esm.exportNames.length, node.label).toBeGreaterThan(0);
      expect(cjs.exportNames, node.label).toEqual(esm.exportNames);
    }
  }, 60_000);

  it("type-checks from ESM and CJS under strict nodenext", async () => {
    const result = await typecheckConsumer(project, typedUsage(CORE.package, undefined));
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 60_000);
});

describe.each(vendors)("$package installed alone", (vendor) => {
  let project: string;
  let manifest: Record<string, any>;

  beforeAll(async () => {
    const tarball = await packWorkspacePackage(vendor.directory, packDir);
    manifest = await packedManifest(tarball);
    project = await createConsumerProject([coreTarball, tarball]);
    projects.push(project);
    await writeFile(join(project, "consumer.mjs"), ESM_CONSUMER);
    await writeFile(join(project, "consumer.cjs"), CJS_CONSUMER);
  }, 120_000);

  it("depends at runtime on exactly openapi-fetch and @rollcall/core", () => {
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(CLIENT_DEPENDENCIES);
    expect(manifest.peerDependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
  });

  it("calls its simulator from import and from require, on every Node", async () => {
    // Imported here so the core checks above still run while the simulators are being built.
    const { startVendor } = await import("@rollcall/simulators");
    const simulator = await startVendor(vendor.id as SimulatedVendor);
    try {
      const env = {
        CONSUMER_PACKAGE: vendor.package,
        CONSUMER_FACTORY: factoryName(vendor),
        CONSUMER_BASE_URL: simulator.url,
        CONSUMER_CREDENTIALS: JSON.stringify(credentialOptions(simulator.credentials)),
        CONSUMER_PATH: await simplestGet(vendor),
      };
      for (const node of nodes) {
        const esm = await runConsumer(project, node.binary, "consumer.mjs", env);
        const cjs = await runConsumer(project, node.binary, "consumer.cjs", env);
        expect(esm, node.label).toMatchObject({ status: 200, hasData: true });
        expect(cjs, node.label).toMatchObject({ status: 200, hasData: true });
        expect(cjs.exportNames, node.label).toEqual(esm.exportNames);
      }
      expect(simulator.requestCount(), "requests the simulator saw").toBe(nodes.length * 2);
    } finally {
      await simulator.close();
    }
  }, 60_000);

  it("type-checks from ESM and CJS under strict nodenext", async () => {
    const result = await typecheckConsumer(
      project,
      typedUsage(vendor.package, factoryName(vendor)),
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 60_000);
});

// The CLI as a user gets it: its tarball and those of the workspace packages it depends on,
// installed by plain npm into an empty project, every command run through node_modules/.bin.
describe("@rollcall/cli installed from its tarballs", () => {
  const CLI = { package: "@rollcall/cli", directory: "tools/rollcall" };
  let project: string;
  let manifest: Record<string, any>;

  beforeAll(async () => {
    // A folder of its own: the vendor clients' tarballs above carry the same names.
    const own = await mkdtemp(join(packDir, "cli-"));
    const tarballs = [coreTarball];
    for (const directory of [...vendors.map((vendor) => vendor.directory), "packages/simulators"]) {
      tarballs.push(await packWorkspacePackage(directory, own));
    }
    const cli = await packWorkspacePackage(CLI.directory, own, "dist/cli.mjs");
    manifest = await packedManifest(cli);
    project = await createConsumerProject([...tarballs, cli]);
    projects.push(project);
    // Packing six packages and installing them with their registry dependencies: minutes when the
    // machine is loaded, and nothing is wrong.
  }, 420_000);

  it("depends on the workspace packages by version and on sql.js, with no install script", () => {
    const dependencies = manifest.dependencies as Record<string, string>;
    expect(Object.keys(dependencies).sort()).toEqual(
      [
        "@rollcall/core",
        "@rollcall/simulators",
        ...vendors.map((vendor) => vendor.package),
        "sql.js",
      ].sort(),
    );
    for (const range of Object.values(dependencies)) expect(range).not.toMatch(/^workspace:/);
    expect(manifest.bin).toEqual({ rollcall: "./dist/cli.mjs" });
    expect(manifest.scripts?.install ?? manifest.scripts?.postinstall).toBeUndefined();
  });

  const rollcall = (node: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCommand(node, [join(project, "node_modules/.bin/rollcall"), ...args], { cwd: project, env });

  it("runs every command on its embedded simulators, on every Node", async () => {
    const ava = "ava.chen@harbourline.example";
    let people: { email: string }[] = [];
    for (const node of nodes) {
      const help = await rollcall(node.binary, ["--help"]);
      expect(help.code, `${node.label}: ${help.stderr}`).toBe(0);
      expect(help.stdout).toMatch(/^Usage: rollcall <command>/m);
      const directory = await rollcall(node.binary, ["directory", "--json"]);
      expect(directory.code, `${node.label}: ${directory.stderr}`).toBe(0);
      people = (JSON.parse(directory.stdout) as { people: { email: string }[] }).people;
      expect(people.map((person) => person.email)).toContain(ava);
    }
    const node = process.execPath;
    const outcomes = {
      whois: await rollcall(node, ["whois", ava]),
      access: await rollcall(node, ["access", ava, "--json"]),
      scim: await rollcall(node, ["scim"]),
      offboard: await rollcall(node, ["offboard", "gary.holt@harbourline.example"]),
    };
    for (const [command, outcome] of Object.entries(outcomes)) {
      expect(outcome.code, `${command}: ${outcome.stderr}`).toBe(0);
    }
    expect(outcomes.whois.stdout).toContain(`Ava Chen <${ava}>`);
    expect(JSON.parse(outcomes.access.stdout).grants.length).toBeGreaterThan(0);
    expect(JSON.parse(outcomes.scim.stdout).Resources.length).toBe(people.length);
    expect(outcomes.offboard.stdout).toMatch(/gary\.holt@harbourline\.example/);
  }, 240_000);

  it("snapshot, a change, snapshot: diff shows exactly that change, on every Node", async () => {
    const { startAll } = await import("@rollcall/simulators");
    const sims = await startAll({ seed: "demo" });
    try {
      const env = simulatorEnv(sims);
      for (const [index, node] of nodes.entries()) {
        const store = join(project, `review-${index}.db`);
        const first = await rollcall(node.binary, ["snapshot", "--store", store], env);
        expect(first.code, `${node.label}: ${first.stderr}`).toBe(0);
        // A user promoted to Admin through the OpsGenie API.
        const user = sims.opsgenie.store.users.find((candidate) => candidate.role === "User")!;
        const opsgenie = createOpsgenieClient({
          apiKey: sims.opsgenie.credentials.apiKey,
          baseUrl: sims.opsgenie.url,
        });
        const promoted = await opsgenie.POST("/v1/json/user", {
          body: { id: user.id, role: "Admin" },
        });
        expect(promoted.response.status).toBe(200);
        const second = await rollcall(node.binary, ["snapshot", "--store", store], env);
        expect(second.code, `${node.label}: ${second.stderr}`).toBe(0);
        const history = await rollcall(node.binary, ["history", "--json", "--store", store]);
        expect(JSON.parse(history.stdout).snapshots).toHaveLength(2);
        const diff = await rollcall(node.binary, ["diff", "--json", "--store", store]);
        expect(diff.code, `${node.label}: ${diff.stderr}`).toBe(0);
        const { changes, unknownVendors } = JSON.parse(diff.stdout);
        expect(unknownVendors).toEqual([]);
        expect(changes).toEqual([
          expect.objectContaining({
            type: "privilege-changed",
            vendor: "opsgenie",
            account: { vendor: "opsgenie", kind: "opsgenie.user", id: user.id },
            to: "admin",
          }),
        ]);
        sims.opsgenie.reset();
      }
    } finally {
      await sims.close();
    }
  }, 240_000);
});
