// The snapshot store on its own: what it writes can be read back exactly, older files are
// migrated forward, files it cannot own are refused untouched, and no secret reaches the file.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Person } from "@rollcall/core";
import type { RootlySimulator } from "@rollcall/simulators";
import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
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
import type { CliVendor } from "../src/vendors";
import { useDemoSimulators } from "./demo-simulators";
import { rootlyUser, rootlyWithUserWithoutEmail } from "./rootly-user";
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

/**
 * Every vendor pulled from the test's simulators (or from `env`, the embedded simulators standing
 * in for a vendor it gives no credentials for), as `rollcall snapshot` pulls them.
 */
async function pullDemo(
  env: Record<string, string> = demo.env,
  vendors: CliVendor[] = ["eagle", "rootly", "opsgenie", "uptrends"],
): Promise<{ pulled: PulledDirectory; scrubber: SecretScrubber }> {
  const scrubber = new SecretScrubber();
  const environment = readVendorEnvironment(env);
  const connections = await openConnections(vendors, environment, false, scrubber);
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

/** The test's simulators, but `rootly` for Rootly. */
const withRootly = (rootly: RootlySimulator) => ({
  ...demo.env,
  ROOTLY_API_TOKEN: rootly.credentials.token,
  ROOTLY_BASE_URL: rootly.url,
});

/** Rows in an order that depends on nothing but their values. */
const sorted = (rows: readonly Record<string, unknown>[]) =>
  rows
    .map((row) => [JSON.stringify(row, Object.keys(row).sort()), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);

/** Every row of `table`, as the sqlite3 shell reads it. */
function tableRows(file: string, table: string): Record<string, unknown>[] {
  const text = execFileSync("sqlite3", ["-json", file, `SELECT * FROM ${table}`], {
    encoding: "utf8",
  }).trim();
  return sorted(text === "" ? [] : (JSON.parse(text) as Record<string, unknown>[]));
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
    // what `history` shows of it
    expect(summary).toMatchObject({
      people: pulled.directory.people.filter((person) => person.emails.length > 0).length,
      accounts: pulled.directory.people.flatMap((person) => person.accounts).length,
      vendors: ["eagle", "rootly", "opsgenie", "uptrends"].map((vendor) => ({
        vendor,
        complete: true,
        error: null,
      })),
    });
  });

  it("loads back a vendor that could not be read, and a record that could not be", async () => {
    demo.sims.opsgenie.faults.next(50, { kind: "server-error", status: 503 });
    const rootly = await rootlyWithUserWithoutEmail("9201");
    onTestFinished(() => rootly.close());
    const env = withRootly(rootly);
    const { pulled, scrubber } = await pullDemo(env, ["rootly", "opsgenie"]);
    expect(pulled.directory.issues).toHaveLength(1);
    const store = await SnapshotStore.open(path);
    store.append(pulled, META, scrubber);
    const [summary] = store.list();
    const loaded = store.load(summary!).pulled;
    store.close();
    expect(loaded.pulls).toEqual(pulled.pulls);
    expect(loaded.directory).toEqual(pulled.directory);
    expect(summary!.vendors).toEqual([
      { vendor: "rootly", complete: true, error: null },
      { vendor: "opsgenie", complete: false, error: expect.stringMatching(/503/) },
    ]);
  });

  it("records where the data came from: the vendors, the simulators, or both", async () => {
    const store = await SnapshotStore.open(path);
    const rootlyOnly = {
      ROOTLY_API_TOKEN: demo.env.ROOTLY_API_TOKEN!,
      ROOTLY_BASE_URL: demo.env.ROOTLY_BASE_URL!,
    };
    for (const env of [demo.env, {}, rootlyOnly]) {
      const { pulled, scrubber } = await pullDemo(env, ["rootly", "opsgenie"]);
      store.append(pulled, META, scrubber);
    }
    expect(store.list().map((snapshot) => snapshot.source)).toEqual([
      "vendors",
      "simulators",
      "mixed",
    ]);
    store.close();
  });

  it("adds nothing when a snapshot cannot be written whole", async () => {
    const { pulled, scrubber } = await pullDemo(demo.env, ["rootly"]);
    const store = await SnapshotStore.open(path);
    store.append(pulled, META, scrubber);
    // The same vendor twice: its second row breaks the store's one-row-per-vendor key.
    const twice = { ...pulled, pulls: [...pulled.pulls, ...pulled.pulls] };
    expect(() => store.append(twice, META, scrubber)).toThrow(/UNIQUE/);
    expect(store.list().map((snapshot) => snapshot.id)).toEqual([1]);
    expect(store.append(pulled, META, scrubber)).toBe(2);
    store.close();
    expect(sqlite3(path, "SELECT count(*) FROM vendor_pulls")).toBe("2");
  });

  it("writes relational rows that say, column by column, what the directory and access say", async () => {
    const rootly = await rootlyWithUserWithoutEmail("9201");
    onTestFinished(() => rootly.close());
    // An account whose only address is unusable: no person claims it.
    rootly.store.users.put(rootlyUser("9202", "not-an-address", "Nobody"));
    const { pulled, scrubber } = await pullDemo(withRootly(rootly));
    const store = await SnapshotStore.open(path);
    const id = store.append(pulled, META, scrubber);
    store.close();
    const { people, issues } = pulled.directory;
    const claimed = (person: Person) => (person.emails.length > 0 ? person.id : null);
    const accounts = people.flatMap((person) =>
      person.accounts.map((account) => ({
        snapshot_id: id,
        vendor: account.source.vendor,
        kind: account.source.kind,
        account_id: account.source.id,
        person_id: claimed(person),
        display_name: account.names.display,
        status: account.status,
        role_level: account.role.level,
        role_name: account.role.raw,
        last_login_at: account.lastLoginAt?.iso ?? null,
        created_at: account.createdAt?.iso ?? null,
        emails_json: JSON.stringify(account.emails.map(({ value, kind }) => ({ value, kind }))),
      })),
    );
    const entitlements = pulled.access.entitlements.map((item) => ({
      snapshot_id: id,
      vendor: item.vendor,
      kind: item.kind,
      entitlement_id: item.id,
      name: item.name,
      privilege: item.privilege,
      // holding a role or permission as admin makes one the vendor's admin; a team only if it says so
      vendor_wide: item.vendorWide === true || ["role", "permission"].includes(item.kind) ? 1 : 0,
    }));
    const grants = pulled.access.entries.map(({ grant, personId, active }) => ({
      snapshot_id: id,
      vendor: grant.account.vendor,
      account_kind: grant.account.kind,
      account_id: grant.account.id,
      entitlement_kind: grant.entitlement.kind,
      entitlement_id: grant.entitlement.id,
      privilege: grant.privilege,
      via: grant.via,
      on_call_now: grant.entitlement.kind === "schedule" ? Number(grant.onCallNow === true) : null,
      person_id: personId,
      active: Number(active),
    }));
    const matches = people.flatMap((person) =>
      person.contactMatches.map((match) => ({
        snapshot_id: id,
        person_id: person.id,
        email: match.email,
        vendor: match.account.vendor,
        account_kind: match.account.kind,
        account_id: match.account.id,
        via: match.via,
        account_person_id: match.personId,
      })),
    );
    const peopleRows = people
      .filter((person) => claimed(person) !== null)
      .map((person) => ({
        snapshot_id: id,
        person_id: person.id,
        primary_email: person.primaryEmail,
        display_name: person.displayName,
        emails_json: JSON.stringify(person.emails),
      }));
    const issueRows = issues.map(({ vendor, kind, id: recordId, reason }) => ({
      snapshot_id: id,
      vendor,
      kind,
      record_id: recordId ?? null,
      reason,
    }));
    expect(tableRows(path, "snapshots")).toEqual([
      { id, taken_at: META.takenAt, source: "vendors", rollcall_version: META.rollcallVersion },
    ]);
    expect(tableRows(path, "people")).toEqual(sorted(peopleRows));
    expect(tableRows(path, "accounts")).toEqual(sorted(accounts));
    expect(tableRows(path, "entitlements")).toEqual(sorted(entitlements));
    expect(tableRows(path, "grants")).toEqual(sorted(grants));
    expect(tableRows(path, "contact_matches")).toEqual(sorted(matches));
    expect(tableRows(path, "issues")).toEqual(sorted(issueRows));
    // The demo holds each kind of value these columns can take, so the rows above tell them apart.
    const values = (rows: readonly Record<string, unknown>[], column: string) =>
      new Set(rows.map((row) => row[column]));
    expect(values(grants, "on_call_now")).toEqual(new Set([0, 1, null]));
    expect(values(grants, "active")).toEqual(new Set([0, 1]));
    expect(values(entitlements, "vendor_wide")).toEqual(new Set([0, 1]));
    expect(matches.length).toBeGreaterThan(0);
    expect(values(accounts, "person_id")).toContain(null);
    // The record without an email, and the unusable address.
    expect(issueRows).toHaveLength(2);
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
