// Each person's access at a glance: the most they can do in each vendor, and how many teams and
// schedules they are in. What directory tables and review matrices show per person.
import { isVendorWide, privilegeRank, type Privilege } from "./access";
import { entitlementKey, type AccessGraph } from "./access-graph";
import type { VendorId } from "./vendors";

export interface PersonAccessSummary {
  /**
   * The highest privilege the person's usable grants give over each vendor as a whole; absent: none
   * there. A team's admin is a member of the vendor: see `teamAdminIn`.
   */
  readonly privileges: Readonly<Partial<Record<VendorId, Privilege>>>;
  /** Vendors where they administer a team, group or schedule without being a vendor-wide admin. */
  readonly teamAdminIn: readonly VendorId[];
  /** Teams and groups they are in (usable accounts only). */
  readonly teams: number;
  readonly schedules: number;
  /** On call now in at least one schedule. */
  readonly onCallNow: boolean;
}

const MEMBER = privilegeRank("member");

interface Tally {
  privileges: Partial<Record<VendorId, Privilege>>;
  teamAdminIn: Set<VendorId>;
  // Distinct entitlements: two accounts of one person in one team are one team.
  teams: Set<string>;
  schedules: Set<string>;
  onCallNow: boolean;
}

/**
 * One summary per person who holds anything usable, by person id, in one pass over the graph.
 * Grants of disabled accounts and pending invitations count for nothing: they cannot be used.
 */
export function summariseAccess(graph: AccessGraph): Map<string, PersonAccessSummary> {
  const summaries = new Map<string, Tally>();
  for (const { grant, entitlement, personId, active } of graph.entries) {
    if (personId === null || !active) continue;
    let tally = summaries.get(personId);
    if (tally === undefined) {
      tally = {
        privileges: {},
        teamAdminIn: new Set(),
        teams: new Set(),
        schedules: new Set(),
        onCallNow: false,
      };
      summaries.set(personId, tally);
    }
    const scoped = !isVendorWide(entitlement) && privilegeRank(grant.privilege) > MEMBER;
    if (scoped) tally.teamAdminIn.add(entitlement.vendor);
    const privilege = scoped ? "member" : grant.privilege;
    const held = tally.privileges[entitlement.vendor];
    if (held === undefined || privilegeRank(privilege) > privilegeRank(held)) {
      tally.privileges[entitlement.vendor] = privilege;
    }
    if (entitlement.kind === "team" || entitlement.kind === "group") {
      tally.teams.add(entitlementKey(entitlement));
    } else if (entitlement.kind === "schedule") {
      tally.schedules.add(entitlementKey(entitlement));
      if (grant.onCallNow === true) tally.onCallNow = true;
    }
  }
  const result = new Map<string, PersonAccessSummary>();
  for (const [personId, tally] of summaries) {
    const { privileges, teamAdminIn, teams, schedules, onCallNow } = tally;
    const vendors = [...teamAdminIn].filter((vendor) => privileges[vendor] === "member");
    result.set(personId, {
      privileges,
      teamAdminIn: vendors.sort(),
      teams: teams.size,
      schedules: schedules.size,
      onCallNow,
    });
  }
  return result;
}
