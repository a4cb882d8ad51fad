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

function grantKey(grant: Grant): string {
  return `${sourceKey(grant.account)}\u0001${entitlementKey(grant.entitlement)}`;
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

/** Within one holder: most privileged first, then by entitlement and account. */
function compareHeld(a: AccessEntry, b: AccessEntry): number {
  return (
    privilegeRank(b.grant.privilege) - privilegeRank(a.grant.privilege) ||
    compareEntitlements(a.entitlement, b.entitlement) ||
    compareSources(a.grant.account, b.grant.account)
  );
}

/** Orphans have no person to group them: their account does. */
function compareOrphans(a: AccessEntry, b: AccessEntry): number {
  return compareSources(a.grant.account, b.grant.account) || compareHeld(a, b);
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
  // Connectors' grants, deduplicated; what a connector lists wins over what core derives.
  const listed = new Map<string, Grant>();
  for (const record of records) {
    for (const entitlement of record.entitlements ?? []) entitlements.put(entitlement);
    for (const grant of record.grants ?? []) {
      const key = grantKey(grant);
      const earlier = listed.get(key);
      listed.set(key, earlier === undefined ? grant : stronger(earlier, grant));
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
  // Only connectors' grants need their account looked up by key.
  const holders = new Map<string, { account: Account; person: number }>();
  directory.people.forEach((person, index) => {
    // A person with no login/primary address is one account nobody has claimed.
    const claimed = person.emails.length > 0 ? index : -1;
    for (const account of person.accounts) {
      if (listed.size > 0) holders.set(sourceKey(account.source), { account, person: claimed });
      const own = accountAccess(account);
      for (const entitlement of own.entitlements) {
        if (entitlements.get(entitlement) === undefined) entitlements.put(entitlement);
      }
      for (const grant of own.grants) {
        const key = listed.size > 0 ? grantKey(grant) : "";
        const earlier = key === "" ? undefined : listed.get(key);
        if (earlier === undefined) place(grant, claimed, account);
        else listed.set(key, stronger(earlier, grant));
      }
    }
  });
  for (const grant of listed.values()) {
    const holder = holders.get(sourceKey(grant.account));
    place(grant, holder?.person ?? -1, holder?.account);
  }
  const entries: AccessEntry[] = [];
  for (const held of byPerson) {
    if (held.length > 1) held.sort(compareHeld);
    for (const entry of held) entries.push(entry);
  }
  for (const entry of orphans.sort(compareOrphans)) entries.push(entry);
  return { entitlements: entitlements.sorted(), entries, issues };
}

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
