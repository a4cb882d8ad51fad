// `rollcall diff`: the changes between two snapshots as a table, JSON or CSV.
import type { AccessChange, AccessChanges } from "@rollcall/core";
import type { SnapshotSummary } from "../store/read-snapshot";
import { style, type Line } from "../terminal";
import { csvCell } from "./directory-csv";
import { textTable } from "./text-table";

export interface SnapshotPair {
  readonly from: SnapshotSummary;
  readonly to: SnapshotSummary;
}

const LABEL: Record<AccessChange["type"], string> = {
  "person-joined": "+ joined",
  "person-left": "- left",
  "account-added": "+ account",
  "account-removed": "- account",
  "grant-added": "+ grant",
  "grant-removed": "- grant",
  "privilege-changed": "~ privilege",
};

const personText = (change: AccessChange) =>
  change.person === null
    ? "(no person)"
    : change.person.displayName === null
      ? change.person.key
      : `${change.person.displayName} <${change.person.key}>`;

const accountText = (change: AccessChange) =>
  change.account === undefined ? "" : `${change.account.kind} ${change.account.id}`;

const entitlementText = (change: AccessChange) =>
  change.entitlement === undefined ? "" : `${change.entitlement.kind} ${change.entitlement.name}`;

function levelText(change: AccessChange): string {
  if (change.from !== undefined && change.to !== undefined) return `${change.from} → ${change.to}`;
  return change.to ?? change.from ?? "";
}

/** Why a vendor's changes are not known, for each unknown vendor. */
function unknownReasons({ from, to }: SnapshotPair, vendors: readonly string[]): string[] {
  return vendors.map((vendor) => {
    const missing = [from, to]
      .filter(
        (snapshot) => !snapshot.vendors.some((pull) => pull.vendor === vendor && pull.complete),
      )
      .map((snapshot) => `snapshot ${snapshot.id}`);
    return `${vendor}: not read completely in ${missing.join(" and ")}; its changes are unknown`;
  });
}

export function renderChanges(pair: SnapshotPair, result: AccessChanges): Line[] {
  const { from, to } = pair;
  const count = result.changes.length;
  const lines: Line[] = [
    style.bold(
      `Changes from snapshot ${from.id} (${from.takenAt}) to snapshot ${to.id} (${to.takenAt}): ${count}`,
    ),
  ];
  if (count > 0) {
    lines.push(
      ...textTable(
        ["change", "vendor", "person", "account", "entitlement", "privilege"],
        result.changes.map((change) => [
          LABEL[change.type],
          change.vendor ?? "",
          personText(change),
          accountText(change),
          entitlementText(change),
          levelText(change),
        ]),
      ),
    );
  }
  for (const reason of unknownReasons(pair, result.unknownVendors))
    lines.push(style.yellow(reason));
  return lines;
}

export function changesJson({ from, to }: SnapshotPair, result: AccessChanges): unknown {
  const brief = (snapshot: SnapshotSummary) => ({ id: snapshot.id, takenAt: snapshot.takenAt });
  return {
    from: brief(from),
    to: brief(to),
    changes: result.changes,
    unknownVendors: result.unknownVendors,
  };
}

/** One row per change; an unknown vendor is a `vendor-unknown` row, so no consumer misses it. */
export function renderChangesCsv(result: AccessChanges): string[] {
  const header = [
    "type",
    "vendor",
    "person",
    "name",
    "account_kind",
    "account_id",
    "entitlement_kind",
    "entitlement_id",
    "entitlement_name",
    "from",
    "to",
  ];
  const rows = result.changes.map((change) => [
    change.type,
    change.vendor ?? "",
    change.person?.key ?? "",
    change.person?.displayName ?? "",
    change.account?.kind ?? "",
    change.account?.id ?? "",
    change.entitlement?.kind ?? "",
    change.entitlement?.id ?? "",
    change.entitlement?.name ?? "",
    change.from ?? "",
    change.to ?? "",
  ]);
  for (const vendor of result.unknownVendors) {
    rows.push(["vendor-unknown", vendor, ...header.slice(2).map(() => "")]);
  }
  return [header, ...rows].map((row) => row.map(csvCell).join(","));
}
