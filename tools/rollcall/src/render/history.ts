// `rollcall history`: one row per snapshot.
import type { SnapshotSummary } from "../store/read-snapshot";
import type { Line } from "../terminal";
import { textTable } from "./text-table";

/** "4/4", or "3/4 (opsgenie incomplete)". */
export function vendorsComplete(snapshot: SnapshotSummary): string {
  const incomplete = snapshot.vendors.filter((vendor) => !vendor.complete);
  const count = `${snapshot.vendors.length - incomplete.length}/${snapshot.vendors.length}`;
  if (incomplete.length === 0) return count;
  return `${count} (${incomplete.map((vendor) => vendor.vendor).join(", ")} incomplete)`;
}

export function renderHistory(snapshots: readonly SnapshotSummary[]): Line[] {
  if (snapshots.length === 0) return ["no snapshots yet: run `rollcall snapshot`"];
  return textTable(
    ["id", "taken at", "people", "accounts", "vendors complete"],
    snapshots.map((snapshot) => [
      String(snapshot.id),
      snapshot.takenAt,
      String(snapshot.people),
      String(snapshot.accounts),
      vendorsComplete(snapshot),
    ]),
  );
}

export function historyJson(snapshots: readonly SnapshotSummary[]): unknown {
  return { snapshots };
}
