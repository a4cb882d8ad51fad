// What to show for a person in one vendor's column.
import type { Account, Person } from "@rollcall/core";
import type { CliVendor } from "../vendors";

/** Shown for an account whose vendor reports no role for it. */
export const NO_ROLE = "(no role)";

/** The vendor's own role name when it has one, else core's level, else {@link NO_ROLE}. */
export function roleOf(account: Account): string {
  const raw = account.role.raw;
  if (raw !== null && raw.trim() !== "") return raw.trim();
  return account.role.level === "unknown" ? NO_ROLE : account.role.level;
}

/** Every distinct role the person holds in `vendor`, or null when they have no account there. */
export function rolesIn(person: Person, vendor: CliVendor): string | null {
  const roles = new Set<string>();
  for (const account of person.accounts) {
    if (account.source.vendor === vendor) roles.add(roleOf(account));
  }
  return roles.size === 0 ? null : [...roles].join(", ");
}

export function nameOf(person: Person): string {
  return person.displayName ?? "";
}

export function emailOf(person: Person): string {
  return person.primaryEmail ?? person.id;
}
