// The people × vendors matrix: per person and vendor, the highest privilege they hold there.
import {
  accountCanAct,
  privilegeRank,
  type Person,
  type PersonAccessSummary,
  type Privilege,
} from "@rollcall/core";
import { rolesIn } from "../render/roles";
import { isUnclaimed, personLabel, type Holdings } from "./holdings";
import type { ReviewVendor } from "./input";

export type MatrixCell =
  | { readonly state: "not-read" }
  | { readonly state: "none" }
  | {
      readonly state: "held";
      /**
       * The highest privilege over the vendor (as `rollcall directory` shows it: a team's admin is
       * a member of the vendor): from usable grants, else from the inactive ones.
       */
      readonly privilege: Privilege;
      /** They administer a team or group there without being an admin of the vendor. */
      readonly teamAdmin: boolean;
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

function cellOf(
  person: Person,
  vendor: ReviewVendor,
  holdings: Holdings,
  summary: PersonAccessSummary | undefined,
): MatrixCell {
  if (!vendor.complete) return { state: "not-read" };
  const accounts = person.accounts.filter((account) => account.source.vendor === vendor.id);
  if (accounts.length === 0) return { state: "none" };
  const entries = (holdings.get(person.id) ?? []).filter(
    (entry) => entry.entitlement.vendor === vendor.id,
  );
  // Every account's role is one of its grants already (core's accountAccess); the summary counts
  // the usable ones, and an inactive account shows what it would still hold.
  const usable = summary?.privileges[vendor.id];
  return {
    state: "held",
    privilege: usable ?? highest(entries.map((entry) => entry.grant.privilege)),
    teamAdmin: usable !== undefined && summary!.teamAdminIn.includes(vendor.id),
    active: accounts.some(accountCanAct),
    roles: rolesIn(person, vendor.id) ?? "",
  };
}

/** Claimed people, owners first, then admins, then the rest, by name within each. */
export function reviewMatrix(
  people: readonly Person[],
  vendors: readonly ReviewVendor[],
  holdings: Holdings,
  summaries: ReadonlyMap<string, PersonAccessSummary>,
): MatrixRow[] {
  const rows = people
    .filter((person) => !isUnclaimed(person))
    .map((person) => {
      const summary = summaries.get(person.id);
      const cells = vendors.map((vendor) => cellOf(person, vendor, holdings, summary));
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
