// The store's tables (documented, column by column, in the README) and how a file written by an
// older rollcall is brought up to date: each migration runs once, in order, and the file's
// `PRAGMA user_version` records how many have run.
import type { Database } from "sql.js";
import { StoreError } from "./store-error";

/** Migration n (1-based) takes a store from version n-1 to version n. Append only; never edit one. */
export const MIGRATIONS: readonly string[] = [
  // 1: snapshots and everything a snapshot records.
  `
  CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    source TEXT NOT NULL,
    rollcall_version TEXT NOT NULL
  );
  CREATE TABLE vendor_pulls (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    position INTEGER NOT NULL,
    vendor TEXT NOT NULL,
    source TEXT NOT NULL,
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    error TEXT,
    pages INTEGER,
    result_json_gz BLOB,
    PRIMARY KEY (snapshot_id, vendor)
  );
  CREATE TABLE people (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    person_id TEXT NOT NULL,
    primary_email TEXT,
    display_name TEXT,
    emails_json TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, person_id)
  );
  CREATE TABLE accounts (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    vendor TEXT NOT NULL,
    kind TEXT NOT NULL,
    account_id TEXT NOT NULL,
    person_id TEXT,
    display_name TEXT,
    status TEXT NOT NULL,
    role_level TEXT NOT NULL,
    role_name TEXT,
    last_login_at TEXT,
    created_at TEXT,
    emails_json TEXT NOT NULL
  );
  CREATE TABLE entitlements (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    vendor TEXT NOT NULL,
    kind TEXT NOT NULL,
    entitlement_id TEXT NOT NULL,
    name TEXT NOT NULL,
    privilege TEXT NOT NULL,
    vendor_wide INTEGER NOT NULL CHECK (vendor_wide IN (0, 1))
  );
  CREATE TABLE grants (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    vendor TEXT NOT NULL,
    account_kind TEXT NOT NULL,
    account_id TEXT NOT NULL,
    entitlement_kind TEXT NOT NULL,
    entitlement_id TEXT NOT NULL,
    privilege TEXT NOT NULL,
    via TEXT NOT NULL,
    on_call_now INTEGER CHECK (on_call_now IN (0, 1)),
    person_id TEXT,
    active INTEGER NOT NULL CHECK (active IN (0, 1))
  );
  CREATE TABLE contact_matches (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    person_id TEXT NOT NULL,
    email TEXT NOT NULL,
    vendor TEXT NOT NULL,
    account_kind TEXT NOT NULL,
    account_id TEXT NOT NULL,
    via TEXT NOT NULL,
    account_person_id TEXT NOT NULL
  );
  CREATE TABLE issues (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    vendor TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT,
    reason TEXT NOT NULL
  );
  `,
  // 2: look-ups by snapshot, for history's counts and for reading one snapshot's rows.
  `
  CREATE INDEX accounts_by_snapshot ON accounts (snapshot_id, vendor, kind, account_id);
  CREATE INDEX grants_by_snapshot ON grants (snapshot_id, vendor, account_kind, account_id);
  CREATE INDEX entitlements_by_snapshot ON entitlements (snapshot_id, vendor, kind);
  CREATE INDEX contact_matches_by_snapshot ON contact_matches (snapshot_id, person_id);
  CREATE INDEX issues_by_snapshot ON issues (snapshot_id, vendor);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  const [result] = db.exec("PRAGMA user_version");
  return Number(result?.values[0]?.[0] ?? 0);
}

/**
 * Runs the migrations the file has not had, each in its own transaction with its version bump,
 * up to `target` (the latest by default). A file from a newer rollcall is refused, untouched.
 */
export function migrate(db: Database, path: string, target = SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `${path} has store schema version ${current}; this rollcall knows up to ${SCHEMA_VERSION}: upgrade rollcall`,
    );
  }
  for (let version = current + 1; version <= target; version++) {
    db.exec("BEGIN");
    try {
      db.exec(MIGRATIONS[version - 1]!);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }
}
