// Teams, groups and schedules as vendors list them: a record naming its members' (and admins')
// account ids. One reader for every vendor, like the account field maps.
import type { AccountIssue } from "./account";
import { textAt, valueAt, type FieldPath } from "./account-fields";
import type { AccessRecords, Entitlement, EntitlementKind, Grant } from "./access";
import { entriesAt, entryMatches, type EntryFilter, type EntryPath } from "./member-entries";
import type { AccountKind, VendorId } from "./vendors";

/** Where a vendor's team (group, schedule, …) record keeps its id, name, members and admins. */
export interface MembershipFields<R> {
  readonly vendor: VendorId;
  readonly kind: EntitlementKind;
  /** The kind of the accounts its member ids name (`<vendor>.user`). */
  readonly accountKind: AccountKind;
  /** What the vendor calls the record, for issues ("team"). */
  readonly noun: string;
  readonly id: FieldPath<R>;
  readonly name: FieldPath<R>;
  /**
   * A list of member account ids (strings or numbers); or, with `memberId`, of member entries,
   * possibly nested (`rotations[].participants`, see {@link EntryPath}).
   */
  readonly members: FieldPath<R> | EntryPath;
  /** Where each member entry keeps its account id (`user.id`); the entries are the ids when absent. */
  readonly memberId?: string;
  /** Which member entries name accounts (`{ path: "type", equals: ["user"] }`); all when absent. */
  readonly memberWhen?: EntryFilter;
  /** Which member entries hold it as admins (`{ path: "role", equals: ["admin"] }`). */
  readonly adminWhen?: EntryFilter;
  /** A list of the ids of its admins, who hold it as admins; absent when the vendor has none. */
  readonly admins?: FieldPath<R>;
  /**
   * A flag: when true, the record is an Administrators group: every member holds it as an admin,
   * and its admins are admins of the whole vendor.
   */
  readonly adminGroup?: FieldPath<R>;
  /**
   * Schedules: a list of the ids of the members on call now. When given, every grant says whether
   * its holder is (`onCallNow`).
   */
  readonly onCall?: FieldPath<R>;
  /**
   * With `memberId`: where each member entry keeps the vendor's id of that membership (a rotation's
   * user entry), when removing someone names the membership. It becomes the grant's
   * `membershipId`: the id of the member's first entry that has one.
   */
  readonly membershipId?: string;
  /** The call the records came from, for each grant's `via` ("GET /v1/teams"). */
  readonly via: string;
}

function ids(record: unknown, path: string | undefined): string[] {
  const value = path === undefined ? undefined : valueAt(record, path);
  return Array.isArray(value) ? value.flatMap(idOf) : [];
}

const idOf = (id: unknown): string[] =>
  typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? [String(id)] : [];

/** A record's members as its entries name them. */
interface Members {
  readonly members: string[];
  readonly admins: string[];
  /** Each member's membership id (see {@link MembershipFields.membershipId}). */
  readonly membershipIds: ReadonlyMap<string, string>;
}

/** The member ids of a record, the admins among them, and their membership ids. */
function membersOf<R>(fields: MembershipFields<R>, record: R): Members {
  const membershipIds = new Map<string, string>();
  if (fields.memberId === undefined) {
    return { members: ids(record, fields.members), admins: [], membershipIds };
  }
  const { memberId, memberWhen, adminWhen, membershipId } = fields;
  const entries = entriesAt(record, fields.members).filter((e) => entryMatches(e, memberWhen));
  const of = (list: unknown[]) => list.flatMap((entry) => idOf(valueAt(entry, memberId)));
  const admins = adminWhen ? of(entries.filter((e) => entryMatches(e, adminWhen))) : [];
  if (membershipId !== undefined) {
    for (const entry of entries) {
      const [account] = idOf(valueAt(entry, memberId));
      const id = valueAt(entry, membershipId);
      if (account === undefined || membershipIds.has(account)) continue;
      if (typeof id === "string" && id.trim() !== "") membershipIds.set(account, id);
    }
  }
  return { members: of(entries), admins, membershipIds };
}

/**
 * The entitlement each record is and the grants its member lists make: an admin holds it as an
 * admin, anyone else listed as a member; it confers admin when it has admins. A record without an
 * id becomes an issue.
 */
export function membershipAccess<R>(
  fields: MembershipFields<R>,
  records: readonly R[],
): Required<AccessRecords> & { issues: AccountIssue[] } {
  const entitlements: Entitlement[] = [];
  const grants: Grant[] = [];
  const issues: AccountIssue[] = [];
  const { vendor, kind } = fields;
  records.forEach((record, index) => {
    const id = textAt(record, fields.id);
    if (id === null) {
      const reason = `the ${fields.noun} at index ${index} has no id, so its members are not known`;
      issues.push({ vendor, kind: `${vendor}.${fields.noun}`, reason, raw: record });
      return;
    }
    const { members, admins: entryAdmins, membershipIds } = membersOf(fields, record);
    const vendorWide =
      fields.adminGroup !== undefined && valueAt(record, fields.adminGroup) === true;
    const admins = new Set(vendorWide ? members : [...entryAdmins, ...ids(record, fields.admins)]);
    const onCall = fields.onCall === undefined ? undefined : new Set(ids(record, fields.onCall));
    entitlements.push({
      vendor,
      kind,
      id,
      name: textAt(record, fields.name) ?? id,
      privilege: admins.size > 0 ? "admin" : "member",
      ...(vendorWide && { vendorWide }),
    });
    for (const account of new Set([...members, ...admins])) {
      grants.push({
        account: { vendor, kind: fields.accountKind, id: account },
        entitlement: { vendor, kind, id },
        privilege: admins.has(account) ? "admin" : "member",
        via: fields.via,
        ...(onCall !== undefined && { onCallNow: onCall.has(account) }),
        ...(membershipIds.has(account) && { membershipId: membershipIds.get(account)! }),
      });
    }
  });
  return { entitlements, grants, issues };
}
