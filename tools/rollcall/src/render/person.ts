// `rollcall whois`: one person, their accounts and the addresses that only point at them.
import type { PersonLookup } from "@rollcall/core";
import { style, type Line } from "../terminal";
import { roleOf } from "./roles";
import { describeContactMatch } from "./summary";
import { textTable } from "./text-table";

/** "Name <address>", or the address alone. */
export function personTitle(person: PersonLookup["person"]): string {
  return person.displayName
    ? `${person.displayName} <${person.primaryEmail ?? person.id}>`
    : (person.primaryEmail ?? person.id);
}

export function renderPerson({ person, strength }: PersonLookup): Line[] {
  const title = personTitle(person);
  const found =
    strength === "login/primary"
      ? "Found by a login/primary address."
      : "Found only by a backup/contact address on their own account.";
  const rows = person.accounts.map((account) => [
    account.source.vendor,
    roleOf(account),
    account.source.kind,
    account.source.id,
    account.status,
    account.groups.map((group) => group.name ?? group.id ?? "").join(", "),
  ]);
  return [
    style.bold(title),
    found,
    "",
    ...textTable(["Vendor", "Role", "Account", "Id", "Status", "Groups"], rows),
    "",
    person.contactMatches.length === 0
      ? [style.bold("Contact-only matches:"), " none"]
      : style.bold("Contact-only matches:"),
    ...person.contactMatches.map((match) => `  ${describeContactMatch(match)}`),
  ];
}
