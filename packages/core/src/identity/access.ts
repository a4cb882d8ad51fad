// What an account can do, vendor-neutrally: the entitlements a vendor has (roles, teams, groups,
// schedules, escalation policies, permissions) and the grants by which accounts hold them.
import type { Account, AccountSource, RoleLevel } from "./account";
import type { VendorId } from "./vendors";

/** Coarse privilege, comparable across vendors: an account's role level, or a role inside a team. */
export type Privilege = RoleLevel;

/** What sort of thing grants access. */
export type EntitlementKind = "role" | "team" | "group" | "schedule" | "escalation" | "permission";

/** Names one entitlement: unique per `(vendor, kind, id)`. */
export interface EntitlementRef {
  readonly vendor: VendorId;
  readonly kind: EntitlementKind;
  /** The vendor's id for it (a role that has no id: its name). */
  readonly id: string;
}

/** A role, team, group, schedule, escalation policy or permission a vendor has. */
export interface Entitlement extends EntitlementRef {
  readonly name: string;
  /**
   * The most its holders get from it: a vendor's Admin role confers admin, a team membership
   * member. A grant's own `privilege` says which role inside it an account holds.
   */
  readonly privilege: Privilege;
  /**
   * Holding it at admin makes one an admin of the whole vendor, like a vendor's Administrators
   * group. Roles and permissions always do; a team, group or schedule only when this says so.
   */
  readonly vendorWide?: boolean;
}

/** An account holds an entitlement, with a role inside it (a team's admin, a group's member). */
export interface Grant {
  readonly account: AccountSource;
  readonly entitlement: EntitlementRef;
  readonly privilege: Privilege;
  /** Where the vendor said so: the record field (`role`, `groups`) or the listing it came from. */
  readonly via: string;
  /** Schedules only: whether the holder is on call now. */
  readonly onCallNow?: boolean;
  /** The vendor's id of the membership itself, where removing it needs one (a rotation's user entry). */
  readonly membershipId?: string;
}

/** Entitlements and grants a connector read besides its accounts. */
export interface AccessRecords {
  readonly entitlements?: readonly Entitlement[];
  readonly grants?: readonly Grant[];
}

const VENDOR_WIDE_KINDS: ReadonlySet<EntitlementKind> = new Set(["role", "permission"]);

/** Whether holding it at admin makes one an admin of its whole vendor (see `vendorWide`). */
export function isVendorWide(entitlement: Entitlement): boolean {
  return entitlement.vendorWide === true || VENDOR_WIDE_KINDS.has(entitlement.kind);
}

const RANK: Readonly<Record<Privilege, number>> = {
  unknown: 0,
  limited: 1,
  member: 2,
  admin: 3,
  owner: 4,
};

/** Orders privileges from least to most; `unknown` ranks below `limited`. */
export function privilegeRank(privilege: Privilege): number {
  return RANK[privilege] ?? 0;
}

/** True when `privilege` is `at` or higher. */
export function privilegeAtLeast(privilege: Privilege, at: Privilege): boolean {
  return privilegeRank(privilege) >= privilegeRank(at);
}

/**
 * The `role` entitlement an account's vendor-wide role is: named after the vendor's role (or its
 * level when the vendor gives no name), conferring the role's level; null when it has neither.
 */
export function ownRole(account: Account): Entitlement | null {
  const { role } = account;
  const name = role.raw?.trim() || (role.level === "unknown" ? "" : role.level);
  if (name === "") return null;
  return { vendor: account.source.vendor, kind: "role", id: name, name, privilege: role.level };
}

/**
 * The grants every account already states: its vendor-wide role (a `role` entitlement named after
 * the vendor's role, conferring the role's level) and its group memberships (`group` entitlements,
 * as members). A connector that reads teams, schedules or custom roles adds its own beside them.
 */
export function accountAccess(account: Account): Required<AccessRecords> {
  const { vendor } = account.source;
  const entitlements: Entitlement[] = [];
  const grants: Grant[] = [];
  const role = ownRole(account);
  if (role !== null) {
    entitlements.push(role);
    grants.push({
      account: account.source,
      entitlement: { vendor, kind: role.kind, id: role.id },
      privilege: role.privilege,
      via: account.provenance["role"] ?? "role",
    });
  }
  for (const group of account.groups) {
    const id = group.id ?? group.name;
    if (id === null) continue;
    const ref: EntitlementRef = { vendor, kind: "group", id };
    entitlements.push({ ...ref, name: group.name ?? id, privilege: "member" });
    grants.push({
      account: account.source,
      entitlement: ref,
      privilege: "member",
      via: account.provenance["groups"] ?? "groups",
    });
  }
  return { entitlements, grants };
}
