// The people × vendors matrix: one badge per cell, owners and admins at the top.
import { emailOf } from "../render/roles";
import { html, type Html } from "./html";
import type { ReviewFindings } from "./findings";
import { personLabel } from "./holdings";
import { badge } from "./labels";
import type { MatrixCell } from "./matrix";

function cell(value: MatrixCell): Html {
  if (value.state !== "held") return html`<td class="cell">${badge(value.state)}</td>`;
  const note = !value.active ? "inactive" : value.teamAdmin ? "team admin" : undefined;
  return html`<td class="cell">
    ${badge(value.privilege, note)}${value.roles !== "" && html`<small>${value.roles}</small>`}
  </td>`;
}

const LEGEND = html`<p class="legend note">
  ${badge("owner")}${badge("admin")}${badge("member")}${badge("limited")}${badge("unknown")}${badge("none")}${badge("not-read")}
  Each cell is the most the person can do over that vendor (the vendor's role names below it); team
  admin: they also administer one of its teams or groups. Unrated: the role maps to no level.
  Inactive: every account there is disabled or a pending invitation.
</p>`;

/** Records (or fields of them) the adapters could not read: what they hold may be missing. */
function unreadable({ input }: ReviewFindings): Html | false {
  const { issues } = input.directory;
  if (issues.length === 0) return false;
  const perVendor = new Map<string, number>();
  for (const issue of issues) perVendor.set(issue.vendor, (perVendor.get(issue.vendor) ?? 0) + 1);
  const names = new Map(input.vendors.map((vendor) => [vendor.id, vendor.name]));
  const counts = [...perVendor].map(([vendor, count]) => `${names.get(vendor) ?? vendor} ${count}`);
  return html`<p class="warning">
    ${issues.length} vendor record(s) or field(s) could not be read (${counts.join(", ")}): what
    they hold may be missing here. <code>rollcall directory</code> lists each with its reason.
  </p>`;
}

export function matrixSection(findings: ReviewFindings): Html {
  const { vendors } = findings.input;
  const notRead = findings.incompleteVendors.length > 0;
  const rows = findings.matrix.map(
    (row) =>
      html`<tr>
        <td class="person">${personLabel(row.person)}<small>${emailOf(row.person)}</small></td>
        ${row.cells.map(cell)}
      </tr>`,
  );
  return html`<section id="matrix">
    <h2>People and their access</h2>
    ${
      notRead &&
      html`<p class="warning">
        Not fully read:
        ${vendors
          .filter((v) => !v.complete)
          .map((v) => v.name)
          .join(", ")}.
        Nothing this report says about them can be relied on.
      </p>`
    }
    ${unreadable(findings)} ${LEGEND}
    <table>
      <thead>
        <tr>
          <th>Person</th>
          ${vendors.map((vendor) => html`<th>${vendor.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${
          rows.length > 0
            ? rows
            : html`<tr>
                <td colspan="${vendors.length + 1}" class="empty">Nobody.</td>
              </tr>`
        }
      </tbody>
    </table>
  </section>`;
}
