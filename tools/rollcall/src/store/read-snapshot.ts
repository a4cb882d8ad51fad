// Reads snapshots back: the list with their counts, and one snapshot rebuilt into the same
// directory and access graph a fresh pull of that data gives.
import { gunzipSync } from "node:zlib";
import type { AdapterResult } from "@rollcall/core";
import type { Database, SqlValue } from "sql.js";
import { assembleDirectory, type PulledDirectory, type VendorPull } from "../pull";
import { StoreError } from "./store-error";

export interface VendorPullSummary {
  readonly vendor: string;
  readonly complete: boolean;
  /** Why the pull failed (secrets removed); null when complete. */
  readonly error: string | null;
}

export interface SnapshotSummary {
  readonly id: number;
  readonly takenAt: string;
  readonly source: string;
  readonly rollcallVersion: string;
  readonly people: number;
  readonly accounts: number;
  readonly vendors: readonly VendorPullSummary[];
}

export interface LoadedSnapshot {
  readonly summary: SnapshotSummary;
  readonly pulled: PulledDirectory;
}

type Row = Record<string, SqlValue>;

function rows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const statement = db.prepare(sql, params);
  const result: Row[] = [];
  try {
    while (statement.step()) result.push(statement.getAsObject());
  } finally {
    statement.free();
  }
  return result;
}

function countsBySnapshot(db: Database, table: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows(
    db,
    `SELECT snapshot_id, count(*) AS n FROM ${table} GROUP BY snapshot_id`,
  )) {
    counts.set(Number(row.snapshot_id), Number(row.n));
  }
  return counts;
}

/** Every snapshot, oldest first. */
export function listSnapshots(db: Database): SnapshotSummary[] {
  const people = countsBySnapshot(db, "people");
  const accounts = countsBySnapshot(db, "accounts");
  const vendors = new Map<number, VendorPullSummary[]>();
  for (const row of rows(
    db,
    "SELECT snapshot_id, vendor, complete, error FROM vendor_pulls ORDER BY snapshot_id, position",
  )) {
    const id = Number(row.snapshot_id);
    const list = vendors.get(id) ?? [];
    if (list.length === 0) vendors.set(id, list);
    list.push({
      vendor: String(row.vendor),
      complete: row.complete === 1,
      error: row.error === null ? null : String(row.error),
    });
  }
  return rows(db, "SELECT id, taken_at, source, rollcall_version FROM snapshots ORDER BY id").map(
    (row) => {
      const id = Number(row.id);
      return {
        id,
        takenAt: String(row.taken_at),
        source: String(row.source),
        rollcallVersion: String(row.rollcall_version),
        people: people.get(id) ?? 0,
        accounts: accounts.get(id) ?? 0,
        vendors: vendors.get(id) ?? [],
      };
    },
  );
}

function pullFrom(row: Row): VendorPull {
  const vendor = String(row.vendor);
  const source = String(row.source);
  if (row.complete !== 1) {
    return { vendor, source, status: "unavailable", error: String(row.error ?? "incomplete") };
  }
  const text = gunzipSync(row.result_json_gz as Uint8Array).toString("utf8");
  const result = JSON.parse(text) as AdapterResult;
  return {
    vendor,
    source,
    status: "ok",
    accounts: result.accounts,
    issues: result.issues,
    access: { entitlements: result.entitlements ?? [], grants: result.grants ?? [] },
    pages: Number(row.pages ?? 0),
  };
}

/** One snapshot, rebuilt from the vendors' results it stored. */
export function loadSnapshot(db: Database, summary: SnapshotSummary): LoadedSnapshot {
  const pulls = rows(
    db,
    "SELECT vendor, source, complete, error, pages, result_json_gz FROM vendor_pulls WHERE snapshot_id = ? ORDER BY position",
    [summary.id],
  ).map(pullFrom);
  return { summary, pulled: assembleDirectory(pulls) };
}

/** The summary of snapshot `id`, or a StoreError naming the ids there are. */
export function findSnapshot(snapshots: readonly SnapshotSummary[], id: number): SnapshotSummary {
  const found = snapshots.find((snapshot) => snapshot.id === id);
  if (found !== undefined) return found;
  const range =
    snapshots.length === 0
      ? "the store has no snapshots"
      : `the store has snapshots ${snapshots[0]!.id} to ${snapshots.at(-1)!.id}`;
  throw new StoreError(`no snapshot ${id}: ${range}`);
}
