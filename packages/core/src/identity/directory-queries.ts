import type { Account } from "./account";
import type { Directory, Person } from "./directory";
import { matchKeyFor } from "./directory";
import { parseEmail } from "./email";
import type { VendorId } from "./vendors";

interface EmailIndex {
  readonly strong: Map<string, Person>;
  readonly weak: Map<string, Person>;
}

// Directories are plain data; their look-up index is built on first query and kept per object.
const indexes = new WeakMap<Directory, EmailIndex>();

function emailIndex(directory: Directory): EmailIndex {
  let index = indexes.get(directory);
  if (index !== undefined) return index;
  const keyOf = matchKeyFor(directory.matching);
  const strong = new Map<string, Person>();
  const weak = new Map<string, Person>();
  for (const person of directory.people) {
    for (const email of person.emails) strong.set(email, person);
  }
  for (const person of directory.people) {
    for (const account of person.accounts) {
      if (!Array.isArray(account.emails)) continue;
      for (const entry of account.emails) {
        if (entry.kind !== "backup" && entry.kind !== "contact") continue;
        if (typeof entry.normalized !== "string") continue;
        const key = keyOf(entry.normalized);
        // People are in id order, so the first owner of a shared backup address wins every time.
        if (!weak.has(key)) weak.set(key, person);
      }
    }
  }
  index = { strong, weak };
  indexes.set(directory, index);
  return index;
}

/** How {@link findPerson} found someone. */
export interface PersonLookup {
  readonly person: Person;
  /** "login/primary" when the address joins their accounts; "backup/contact" otherwise. */
  readonly strength: "login/primary" | "backup/contact";
}

/**
 * Find the person an address belongs to: first by login/primary addresses, then by the backup and
 * contact addresses on their own accounts. Throws {@link IdentityError} for a malformed address.
 */
export function lookupEmail(directory: Directory, email: string): PersonLookup | undefined {
  const key = matchKeyFor(directory.matching)(parseEmail(email).address);
  const index = emailIndex(directory);
  const strong = index.strong.get(key);
  if (strong !== undefined) return { person: strong, strength: "login/primary" };
  const weak = index.weak.get(key);
  return weak === undefined ? undefined : { person: weak, strength: "backup/contact" };
}

/** The person an address belongs to (see {@link lookupEmail}), or undefined. */
export function findPerson(directory: Directory, email: string): Person | undefined {
  return lookupEmail(directory, email)?.person;
}

/** A vendor's accounts, in directory order. */
export function accountsByVendor(directory: Directory, vendor: VendorId): Account[] {
  const found: Account[] = [];
  for (const person of directory.people) {
    for (const account of person.accounts)
      if (account.source.vendor === vendor) found.push(account);
  }
  return found;
}

/** A person and the vendors they have no account in. */
export interface MissingVendors {
  readonly person: Person;
  readonly missing: readonly VendorId[];
}

/**
 * People present in some of `vendors` but not all (default: every vendor in the directory) — the
 * usual "who is missing where" review.
 */
export function peopleMissingFromVendors(
  directory: Directory,
  vendors: readonly VendorId[] = directory.vendors,
): MissingVendors[] {
  const result: MissingVendors[] = [];
  for (const person of directory.people) {
    const missing = vendors.filter((vendor) => !person.vendors.includes(vendor));
    if (missing.length > 0 && missing.length < vendors.length) result.push({ person, missing });
  }
  return result;
}

/** An account with owner or admin rights, and whose it is. */
export interface AdminAccount {
  readonly person: Person;
  readonly account: Account;
}

/** Owner- and admin-level accounts grouped by vendor (every directory vendor has a list). */
export function adminsByVendor(directory: Directory): Record<string, AdminAccount[]> {
  const result: Record<string, AdminAccount[]> = {};
  for (const vendor of directory.vendors) result[vendor] = [];
  for (const person of directory.people) {
    for (const account of person.accounts) {
      const level = account.role?.level;
      if (level !== "owner" && level !== "admin") continue;
      (result[account.source.vendor] ??= []).push({ person, account });
    }
  }
  return result;
}
