// Dormant accounts: no login in the last N days, judged only where the vendor reports logins.
import type { Account, Person, VendorId } from "@rollcall/core";
import type { ReviewVendor } from "./input";

export interface DormantAccount {
  readonly person: Person;
  readonly account: Account;
  /** Null: the vendor reports logins, but none for this account. */
  readonly lastLogin: Date | null;
  /** Whole days from the last login to the report; null with no login. */
  readonly days: number | null;
}

export interface DormantFindings {
  readonly accounts: readonly DormantAccount[];
  /** Vendors read whose accounts carry no login time at all: nothing can be said of them. */
  readonly notReported: readonly VendorId[];
  /** Vendors that do report logins, so their accounts were judged. */
  readonly reported: readonly VendorId[];
}

const DAY_MS = 86_400_000;

/**
 * Every account, of a vendor that reports last logins, with none since `days` before `now`. A
 * vendor reports logins when at least one of its accounts carries one; its accounts without one
 * have never signed in (or the vendor lost it) and are listed too. A local-time login (no offset
 * given) is read as UTC: at most a day off, far below the threshold.
 */
export function dormantAccounts(
  people: readonly Person[],
  vendors: readonly ReviewVendor[],
  now: Date,
  days: number,
): DormantFindings {
  const reporting = new Set<VendorId>();
  for (const person of people) {
    for (const account of person.accounts) {
      if (account.lastLoginAt !== null) reporting.add(account.source.vendor);
    }
  }
  const cutoff = now.getTime() - days * DAY_MS;
  const accounts: DormantAccount[] = [];
  for (const person of people) {
    for (const account of person.accounts) {
      if (!reporting.has(account.source.vendor)) continue;
      const at = account.lastLoginAt === null ? NaN : Date.parse(loginIso(account));
      if (Number.isNaN(at)) {
        accounts.push({ person, account, lastLogin: null, days: null });
      } else if (at < cutoff) {
        const since = Math.floor((now.getTime() - at) / DAY_MS);
        accounts.push({ person, account, lastLogin: new Date(at), days: since });
      }
    }
  }
  const read = vendors.filter((vendor) => vendor.complete).map((vendor) => vendor.id);
  return {
    accounts,
    reported: read.filter((vendor) => reporting.has(vendor)),
    notReported: read.filter((vendor) => !reporting.has(vendor)),
  };
}

function loginIso(account: Account): string {
  const { iso, zone } = account.lastLoginAt!;
  return zone === "local" && !/[zZ]$/.test(iso) ? `${iso}Z` : iso;
}
