import {
  adaptRecords,
  isRecord,
  membershipAccess,
  roleFrom,
  timezoneFromOffset,
  timezoneUnknown,
  unwrap,
  type AccountStatus,
  type AccountTimezone,
  type AdapterResult,
  type MembershipFields,
  type PullOptions,
  type RecordFields,
} from "@rollcall/core";
import type { UptrendsClient } from "./generated/client";
import type { Operator, OperatorGroup, Timezone } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { OFFBOARDED_KIND } from "./generated/offboarding";

/** The kind of every account Uptrends' adapter returns (the spec's x-rollcall-offboarding names it). */
export const OPERATOR_KIND = OFFBOARDED_KIND;

/** What {@link toAccounts} needs besides the operators: the time-zone table to resolve TimeZoneId. */
export interface ToAccountsContext {
  /** `GET /Timezone`'s answer (or a map by TimezoneId). Without it every zone stays unknown. */
  timezones?: Iterable<Timezone> | ReadonlyMap<number, Timezone>;
}

const ROLE_TABLE = { AccountAdministrator: "admin", Operator: "member" } as const;
const ROLE_NAMES = ["Operator", "AccountAdministrator"] as const;

/** Where an Uptrends operator keeps each account field (TimeZoneId is resolved below). */
const OPERATOR_FIELDS: RecordFields<Operator> = {
  vendor: vendor.id,
  kind: OPERATOR_KIND,
  noun: "operator",
  id: "OperatorGuid",
  emails: [
    ["Email", "primary"],
    ["BackupEmail", "backup"],
  ],
  names: { full: "FullName" },
  phones: ["MobilePhone"],
  // CultureName empty, null or absent: the account's culture, which the operator record does not name.
  locale: "CultureName",
  extras: { isOnDuty: "IsOnDuty", timeZoneId: "TimeZoneId" },
};

/**
 * Uptrends operators (as `GET /Operator` lists them) as core accounts: Email as the primary
 * address, BackupEmail as a backup one, TimeZoneId resolved through `context.timezones` to a UTC
 * offset. Accepts one record or a list. A record without an OperatorGuid or Email, or a repeated
 * OperatorGuid, becomes an issue instead of an account; it never throws.
 */
export function toAccounts(records: unknown, context: ToAccountsContext = {}): AdapterResult {
  const zones = timezoneTable(context.timezones);
  return adaptRecords(OPERATOR_FIELDS, records, (operator, add) => {
    const timezone = resolveTimezone(operator.TimeZoneId, zones);
    add.timezone(timezone, "TimeZoneId → Timezone.Description");
    const isAdmin = operator.IsAccountAdministrator;
    const name = typeof isAdmin === "boolean" ? ROLE_NAMES[Number(isAdmin)] : null;
    add.role(roleFrom(name, ROLE_TABLE), "IsAccountAdministrator");
    add.status(loginStatus(operator), "AllowNativeLogin + AllowSingleSignon");
  });
}

/**
 * An operator with both sign-in methods explicitly off cannot log in: "disabled". Otherwise it is
 * "active" (null means the account's setting applies, which allows at least one method).
 */
function loginStatus(raw: Readonly<Record<string, unknown>>): AccountStatus {
  return raw.AllowNativeLogin === false && raw.AllowSingleSignon === false ? "disabled" : "active";
}

/**
 * TimeZoneId → the table's entry → an offset zone. The description may name a place that pins an
 * IANA zone ("GMT+00:00 Dublin, Edinburgh, Lisbon, London"); otherwise OffsetFromUtc gives the offset.
 */
function resolveTimezone(value: unknown, zones: ReadonlyMap<number, Timezone>): AccountTimezone {
  if (typeof value !== "number") return timezoneUnknown(null);
  const zone = zones.get(value);
  if (zone === undefined) return timezoneUnknown(value);
  const fromDescription = timezoneFromOffset(zone.Description);
  if (
    fromDescription.precision === "offset" &&
    fromDescription.utcOffsetMinutes === zone.OffsetFromUtc
  ) {
    return fromDescription;
  }
  const fromOffset = timezoneFromOffset(zone.OffsetFromUtc);
  return fromOffset.precision === "offset"
    ? { ...fromOffset, raw: zone.Description ?? value }
    : timezoneUnknown(value);
}

function timezoneTable(source: ToAccountsContext["timezones"]): ReadonlyMap<number, Timezone> {
  if (source === undefined) return new Map();
  if (source instanceof Map) return source as ReadonlyMap<number, Timezone>;
  const table = new Map<number, Timezone>();
  for (const zone of source as Iterable<Timezone>) {
    if (isRecord(zone) && typeof zone.TimezoneId === "number") table.set(zone.TimezoneId, zone);
  }
  return table;
}

/** Options of {@link pullAccounts}. Uptrends does not paginate, so `onPage` fires once. */
export type PullAccountsOptions = PullOptions<Operator>;

/** An operator group with its members' OperatorGuids, read from its own listing. */
type GroupMembers = OperatorGroup & { members: unknown[] };

const GROUP_FIELDS: MembershipFields<GroupMembers> = {
  vendor: vendor.id,
  kind: "group",
  accountKind: OPERATOR_KIND,
  noun: "operator group",
  id: "OperatorGroupGuid",
  name: "Description",
  members: "members",
  adminGroup: "IsAdministratorsGroup",
  via: "GET /OperatorGroup/{operatorGroupGuid}/Member",
};
const MEMBERS = "/OperatorGroup/{operatorGroupGuid}/Member";

/** Every operator group and its members (one call per group: Uptrends lists them apart). */
async function pullGroups(client: UptrendsClient) {
  const records: GroupMembers[] = [];
  for (const group of unwrap(await client.GET("/OperatorGroup"))) {
    const operatorGroupGuid = group?.OperatorGroupGuid ?? "";
    const params = { path: { operatorGroupGuid } };
    const answer = operatorGroupGuid ? unwrap(await client.GET(MEMBERS, { params })) : [];
    records.push({ ...group, members: answer.map((member) => member?.OperatorGuid) });
  }
  return membershipAccess(GROUP_FIELDS, records);
}

/** An authorization and the operators holding it; AccountAdministrator administers the account. */
type Authorization = { name: string; holders: string[]; administers: boolean };

const AUTHORIZATION_FIELDS: MembershipFields<Authorization> = {
  vendor: vendor.id,
  accountKind: OPERATOR_KIND,
  kind: "permission",
  noun: "authorization",
  id: "name",
  name: "name",
  members: "holders",
  adminGroup: "administers",
  via: "GET /Operator/{operatorGuid}/Authorization",
};
const AUTHORIZATIONS = "/Operator/{operatorGuid}/Authorization";

/** Every operator's authorizations, as `permission` entitlements (one call per operator). */
async function pullAuthorizations(client: UptrendsClient, operators: readonly Operator[]) {
  const holders = new Map<string, string[]>();
  for (const operatorGuid of operators.map((operator) => operator?.OperatorGuid)) {
    if (typeof operatorGuid !== "string" || operatorGuid === "") continue;
    const params = { path: { operatorGuid } };
    const names: unknown = unwrap(await client.GET(AUTHORIZATIONS, { params }));
    // Anything but a list of names grants nothing: an unreadable answer never invents access.
    for (const name of Array.isArray(names) ? names : []) {
      if (typeof name === "string") holders.set(name, [...(holders.get(name) ?? []), operatorGuid]);
    }
  }
  const records = [...holders].map(([name, ids]) => ({
    name,
    holders: ids,
    administers: name === "AccountAdministrator",
  }));
  return membershipAccess(AUTHORIZATION_FIELDS, records);
}

/**
 * Every operator as accounts (`GET /Operator`: one page), `GET /Timezone` once when a TimeZoneId
 * needs it, every operator group with its members as `group` entitlements and grants, and every
 * operator's authorizations as `permission` ones.
 */
export async function pullAccounts(
  client: UptrendsClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const operators = unwrap(await client.GET("/Operator"));
  options.onPage?.({ vendor: vendor.id, page: 1, items: operators });
  const needsZones = operators.some((operator) => typeof operator?.TimeZoneId === "number");
  const timezones = needsZones ? unwrap(await client.GET("/Timezone")) : [];
  const accounts = toAccounts(operators, { timezones });
  const access = [await pullGroups(client), await pullAuthorizations(client, operators)];
  return {
    ...accounts,
    entitlements: access.flatMap((part) => part.entitlements),
    grants: access.flatMap((part) => part.grants),
    issues: [...accounts.issues, ...access.flatMap((part) => part.issues)],
  };
}
