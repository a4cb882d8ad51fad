// The snapshot store on its own: what it writes can be read back exactly, older files are
// migrated forward, files it cannot own are refused untouched, and no secret reaches the file.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { openConnections } from "../src/connections";
import { readVendorEnvironment } from "../src/env-config";
import { pullDirectory, type PulledDirectory } from "../src/pull";
import { SecretScrubber } from "../src/secret-scrubber";
import { migrate, SCHEMA_VERSION } from "../src/store/schema";
import { SnapshotStore } from "../src/store/snapshot-store";
import { openDatabaseFile, saveDatabaseFile } from "../src/store/sqlite-file";
import { StoreError } from "../src/store/store-error";
import { insertSnapshot } from "../src/store/write-snapshot";
import type { Terminal } from "../src/terminal";
import { useDemoSimulators } from "./demo-simulators";
import { secretsIn } from "./run-cli";
import { useTempStore } from "./temp-store";

const demo = useDemoSimulators();

const quiet: Terminal = { out: () => {}, err: () => {}, env: {} };
const META = { takenAt: "2026-01-01T00:00:00.000Z", rollcallVersion: "0.0.0-test" };

const temp = useTempStore();
let path: string;
beforeEach(() => {
  path = temp.path;
});

/** Every vendor pulled from the test's simulators, as `rollcall snapshot` pulls them. */
async function pullDemo(): Promise<{ pulled: PulledDirectory; scrubber: SecretScrubber }> {
  const scrubber = new SecretScrubber();
  const environment = readVendorEnvironment(demo.env);
  const connections = await openConnections(
    ["eagle", "rootly", "opsgenie", "uptrends"],
    environment,
    false,
    scrubber,
  );
  try {
    return { pulled: await pullDirectory(connections.list, quiet, scrubber), scrubber };
  } finally {
    await connections.close();
  }
}

/** What the sqlite3 shell (an independent reader of the file) answers. */
function sqlite3(file: string, sql: string): string {
  return execFileSync("sqlite3", [file, sql], { encoding: "utf8" }).trim();
}

describe("the snapshot store", () => {
  it("loads a snapshot back into the same directory and access graph", async () => {
    const { pulled, scrubber } = await pullDemo();
    expect(pulled.directory.people.length).toBeGreaterThan(20);
    const store = await SnapshotStore.open(path);
    const id = store.append(pulled, META, scrubber);
    store.close();

    const reopened = await SnapshotStore.open(path);
    const [summary] = reopened.list();
    expect(summary).toMatchObject({ id, takenAt: META.takenAt, source: "vendors" });
    const loaded = reopened.load(summary!).pulled;
    reopened.close();
    expect(loaded.directory).toEqual(pulled.directory);
    expect(loaded.access).toEqual(pulled.access);
    expect(loaded.pulls).toEqual(pulled.pulls);
  });

  it("writes a file the sqlite3 shell reads, with the relational rows beside the results", async () => {
    const { pulled, scrubber } = await pullDemo();
    const store = await SnapshotStore.open(path);
    store.append(pulled, META, scrubber);
    store.close();
    expect(sqlite3(path, "PRAGMA user_version")).toBe(String(SCHEMA_VERSION));
    const accounts = pulled.directory.people.flatMap((person) => person.accounts).length;
    expect(sqlite3(path, "SELECT count(*) FROM accounts")).toBe(String(accounts));
    expect(sqlite3(path, "SELECT count(*) FROM grants")).toBe(String(pulled.access.entries.length));
    expect(sqlite3(path, "SELECT vendor, complete FROM vendor_pulls ORDER BY position")).toBe(
      "eagle|1\nrootly|1\nopsgenie|1\nuptrends|1",
    );
    const people = pulled.directory.people.filter((person) => person.emails.length > 0);
    expect(sqlite3(path, "SELECT count(*) FROM people")).toBe(String(people.length));
    expect(sqlite3(path, "PRAGMA integrity_check")).toBe("ok");
  });

  it("migrates a version 1 store forward, keeping its snapshots", async () => {
    const { pulled, scrubber } = await pullDemo();
    const old = await openDatabaseFile(path);
    migrate(old, path, 1);
    insertSnapshot(old, pulled, META, scrubber);
    saveDatabaseFile(old, path);
    old.close();
    expect(sqlite3(path, "PRAGMA user_version")).toBe("1");
    expect(
      sqlite3(
        path,
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '%_by_snapshot'",
      ),
    ).toBe("0");

    const store = await SnapshotStore.open(path);
    expect(store.version).toBe(SCHEMA_VERSION);
    const loaded = store.load(store.list()[0]!).pulled;
    expect(loaded.directory).toEqual(pulled.directory);
    store.append(pulled, META, scrubber);
    store.close();
    expect(sqlite3(path, "PRAGMA user_version")).toBe(String(SCHEMA_VERSION));
    expect(
      sqlite3(
        path,
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '%_by_snapshot'",
      ),
    ).toBe("5");
    expect(sqlite3(path, "SELECT id FROM snapshots ORDER BY id")).toBe("1\n2");
  });

  it("refuses a store from a newer rollcall and leaves it untouched", async () => {
    sqlite3(path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
    const before = readFileSync(path);
    await expect(SnapshotStore.open(path)).rejects.toThrow(
      new StoreError(
        `${path} has store schema version 99; this rollcall knows up to ${SCHEMA_VERSION}: upgrade rollcall`,
      ),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuses a file that is not SQLite, untouched", async () => {
    writeFileSync(path, "name,email\nann,ann@example.com\n".repeat(100));
    const before = readFileSync(path);
    await expect(SnapshotStore.open(path)).rejects.toThrow(/is not a rollcall store/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("stores no credential, even one a vendor echoes back in its records", async () => {
    // Rootly puts its own API token into a user's name, OpsGenie its key into a username's
    // display name: the snapshot must hold neither.
    const token = demo.sims.rootly.credentials.token;
    const apiKey = demo.sims.opsgenie.credentials.apiKey;
    const rootlyUser = demo.sims.rootly.store.users.list()[0]!;
    demo.sims.rootly.store.users.update(rootlyUser.id, { first_name: `token ${token}` });
    const opsgenieUser = demo.sims.opsgenie.store.users.list()[0]!;
    demo.sims.opsgenie.store.users.update(opsgenieUser.id, { fullname: `GenieKey ${apiKey}` });
    const { pulled, scrubber } = await pullDemo();
    // The echo really is in what the vendors returned.
    expect(JSON.stringify(pulled.pulls)).toContain(token);
    expect(JSON.stringify(pulled.pulls)).toContain(apiKey);

    const store = await SnapshotStore.open(path);
    store.append(pulled, META, scrubber);
    store.close();
    // The file's bytes, and the stored results once decompressed (gzip hides what it holds).
    const bytes = readFileSync(path).toString("latin1");
    const results = sqlite3(path, "SELECT hex(result_json_gz) FROM vendor_pulls")
      .split("\n")
      .map((hex) => gunzipSync(Buffer.from(hex, "hex")).toString("utf8"))
      .join("\n");
    for (const secret of secretsIn(demo.sims)) {
      expect(bytes).not.toContain(secret);
      expect(results).not.toContain(secret);
    }
    expect(bytes).toContain("[REDACTED]");
    expect(results).toContain("[REDACTED]");
  });
});
