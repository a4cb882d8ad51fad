// Changes since the previous snapshot, grouped by kind. A vendor not fully read in either
// snapshot is named as not compared: its people are never shown as removed.
import type { AccessChange } from "@rollcall/core";
import { CHANGE_TITLES, CHANGE_TYPES, changeEntitlement, changePerson } from "./change-labels";
import { html, type Html } from "./html";
import type { ReviewFindings } from "./findings";
import { accountLabel, badge, formatDate, type VendorNames } from "./labels";
import { dataTable } from "./table";

function privilegeCell(change: AccessChange): Html {
  if (change.from === undefined && change.to === undefined) return html`<td></td>`;
  return html`<td>
    ${change.from !== undefined && badge(change.from)}${change.from !== undefined && change.to !== undefined && " → "}${change.to !== undefined && badge(change.to)}
  </td>`;
}

function group(type: AccessChange["type"], changes: readonly AccessChange[], names: VendorNames) {
  const rows = changes.map(
    (change) =>
      html`<tr>
        <td>${changePerson(change)}</td>
        <td>${names(change.vendor)}</td>
        <td>${change.account !== undefined && accountLabel(change.account)}</td>
        <td>${changeEntitlement(change)}</td>
        ${privilegeCell(change)}
      </tr>`,
  );
  const headers = ["Person", "Vendor", "Account", "Entitlement", "Privilege"];
  return html`<h3>${CHANGE_TITLES[type]} (${changes.length})</h3>
    ${dataTable(headers, rows, "None.")}`;
}

export function changesSection(findings: ReviewFindings, names: VendorNames): Html {
  const found = findings.changes;
  if (found === undefined) {
    return html`<section id="changes">
      <h2>Changes since the previous snapshot</h2>
      <p class="empty">No previous snapshot to compare with: this report is the baseline.</p>
    </section>`;
  }
  const since =
    found.previousTakenAt === undefined
      ? "the previous snapshot"
      : `the snapshot of ${formatDate(found.previousTakenAt)}`;
  const groups = CHANGE_TYPES.map((type) => ({
    type,
    changes: found.changes.filter((change) => change.type === type),
  })).filter(({ changes }) => changes.length > 0);
  return html`<section id="changes">
    <h2>Changes since ${since}</h2>
    ${found.unknownVendors.length > 0 && html`<p class="warning">Not compared: ${found.unknownVendors.map(names).join(", ")} — not fully read in one of the two snapshots, so what changed there is unknown (nobody there is shown as added or removed).</p>`}
    ${groups.length === 0 ? html`<p class="empty">No changes.</p>` : groups.map(({ type, changes }) => group(type, changes, names))}
  </section>`;
}
