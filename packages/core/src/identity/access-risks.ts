// Where access hangs on one person: entitlements nobody active holds, vendors and teams with a
// single admin, and what removing someone would break (offboarding's preflight).
import type { AccountSource } from "./account";
import { isVendorWide, privilegeAtLeast, type Entitlement, type EntitlementRef } from "./access";
import { entitlementKey, type AccessEntry, type AccessGraph } from "./access-graph";
import type { VendorId } from "./vendors";

/**
 * Where someone can be an admin: a whole vendor (its roles and permissions confer admin of the
 * vendor) or one team, group, schedule or escalation policy that has admins of its own.
 */
export interface AdminScope {
  readonly vendor: VendorId;
  /** Absent for the vendor as a whole. */
  readonly entitlement?: Entitlement;
}

/** A scope's active admins and, among them, its owners, by person id. */
export interface ScopeAdmins {
  readonly scope: AdminScope;
  readonly admins: readonly string[];
  readonly owners: readonly string[];
}

interface ScopeHolders {
  readonly scope: AdminScope;
  readonly admins: Set<string>;
  readonly owners: Set<string>;
}

function scopeOf(entry: AccessEntry): { key: string; scope: AdminScope } {
  const { entitlement } = entry;
  return isVendorWide(entitlement)
    ? { key: entitlement.vendor, scope: { vendor: entitlement.vendor } }
    : { key: entitlementKey(entitlement), scope: { vendor: entitlement.vendor, entitlement } };
}

/** Every admin scope with its active admins and owners (scopes nobody administers are left out). */
export function adminScopes(graph: AccessGraph): ScopeAdmins[] {
  return [...scopeHolders(graph).values()].map(({ scope, admins, owners }) => ({
    scope,
    admins: [...admins],
    owners: [...owners],
  }));
}

function scopeHolders(graph: AccessGraph): Map<string, ScopeHolders> {
  const scopes = new Map<string, ScopeHolders>();
  for (const entry of graph.entries) {
    if (entry.personId === null || !entry.active) continue;
    if (!privilegeAtLeast(entry.grant.privilege, "admin")) continue;
    const { key, scope } = scopeOf(entry);
    let holders = scopes.get(key);
    if (holders === undefined) {
      holders = { scope, admins: new Set(), owners: new Set() };
      scopes.set(key, holders);
    }
    holders.admins.add(entry.personId);
    if (entry.grant.privilege === "owner") holders.owners.add(entry.personId);
  }
  return scopes;
}

export interface AccessRisk {
  readonly reason: "no-active-holder" | "single-admin";
  readonly scope: AdminScope;
  /** The people concerned: the single admin; none for an entitlement nobody active holds. */
  readonly personIds: readonly string[];
}

/** The people whose active accounts hold each entitlement, by entitlement key. */
function activeHolders(graph: AccessGraph): Map<string, Set<string>> {
  const holders = new Map<string, Set<string>>();
  for (const entry of graph.entries) {
    if (entry.personId === null || !entry.active) continue;
    const key = entitlementKey(entry.entitlement);
    const people = holders.get(key) ?? new Set<string>();
    if (people.size === 0) holders.set(key, people);
    people.add(entry.personId);
  }
  return holders;
}

/** Entitlements no active account holds, and vendors or teams with exactly one active admin. */
export function accessRisks(graph: AccessGraph): AccessRisk[] {
  const held = activeHolders(graph);
  const risks: AccessRisk[] = graph.entitlements
    .filter((entitlement) => !held.has(entitlementKey(entitlement)))
    .map((entitlement) => ({
      reason: "no-active-holder",
      scope: { vendor: entitlement.vendor, entitlement },
      personIds: [],
    }));
  for (const { scope, admins } of scopeHolders(graph).values()) {
    if (admins.size === 1) risks.push({ reason: "single-admin", scope, personIds: [...admins] });
  }
  return risks;
}

/** Something removing a person would break: a blocker stops the plan, a warning is for review. */
export interface OffboardingFinding {
  readonly severity: "blocker" | "warning";
  readonly code:
    "last-owner" | "last-admin" | "on-call" | "rotation" | "escalation" | "last-member";
  readonly vendor: VendorId;
  /** The person's account whose grant it is about. */
  readonly account: AccountSource;
  /** The team, schedule, … concerned; absent when it is about the vendor as a whole. */
  readonly entitlement?: EntitlementRef;
  /** For a person to read: what breaks, and what to do first. */
  readonly message: string;
}

function describeScope(scope: AdminScope): string {
  const { entitlement } = scope;
  return entitlement === undefined
    ? scope.vendor
    : `${entitlement.vendor} ${entitlement.kind} "${entitlement.name}"`;
}

function finding(
  severity: OffboardingFinding["severity"],
  code: OffboardingFinding["code"],
  entry: AccessEntry,
  message: string,
  vendorWide = false,
): OffboardingFinding {
  const { vendor, kind, id } = entry.entitlement;
  return {
    severity,
    code,
    vendor,
    account: entry.grant.account,
    ...(vendorWide ? {} : { entitlement: { vendor, kind, id } }),
    message,
  };
}

/**
 * What removing `personId` would break, from their grants: blockers while they are the only owner
 * or the only active admin of a vendor or team, or on call now; warnings for schedules and
 * escalation policies that lose a member, and teams or groups left with no active member.
 */
export function offboardingFindings(graph: AccessGraph, personId: string): OffboardingFinding[] {
  const blockers: OffboardingFinding[] = [];
  const warnings: OffboardingFinding[] = [];
  const mine = graph.entries.filter((entry) => entry.personId === personId);
  const scopes = scopeHolders(graph);
  const reported = new Set<string>();
  const holdersOf = activeHolders(graph);
  for (const entry of mine) {
    if (!entry.active) continue;
    const { key, scope } = scopeOf(entry);
    const holders = scopes.get(key);
    const vendorWide = scope.entitlement === undefined;
    const where = describeScope(scope);
    if (holders !== undefined && !reported.has(key)) {
      if (holders.owners.size === 1 && holders.owners.has(personId)) {
        reported.add(key);
        blockers.push(
          finding(
            "blocker",
            "last-owner",
            entry,
            `the only owner of ${where}: hand ownership to someone else first`,
            vendorWide,
          ),
        );
      } else if (holders.admins.size === 1 && holders.admins.has(personId)) {
        reported.add(key);
        blockers.push(
          finding(
            "blocker",
            "last-admin",
            entry,
            `the only active admin of ${where}: make someone else an admin first`,
            vendorWide,
          ),
        );
      }
    }
    const { kind, name } = entry.entitlement;
    if (kind === "schedule") {
      if (entry.grant.onCallNow === true) {
        blockers.push(
          finding(
            "blocker",
            "on-call",
            entry,
            `on call now in schedule "${name}": hand over the shift first`,
          ),
        );
      } else {
        warnings.push(
          finding(
            "warning",
            "rotation",
            entry,
            `schedule "${name}" loses a member of its rotation`,
          ),
        );
      }
    } else if (kind === "escalation") {
      warnings.push(
        finding("warning", "escalation", entry, `escalation policy "${name}" names them`),
      );
    } else if (kind === "team" || kind === "group") {
      // They hold it actively, so they are among its holders: alone, it is left empty.
      if (holdersOf.get(entitlementKey(entry.entitlement))?.size === 1) {
        warnings.push(
          finding(
            "warning",
            "last-member",
            entry,
            `${kind} "${name}" is left with no active member`,
          ),
        );
      }
    }
  }
  return [...blockers, ...warnings];
}
