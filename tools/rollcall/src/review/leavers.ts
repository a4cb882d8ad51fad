// Leavers still holding access. Vendors say nothing of employment; what they do say is that an
// account was disabled. Someone disabled in one vendor is on their way out, so every grant they
// still hold is listed: usable ones (they can still act there) first, then grants kept on the
// disabled accounts themselves, which re-enabling the account would bring back.
import type { AccessEntry, Person, VendorId } from "@rollcall/core";
import { isUnclaimed, type Holdings } from "./holdings";

export interface Leaver {
  readonly person: Person;
  /** Vendors where at least one of their accounts is disabled. */
  readonly disabledIn: readonly VendorId[];
  /** Grants their accounts can still use. */
  readonly usable: readonly AccessEntry[];
  /** Grants kept on accounts that cannot act (disabled or pending). */
  readonly inactive: readonly AccessEntry[];
}

export function leaversWithAccess(people: readonly Person[], holdings: Holdings): Leaver[] {
  const leavers: Leaver[] = [];
  for (const person of people) {
    if (isUnclaimed(person)) continue;
    const disabledIn = [
      ...new Set(
        person.accounts
          .filter((account) => account.status === "disabled")
          .map((account) => account.source.vendor),
      ),
    ];
    if (disabledIn.length === 0) continue;
    const held = holdings.get(person.id) ?? [];
    if (held.length === 0) continue;
    leavers.push({
      person,
      disabledIn,
      usable: held.filter((entry) => entry.active),
      inactive: held.filter((entry) => !entry.active),
    });
  }
  return leavers;
}
