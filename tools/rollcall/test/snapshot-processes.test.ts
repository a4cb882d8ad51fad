// The store as real processes use it: the built binary killed in the middle of a snapshot, and the
// whole loop against the standalone simulators (their own process, as a user would start them):
// snapshot, change the organisation through a client, snapshot, diff.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { hostname } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createUptrendsClient } from "@rollcall/uptrends-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDemoSimulators } from "./demo-simulators";
import { runCli, spawnCli } from "./run-cli";
import { useTempStore } from "./temp-store";

const temp = useTempStore();
let store: string;
beforeEach(() => {
  store = temp.path;
});

describe("a snapshot killed part-way", { timeout: 120_000 }, () => {
  const demo = useDemoSimulators();

  it("leaves the store readable with every earlier snapshot intact", async () => {
    for (let i = 0; i < 2; i++) {
      const run = await runCli(["snapshot", "--store", store], demo.env);
      expect(run.code, run.stderr).toBe(0);
    }
    const before = readFileSync(store);
    // Uptrends' operator listing stalls; the other vendors answer.
    demo.sims.uptrends.faults.next(1, { kind: "delay", ms: 60_000 }, { route: "GET /Operator" });
    let killed = false;
    const run = await spawnCli(["snapshot", "--store", store], demo.env, (child) => {
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const othersDone = ["eagle", "rootly", "opsgenie"].every((vendor) =>
          new RegExp(`^${vendor}: \\d+ accounts`, "m").test(stderr),
        );
        if (!killed && othersDone && demo.sims.uptrends.requestCount("GET /Operator") > 0) {
          killed = child.kill("SIGKILL");
        }
      });
    });
    expect(killed).toBe(true);
    expect(run.code).toBeNull();
    expect(run.stdout).toBe("");

    expect(readFileSync(store).equals(before)).toBe(true);
    const history = await runCli(["history", "--json", "--store", store]);
    expect(history.code, history.stderr).toBe(0);
    const { snapshots } = JSON.parse(history.stdout) as { snapshots: { id: number }[] };
    expect(snapshots.map((snapshot) => snapshot.id)).toEqual([1, 2]);
    const diff = await runCli(["diff", "--json", "--store", store]);
    expect(JSON.parse(diff.stdout)).toMatchObject({ changes: [], unknownVendors: [] });
    // The next snapshot carries on from there.
    const next = await runCli(["snapshot", "--store", store], demo.env);
    expect(next.stdout).toMatch(/^snapshot 3 saved/m);
  });

  it("killed half-way through writing the new file, leaves the earlier store byte for byte", async () => {
    for (let i = 0; i < 2; i++) await runCli(["snapshot", "--store", store], demo.env);
    const before = readFileSync(store);
    // The writer's temporary file is a FIFO the test reads from: the writer blocks once the
    // pipe is full, so after the first bytes arrive it is provably mid-write when it is killed.
    expect(before.length).toBeGreaterThan(128 * 1024);
    let killed = false;
    const run = await spawnCli(["snapshot", "--store", store], demo.env, (child) => {
      const temporary = `${store}.tmp-${child.pid}`;
      execFileSync("mkfifo", [temporary]);
      void (async () => {
        const reader = await open(temporary, "r");
        const { bytesRead } = await reader.read(Buffer.alloc(4096), 0, 4096);
        if (bytesRead > 0) killed = child.kill("SIGKILL");
        await reader.close();
      })();
    });
    expect(killed).toBe(true);
    expect(run.code).toBeNull();
    expect(readFileSync(store).equals(before)).toBe(true);
    const history = await runCli(["history", "--json", "--store", store]);
    expect(JSON.parse(history.stdout).snapshots.map((s: { id: number }) => s.id)).toEqual([1, 2]);
  });

  it("two snapshots at once both land: neither save overwrites the other's", async () => {
    const runs = await Promise.all([
      spawnCli(["snapshot", "--store", store], demo.env),
      spawnCli(["snapshot", "--store", store], demo.env),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const saved = runs.map((run) => /^snapshot (\d+) saved/m.exec(run.stdout)?.[1]).sort();
    expect(saved).toEqual(["1", "2"]);
    const history = await runCli(["history", "--json", "--store", store]);
    expect(JSON.parse(history.stdout).snapshots.map((s: { id: number }) => s.id)).toEqual([1, 2]);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it("waits while another writer holds the store, saying so, then saves", async () => {
    // This test process stands for a live writer on this machine.
    writeFileSync(`${store}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
    const run = spawnCli(["snapshot", "--store", store], demo.env, (child) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("waiting: the store is being written by process"))
          rmSync(`${store}.lock`);
      });
    });
    const { code, stdout, stderr } = await run;
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`waiting: the store is being written by process ${process.pid}`);
    expect(stdout).toMatch(/^snapshot 1 saved/m);
  });

  it("ignores a half-written temporary file a killed writer left beside the store", async () => {
    await runCli(["snapshot", "--store", store], demo.env);
    const before = readFileSync(store);
    const leftover = `${store}.tmp-999999`;
    await import("node:fs/promises").then((fs) => fs.writeFile(leftover, before.subarray(0, 4096)));
    const history = await runCli(["history", "--json", "--store", store]);
    expect(JSON.parse(history.stdout).snapshots).toHaveLength(1);
    const next = await runCli(["snapshot", "--store", store], demo.env);
    expect(next.code, next.stderr).toBe(0);
    // Only the store, the stale leftover, and no temporary file of this writer.
    expect(readdirSync(temp.dir).sort()).toEqual(["rollcall.db", "rollcall.db.tmp-999999"]);
  });
});

/** The standalone simulators' bin, as the package publishes it. */
function simulatorsBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@rollcall/simulators/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin: Record<string, string>;
  };
  return join(dirname(manifestPath), manifest.bin["rollcall-simulators"]!);
}

interface Standalone {
  readonly child: ChildProcess;
  /** vendor → { url, credentials by client option name } */
  readonly vendors: Record<string, { url: string; options: Record<string, string> }>;
}

/** Starts `rollcall-simulators --seed demo` and reads the URL and credentials it prints per vendor. */
function startStandalone(): Promise<Standalone> {
  const bin = simulatorsBin();
  expect(existsSync(bin), `${bin}: build @rollcall/simulators first`).toBe(true);
  const child = spawn(process.execPath, [bin, "--seed", "demo"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const vendors: Standalone["vendors"] = {};
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`rollcall-simulators exited with ${code}`)));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      for (const line of out.split("\n")) {
        const match = /^(\w+)\s+(http:\/\/\S+)\s+(.*)$/.exec(line);
        if (match === null) continue;
        const options = Object.fromEntries(
          match[3]!.split(/\s+/).map((pair) => pair.split("=", 2) as [string, string]),
        );
        vendors[match[1]!] = { url: match[2]!, options };
      }
      if (Object.keys(vendors).length === 4) resolve({ child, vendors });
    });
  });
}

describe("the whole loop against the standalone simulators", { timeout: 120_000 }, () => {
  let standalone: Standalone;
  beforeAll(async () => {
    standalone = await startStandalone();
  }, 120_000);
  afterAll(() => {
    standalone?.child.removeAllListeners("exit");
    standalone?.child.kill("SIGTERM");
  });

  it("snapshot, a new Uptrends operator through the client, snapshot: diff shows exactly that", async () => {
    const { eagle, rootly, opsgenie, uptrends } = standalone.vendors;
    const env = {
      EAGLE_API_KEY: eagle!.options.apiKey!,
      EAGLE_BASE_URL: eagle!.url,
      ROOTLY_API_TOKEN: rootly!.options.token!,
      ROOTLY_BASE_URL: rootly!.url,
      OPSGENIE_API_KEY: opsgenie!.options.apiKey!,
      OPSGENIE_BASE_URL: opsgenie!.url,
      UPTRENDS_USERNAME: uptrends!.options.username!,
      UPTRENDS_PASSWORD: uptrends!.options.password!,
      UPTRENDS_BASE_URL: uptrends!.url,
    };
    const first = await spawnCli(["snapshot", "--store", store], env);
    expect(first.code, first.stderr).toBe(0);

    const client = createUptrendsClient({
      username: env.UPTRENDS_USERNAME,
      password: env.UPTRENDS_PASSWORD,
      baseUrl: uptrends!.url,
    });
    const created = await client.POST("/Operator", {
      body: { FullName: "Nora Quinn", Email: "Nora.Quinn@harbourline.example" },
    });
    expect(created.response.status).toBe(201);
    const guid = created.data!.OperatorGuid!;

    const second = await spawnCli(["snapshot", "--store", store], env);
    expect(second.code, second.stderr).toBe(0);
    const diff = await spawnCli(["diff", "--json", "--store", store]);
    expect(diff.code, diff.stderr).toBe(0);
    const nora = { key: "nora.quinn@harbourline.example", displayName: "Nora Quinn" };
    expect(JSON.parse(diff.stdout)).toEqual({
      from: { id: 1, takenAt: expect.any(String) },
      to: { id: 2, takenAt: expect.any(String) },
      changes: [
        { type: "person-joined", vendor: null, person: nora },
        {
          type: "account-added",
          vendor: "uptrends",
          person: nora,
          account: { vendor: "uptrends", kind: "uptrends.operator", id: guid },
          to: expect.any(String),
        },
      ],
      unknownVendors: [],
    });
  });
});
