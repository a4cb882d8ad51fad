// Joins grants to people: the directory says whose each account is, the grants what it holds.
import type { Account, AccountIssue } from "./account";
import {
  accountAccess,
  privilegeAtLeast,
  privilegeRank,
  type AccessRecords,
  type Entitlement,
  type EntitlementRef,
  type Grant,
} from "./access";
import type { Directory } from "./directory";
import { compareSources, compareStrings, sourceKey } from "./source-key";

/** One grant, with the entitlement it grants and who holds it. */
export interface AccessEntry {
  readonly grant: Grant;
  readonly entitlement: Entitlement;
  /**
   * The person holding it, or null for an orphan: an account the directory does not have, or one
   * that no login/primary address ties to anyone.
   */
  readonly personId: string | null;
  /** The holding account is in the directory and can act (not disabled, not a pending invitation). */
  readonly active: boolean;
}

/** Every entitlement and grant, joined to people. Plain, serialisable data. */
export interface AccessGraph {
  /** Sorted by vendor, kind, name, id. */
  readonly entitlements: readonly Entitlement[];
  /** Sorted by person (orphans last, by account), then most privileged first. */
  readonly entries: readonly AccessEntry[];
  /** Grants that named an entitlement their vendor did not list (kept, with a stand-in). */
  readonly issues: readonly AccountIssue[];
}

export function entitlementKey(ref: EntitlementRef): string {
  return `${ref.vendor}\u0000${ref.kind}\u0000${ref.id}`;
}

/** Pending and disabled accounts hold nothing they can use; vendors that say neither count. */
export function accountCanAct(account: Account): boolean {
  return account.status !== "disabled" && account.status !== "unverified";
}

/** The stronger of two grants of one entitlement to one account; on call if either says so. */
function stronger(a: Grant, b: Grant): Grant {
  const kept = privilegeRank(b.privilege) > privilegeRank(a.privilege) ? b : a;
  const onCall = a.onCallNow === true || b.onCallNow === true;
  return onCall && kept.onCallNow !== true ? { ...kept, onCallNow: true } : kept;
}

function compareEntitlements(a: Entitlement, b: Entitlement): number {
  return (
    compareStrings(a.vendor, b.vendor) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.id, b.id)
  );
}

/**
 * Joins every account's own grants (its role and groups, {@link accountAccess}) and the grants
 * connectors read (teams, schedules, custom roles: `records`) to the directory's people. A grant
 * of one entitlement to one account given twice is kept once, at the higher privilege.
 */
export function buildAccessGraph(
  directory: Directory,
  records: Iterable<AccessRecords> = [],
): AccessGraph {
  const entitlements = new EntitlementTable();
  // Connectors' grants by account: one key string per grant, no key per (account, entitlement).
  const listed = new Map<string, HeldGrants>();
  for (const record of records) {
    for (const entitlement of record.entitlements ?? []) entitlements.put(entitlement);
    for (const grant of record.grants ?? []) {
      const key = sourceKey(grant.account);
      let held = listed.get(key);
      if (held === undefined) listed.set(key, (held = new HeldGrants()));
      held.add(grant);
    }
  }
  const issues: AccountIssue[] = [];
  const entitlementOf = (grant: Grant): Entitlement => {
    const known = entitlements.get(grant.entitlement);
    if (known !== undefined) return known;
    const { vendor, kind, id } = grant.entitlement;
    issues.push({
      vendor: grant.account.vendor,
      kind: grant.account.kind,
      id: grant.account.id,
      reason: `holds ${kind} ${id}, which the vendor did not list`,
      raw: grant,
    });
    return entitlements.put({ vendor, kind, id, name: id, privilege: grant.privilege });
  };
  // Bucketed by person, in the directory's order, so only each person's few grants are sorted.
  const byPerson: AccessEntry[][] = directory.people.map(() => []);
  const orphans: AccessEntry[] = [];
  const place = (grant: Grant, person: number, account: Account | undefined): void => {
    const entry: AccessEntry = {
      grant,
      entitlement: entitlementOf(grant),
      personId: person < 0 ? null : directory.people[person]!.id,
      active: account !== undefined && accountCanAct(account),
    };
    if (person < 0) orphans.push(entry);
    else byPerson[person]!.push(entry);
  };
  // Each account's derived grants first (what a connector lists wins over them), then its listed ones.
  const claimed: { held: HeldGrants; person: number; account: Account }[] = [];
  directory.people.forEach((person, index) => {
    // A person with no login/primary address is one account nobody has claimed.
    const owner = person.emails.length > 0 ? index : -1;
    for (const account of person.accounts) {
      const key = listed.size > 0 ? sourceKey(account.source) : "";
      const held = key === "" ? undefined : listed.get(key);
      const own = accountAccess(account);
      for (const entitlement of own.entitlements) {
        if (entitlements.get(entitlement) === undefined) entitlements.put(entitlement);
      }
      for (const grant of own.grants) {
        if (held === undefined || !held.merge(grant)) place(grant, owner, account);
      }
      if (held !== undefined) {
        claimed.push({ held, person: owner, account });
        listed.delete(key);
      }
    }
  });
  for (const { held, person, account } of claimed) {
    for (const grant of held.grants) place(grant, person, account);
  }
  // What is left names accounts the directory does not have.
  for (const held of listed.values()) for (const grant of held.grants) place(grant, -1, undefined);
  const sorted = entitlements.sorted();
  const rank = new Map<Entitlement, number>(sorted.map((entitlement, i) => [entitlement, i]));
  const compareHeld = (a: AccessEntry, b: AccessEntry): number =>
    privilegeRank(b.grant.privilege) - privilegeRank(a.grant.privilege) ||
    rank.get(a.entitlement)! - rank.get(b.entitlement)! ||
    compareSources(a.grant.account, b.grant.account);
  const entries: AccessEntry[] = [];
  for (const held of byPerson) {
    if (held.length > 1) held.sort(compareHeld);
    for (const entry of held) entries.push(entry);
  }
  orphans.sort((a, b) => compareSources(a.grant.account, b.grant.account) || compareHeld(a, b));
  for (const entry of orphans) entries.push(entry);
  return { entitlements: sorted, entries, issues };
}

/**
 * One account's listed grants, one per entitlement (the stronger kept). Accounts hold a few, so
 * they are found by scanning; past {@link SCAN_LIMIT} (a hostile listing) by a keyed index.
 */
class HeldGrants {
  readonly grants: Grant[] = [];
  #index: Map<string, number> | undefined;

  /** Adds a listed grant, or strengthens the one it repeats. */
  add(grant: Grant): void {
    const at = this.#find(grant.entitlement);
    if (at < 0) this.#push(grant);
    else this.grants[at] = stronger(this.grants[at]!, grant);
  }

  /** Merges a derived grant into the listed one of its entitlement; false when there is none. */
  merge(grant: Grant): boolean {
    const at = this.#find(grant.entitlement);
    if (at < 0) return false;
    this.grants[at] = stronger(this.grants[at]!, grant);
    return true;
  }

  #push(grant: Grant): void {
    this.grants.push(grant);
    if (this.#index !== undefined) {
      this.#index.set(entitlementKey(grant.entitlement), this.grants.length - 1);
    } else if (this.grants.length > SCAN_LIMIT) {
      this.#index = new Map(this.grants.map((held, i) => [entitlementKey(held.entitlement), i]));
    }
  }

  #find(ref: EntitlementRef): number {
    if (this.#index !== undefined) return this.#index.get(entitlementKey(ref)) ?? -1;
    return this.grants.findIndex(
      ({ entitlement: held }) =>
        held.id === ref.id && held.kind === ref.kind && held.vendor === ref.vendor,
    );
  }
}

const SCAN_LIMIT = 16;

/** Entitlements by vendor, kind and id, in nested maps: no key string per look-up. */
class EntitlementTable {
  readonly #byVendor = new Map<string, Map<string, Map<string, Entitlement>>>();

  get({ vendor, kind, id }: EntitlementRef): Entitlement | undefined {
    return this.#byVendor.get(vendor)?.get(kind)?.get(id);
  }

  put(entitlement: Entitlement): Entitlement {
    let kinds = this.#byVendor.get(entitlement.vendor);
    if (kinds === undefined) this.#byVendor.set(entitlement.vendor, (kinds = new Map()));
    let ids = kinds.get(entitlement.kind);
    if (ids === undefined) kinds.set(entitlement.kind, (ids = new Map()));
    ids.set(entitlement.id, entitlement);
    return entitlement;
  }

  sorted(): Entitlement[] {
    const all: Entitlement[] = [];
    for (const kinds of this.#byVendor.values()) {
      for (const ids of kinds.values())
        for (const entitlement of ids.values()) all.push(entitlement);
    }
    return all.sort(compareEntitlements);
  }
}

/** Everything one person holds, most privileged first. */
export function accessOf(graph: AccessGraph, personId: string): AccessEntry[] {
  return graph.entries.filter((entry) => entry.personId === personId);
}

/** Grants held by accounts no person claims. */
export function orphanedGrants(graph: AccessGraph): AccessEntry[] {
  return graph.entries.filter((entry) => entry.personId === null);
}

/** People holding `at` (default admin) or above anywhere, with the grants that make them so. */
export function privilegedPeople(
  graph: AccessGraph,
  at: Entitlement["privilege"] = "admin",
): { personId: string; entries: AccessEntry[] }[] {
  const found = new Map<string, AccessEntry[]>();
  for (const entry of graph.entries) {
    if (entry.personId === null || !entry.active) continue;
    if (!privilegeAtLeast(entry.grant.privilege, at)) continue;
    const list = found.get(entry.personId) ?? [];
    if (list.length === 0) found.set(entry.personId, list);
    list.push(entry);
  }
  return [...found].map(([personId, entries]) => ({ personId, entries }));
}

/** Schedule grants whose holder is on call now. */
export function onCallNow(graph: AccessGraph): AccessEntry[] {
  return graph.entries.filter(
    (entry) => entry.entitlement.kind === "schedule" && entry.grant.onCallNow === true,
  );
}
