// What changed in who holds what between two points in time (two snapshots of the same
// organisation): people joining and leaving, accounts added and removed, grants gained and lost,
// and privileges raised or lowered. Vendor-neutral; a vendor that was not read completely on
// either side is reported as unknown and contributes nothing, so a failed pull never reads as
// "everyone left".
import type { Account, AccountSource } from "./account";
import { ownRole, type EntitlementKind, type Privilege } from "./access";
import { entitlementKey, type AccessEntry, type AccessGraph } from "./access-graph";
import type { Directory, Person } from "./directory";
import { compareSources, compareStrings, sourceKey } from "./source-key";
import type { VendorId } from "./vendors";

/** One change between two access states. */
export interface AccessChange {
  readonly type:
    | "person-joined"
    | "person-left"
    | "account-added"
    | "account-removed"
    | "grant-added"
    | "grant-removed"
    | "privilege-changed";
  /** Null for person-joined and person-left. */
  readonly vendor: VendorId | null;
  /**
   * Whose: `key` is the person's id, their primary login address as core normalises it (lower
   * case), which stays the same across snapshots. Null when no person claims the account.
   */
  readonly person: { readonly key: string; readonly displayName: string | null } | null;
  readonly account?: AccountSource;
  readonly entitlement?: {
    readonly kind: EntitlementKind;
    readonly id: string;
    readonly name: string;
  };
  /**
   * privilege-changed: the level before and after (of the grant, or with no entitlement or a
   * role entitlement, of the account's role). account-added has `to`, account-removed `from`:
   * the account's role level.
   */
  readonly from?: Privilege;
  readonly to?: Privilege;
}

export interface AccessChanges {
  /** Sorted: people first, then by vendor, person, account, change and entitlement. */
  readonly changes: readonly AccessChange[];
  /** Vendors not read completely in one state or the other; sorted. */
  readonly unknownVendors: readonly VendorId[];
}

/** One side of a comparison: a directory, its access graph, and which vendors were read in full. */
export interface AccessState {
  readonly directory: Directory;
  readonly access: AccessGraph;
  /**
   * Vendors whose pull failed or stopped part-way: nothing about them is known. Vendors absent
   * from the directory are treated the same.
   */
  readonly incompleteVendors?: readonly VendorId[];
}

type PersonRef = NonNullable<AccessChange["person"]>;

const TYPE_ORDER: readonly AccessChange["type"][] = [
  "person-left",
  "person-joined",
  "account-removed",
  "account-added",
  "privilege-changed",
  "grant-removed",
  "grant-added",
];

function completeVendors(state: AccessState): Set<VendorId> {
  const incomplete = new Set(state.incompleteVendors ?? []);
  return new Set(state.directory.vendors.filter((vendor) => !incomplete.has(vendor)));
}

/** A person with no login/primary address is one account nobody has claimed. */
function personRef(person: Person | undefined): PersonRef | null {
  if (person === undefined || person.emails.length === 0) return null;
  return { key: person.id, displayName: person.displayName };
}

interface Held {
  readonly account: Account;
  readonly person: PersonRef | null;
}

interface Side {
  readonly accounts: Map<string, Held>;
  /** Grants beyond each account's own role (that is compared with the account). */
  readonly grants: Map<string, AccessEntry>;
  readonly people: Map<string, Person>;
  /** Claimed people with at least one account in a known vendor. */
  readonly present: Person[];
}

function grantKey(entry: AccessEntry): string {
  return `${sourceKey(entry.grant.account)}\u0001${entitlementKey(entry.grant.entitlement)}`;
}

/** The key of the grant core derives from the account's own role, if it has one. */
function ownRoleGrantKey(account: Account): string | null {
  const role = ownRole(account);
  return role === null ? null : `${sourceKey(account.source)}\u0001${entitlementKey(role)}`;
}

function readSide(state: AccessState, known: ReadonlySet<VendorId>): Side {
  const accounts = new Map<string, Held>();
  const people = new Map<string, Person>();
  const present: Person[] = [];
  const ownRoles = new Set<string>();
  for (const person of state.directory.people) {
    people.set(person.id, person);
    const ref = personRef(person);
    let inKnown = false;
    for (const account of person.accounts) {
      if (!known.has(account.source.vendor)) continue;
      inKnown = true;
      accounts.set(sourceKey(account.source), { account, person: ref });
      const key = ownRoleGrantKey(account);
      if (key !== null) ownRoles.add(key);
    }
    if (inKnown && ref !== null) present.push(person);
  }
  const grants = new Map<string, AccessEntry>();
  for (const entry of state.access.entries) {
    if (!known.has(entry.grant.account.vendor)) continue;
    const key = grantKey(entry);
    if (!ownRoles.has(key)) grants.set(key, entry);
  }
  return { accounts, grants, people, present };
}

/** People on `side` sharing no login/primary address with anyone present on `other`. */
function peopleOnlyIn(side: Side, other: Side): Person[] {
  const known = new Set<string>();
  for (const person of other.present) for (const address of person.emails) known.add(address);
  return side.present.filter((person) => !person.emails.some((address) => known.has(address)));
}

function roleEntitlement(account: Account): AccessChange["entitlement"] | undefined {
  const role = ownRole(account);
  return role === null ? undefined : { kind: role.kind, id: role.id, name: role.name };
}

function entryChange(
  type: AccessChange["type"],
  entry: AccessEntry,
  side: Side,
): Omit<AccessChange, "from" | "to"> {
  const { entitlement } = entry;
  return {
    type,
    vendor: entry.grant.account.vendor,
    person: entry.personId === null ? null : personRef(side.people.get(entry.personId)),
    account: entry.grant.account,
    entitlement: { kind: entitlement.kind, id: entitlement.id, name: entitlement.name },
  };
}

function compareChanges(a: AccessChange, b: AccessChange): number {
  const personA = a.person?.key ?? "\uffff";
  const personB = b.person?.key ?? "\uffff";
  return (
    compareStrings(a.vendor ?? "", b.vendor ?? "") ||
    compareStrings(personA, personB) ||
    (a.account && b.account ? compareSources(a.account, b.account) : 0) ||
    TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
    compareStrings(a.entitlement?.kind ?? "", b.entitlement?.kind ?? "") ||
    compareStrings(a.entitlement?.id ?? "", b.entitlement?.id ?? "")
  );
}

/**
 * What changed from `before` to `after`. Accounts are matched by `(vendor, kind, id)`, grants by
 * account and entitlement, people by any shared login/primary address. The grants of an account
 * that was added or removed are not listed again: the account change carries its role level. An
 * account's own role (core's `role` grant) is compared as the account's privilege.
 */
export function diffAccess(before: AccessState, after: AccessState): AccessChanges {
  const completeBefore = completeVendors(before);
  const completeAfter = completeVendors(after);
  const known = new Set([...completeBefore].filter((vendor) => completeAfter.has(vendor)));
  const seen = new Set<VendorId>([
    ...before.directory.vendors,
    ...after.directory.vendors,
    ...(before.incompleteVendors ?? []),
    ...(after.incompleteVendors ?? []),
  ]);
  const unknownVendors = [...seen].filter((vendor) => !known.has(vendor)).sort(compareStrings);

  const then = readSide(before, known);
  const now = readSide(after, known);
  const changes: AccessChange[] = [];
  for (const person of peopleOnlyIn(then, now)) {
    changes.push({ type: "person-left", vendor: null, person: personRef(person) });
  }
  for (const person of peopleOnlyIn(now, then)) {
    changes.push({ type: "person-joined", vendor: null, person: personRef(person) });
  }

  const movedAccounts = new Set<string>();
  for (const [key, held] of then.accounts) {
    if (now.accounts.has(key)) continue;
    movedAccounts.add(key);
    const { source, role } = held.account;
    changes.push({
      type: "account-removed",
      vendor: source.vendor,
      person: held.person,
      account: source,
      from: role.level,
    });
  }
  for (const [key, held] of now.accounts) {
    const earlier = then.accounts.get(key);
    const { source, role } = held.account;
    if (earlier === undefined) {
      movedAccounts.add(key);
      changes.push({
        type: "account-added",
        vendor: source.vendor,
        person: held.person,
        account: source,
        to: role.level,
      });
      continue;
    }
    const was = earlier.account.role;
    if (was.level === role.level && was.raw === role.raw) continue;
    const entitlement = roleEntitlement(held.account);
    changes.push({
      type: "privilege-changed",
      vendor: source.vendor,
      person: held.person,
      account: source,
      ...(entitlement && { entitlement }),
      from: was.level,
      to: role.level,
    });
  }

  const ofMovedAccount = (entry: AccessEntry) => movedAccounts.has(sourceKey(entry.grant.account));
  for (const [key, entry] of then.grants) {
    if (now.grants.has(key) || ofMovedAccount(entry)) continue;
    changes.push({ ...entryChange("grant-removed", entry, then), from: entry.grant.privilege });
  }
  for (const [key, entry] of now.grants) {
    if (ofMovedAccount(entry)) continue;
    const earlier = then.grants.get(key);
    if (earlier === undefined) {
      changes.push({ ...entryChange("grant-added", entry, now), to: entry.grant.privilege });
    } else if (earlier.grant.privilege !== entry.grant.privilege) {
      changes.push({
        ...entryChange("privilege-changed", entry, now),
        from: earlier.grant.privilege,
        to: entry.grant.privilege,
      });
    }
  }
  return { changes: changes.sort(compareChanges), unknownVendors };
}
