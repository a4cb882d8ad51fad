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
function canAct(account: Account): boolean {
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
  // Each account's holder, by index into the directory's people (-1: no one claims it).
  const holders = new Map<string, { account: Account; person: number }>();
  directory.people.forEach((person, index) => {
    // A person with no login/primary address is one account nobody has claimed.
    const claimed = person.emails.length > 0 ? index : -1;
    for (const account of person.accounts) {
      holders.set(sourceKey(account.source), { account, person: claimed });
    }
  });
  const entitlements = new Map<string, Entitlement>();
  const grants = new Map<string, Grant>();
  const addGrant = (grant: Grant): void => {
    const key = grantKey(grant);
    const earlier = grants.get(key);
    grants.set(key, earlier === undefined ? grant : stronger(earlier, grant));
  };
  // What a connector lists wins over what core derives from the account's fields.
  for (const record of records) {
    for (const entitlement of record.entitlements ?? []) {
      entitlements.set(entitlementKey(entitlement), entitlement);
    }
    for (const grant of record.grants ?? []) addGrant(grant);
  }
  for (const { account } of holders.values()) {
    const own = accountAccess(account);
    for (const entitlement of own.entitlements) {
      const key = entitlementKey(entitlement);
      if (!entitlements.has(key)) entitlements.set(key, entitlement);
    }
    for (const grant of own.grants) addGrant(grant);
  }
  const issues: AccountIssue[] = [];
  // Bucketed by person, in the directory's order, so only each person's few grants are sorted.
  const byPerson: AccessEntry[][] = directory.people.map(() => []);
  const orphans: AccessEntry[] = [];
  for (const grant of grants.values()) {
    const key = entitlementKey(grant.entitlement);
    let entitlement = entitlements.get(key);
    if (entitlement === undefined) {
      const { vendor, kind, id } = grant.entitlement;
      entitlement = { vendor, kind, id, name: id, privilege: grant.privilege };
      entitlements.set(key, entitlement);
      issues.push({
        vendor: grant.account.vendor,
        kind: grant.account.kind,
        id: grant.account.id,
        reason: `holds ${kind} ${id}, which the vendor did not list`,
        raw: grant,
      });
    }
    const holder = holders.get(sourceKey(grant.account));
    const person = holder === undefined || holder.person < 0 ? null : holder.person;
    const entry: AccessEntry = {
      grant,
      entitlement,
      personId: person === null ? null : directory.people[person]!.id,
      active: holder !== undefined && canAct(holder.account),
    };
    if (person === null) orphans.push(entry);
    else byPerson[person]!.push(entry);
  }
  const entries: AccessEntry[] = [];
  for (const held of byPerson) {
    if (held.length > 1) held.sort(compareHeld);
    for (const entry of held) entries.push(entry);
  }
  for (const entry of orphans.sort(compareOrphans)) entries.push(entry);
  return {
    entitlements: [...entitlements.values()].sort(compareEntitlements),
    entries,
    issues,
  };
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
