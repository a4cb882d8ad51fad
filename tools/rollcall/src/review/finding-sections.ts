// The three lists of things to act on: dormant accounts, orphaned access, leavers with access.
import type { AccessEntry } from "@rollcall/core";
import { roleOf } from "../render/roles";
import { html, type Html } from "./html";
import type { ReviewFindings } from "./findings";
import { personLabel } from "./holdings";
import { accountLabel, badge, formatDay, type VendorNames } from "./labels";
import { dataTable } from "./table";

export function dormantSection(findings: ReviewFindings, names: VendorNames): Html {
  const { dormant, dormantAfterDays } = findings;
  const rows = dormant.accounts.map(
    ({ person, account, lastLogin, days }) =>
      html`<tr>
        <td>${personLabel(person)}</td>
        <td>${names(account.source.vendor)}</td>
        <td>${accountLabel(account.source)}</td>
        <td>${roleOf(account)}</td>
        <td>${account.status}</td>
        <td>
          ${lastLogin === null ? "no login recorded" : `${formatDay(lastLogin)} (${days} days ago)`}
        </td>
      </tr>`,
  );
  const headers = ["Person", "Vendor", "Account", "Role", "Status", "Last login"];
  return html`<section id="dormant">
    <h2>Dormant accounts: no login in ${dormantAfterDays} days</h2>
    <p class="note">
      Judged only where the vendor reports
      logins${dormant.reported.length > 0 && html` (${dormant.reported.map(names).join(", ")})`}.
    </p>
    ${dormant.notReported.length > 0 && html`<p class="note"><strong>Not reported</strong> (the vendor does not say when anyone last signed in): ${dormant.notReported.map(names).join(", ")}.</p>`}
    ${dataTable(headers, rows, "No dormant accounts.")}
  </section>`;
}

const GRANT_HEADERS = ["Vendor", "Account", "Entitlement", "Privilege", "State"];

function grantRows(entries: readonly AccessEntry[], names: VendorNames, who?: string): Html[] {
  return entries.map(
    ({ grant, entitlement, active }) =>
      html`<tr>
        ${who !== undefined && html`<td>${who}</td>`}
        <td>${names(entitlement.vendor)}</td>
        <td>${accountLabel(grant.account)}</td>
        <td>${entitlement.kind} ${entitlement.name}</td>
        <td>${badge(grant.privilege)}</td>
        <td>${active ? "usable" : "inactive account"}</td>
      </tr>`,
  );
}

export function orphansSection(findings: ReviewFindings, names: VendorNames): Html {
  const { accounts, grants } = findings.orphans;
  const accountRows = accounts.flatMap((person) =>
    person.accounts.map(
      (account) =>
        html`<tr>
          <td>${names(account.source.vendor)}</td>
          <td>${accountLabel(account.source)}</td>
          <td>${person.displayName ?? ""}</td>
          <td>${roleOf(account)}</td>
          <td>${account.status}</td>
        </tr>`,
    ),
  );
  const accountHeaders = ["Vendor", "Account", "Name given", "Role", "Status"];
  return html`<section id="orphans">
    <h2>Orphaned accounts and grants</h2>
    <p class="note">
      No person claims them: the account has no usable login or primary address, or the vendor lists
      a grant for an account it did not return.
    </p>
    <h3>Accounts (${accountRows.length})</h3>
    ${dataTable(accountHeaders, accountRows, "None.")}
    <h3>Grants (${grants.length})</h3>
    ${dataTable(GRANT_HEADERS, grantRows(grants, names), "None.")}
  </section>`;
}

export function leaversSection(findings: ReviewFindings, names: VendorNames): Html {
  const rows = findings.leavers.flatMap((leaver) => [
    ...grantRows(leaver.usable, names, personLabel(leaver.person)),
    ...grantRows(leaver.inactive, names, personLabel(leaver.person)),
  ]);
  const who = findings.leavers.map(
    (leaver) =>
      html`<li>
        <strong>${personLabel(leaver.person)}</strong>: disabled in
        ${leaver.disabledIn.map(names).join(", ")}; ${leaver.usable.length} usable grant(s),
        ${leaver.inactive.length} on inactive accounts
      </li>`,
  );
  return html`<section id="leavers">
    <h2>Leavers still holding access</h2>
    <p class="note">
      People a vendor has disabled, with every grant they still hold: usable ones mean they can
      still act there; grants on disabled accounts come back if the account is re-enabled.
    </p>
    ${
      who.length > 0 &&
      html`<ul>
        ${who}
      </ul>`
    }
    ${dataTable(["Person", ...GRANT_HEADERS], rows, "No leavers hold access.")}
  </section>`;
}
