// The people × vendors matrix: per person and vendor, the highest privilege they hold there.
import { accountCanAct, privilegeRank, type Person, type Privilege } from "@rollcall/core";
import { rolesIn } from "../render/roles";
import { isUnclaimed, personLabel, type Holdings } from "./holdings";
import type { ReviewVendor } from "./input";

export type MatrixCell =
  | { readonly state: "not-read" }
  | { readonly state: "none" }
  | {
      readonly state: "held";
      /** The highest privilege of any grant there: usable ones first, else the inactive ones. */
      readonly privilege: Privilege;
      /** False when every account there is disabled or a pending invitation. */
      readonly active: boolean;
      /** The vendor's own role names ("administrator, group member"). */
      readonly roles: string;
    };

export interface MatrixRow {
  readonly person: Person;
  readonly top: Privilege;
  readonly cells: readonly MatrixCell[];
}

function highest(privileges: readonly Privilege[]): Privilege {
  let best: Privilege = "unknown";
  for (const privilege of privileges) {
    if (privilegeRank(privilege) > privilegeRank(best)) best = privilege;
  }
  return best;
}

function cellOf(person: Person, vendor: ReviewVendor, holdings: Holdings): MatrixCell {
  if (!vendor.complete) return { state: "not-read" };
  const accounts = person.accounts.filter((account) => account.source.vendor === vendor.id);
  if (accounts.length === 0) return { state: "none" };
  const entries = (holdings.get(person.id) ?? []).filter(
    (entry) => entry.entitlement.vendor === vendor.id,
  );
  const usable = entries.filter((entry) => entry.active);
  // Every account's role is one of its grants already (core's accountAccess).
  const counted = usable.length > 0 ? usable : entries;
  return {
    state: "held",
    privilege: highest(counted.map((entry) => entry.grant.privilege)),
    active: accounts.some(accountCanAct),
    roles: rolesIn(person, vendor.id) ?? "",
  };
}

/** Claimed people, owners first, then admins, then the rest, by name within each. */
export function reviewMatrix(
  people: readonly Person[],
  vendors: readonly ReviewVendor[],
  holdings: Holdings,
): MatrixRow[] {
  const rows = people
    .filter((person) => !isUnclaimed(person))
    .map((person) => {
      const cells = vendors.map((vendor) => cellOf(person, vendor, holdings));
      const usable = cells.flatMap((cell) =>
        cell.state === "held" && cell.active ? [cell.privilege] : [],
      );
      return { person, top: highest(usable), cells };
    });
  return rows.sort(
    (a, b) =>
      privilegeRank(b.top) - privilegeRank(a.top) ||
      personLabel(a.person).localeCompare(personLabel(b.person), "en") ||
      (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0),
  );
}
