import {
  defineAccount,
  email,
  localeFrom,
  namesFrom,
  phone,
  roleFrom,
  timezoneFromOffset,
  timezoneUnknown,
  unwrap,
  type Account,
  type AccountEmail,
  type AccountIssue,
  type AccountStatus,
  type AccountTimezone,
  type AdapterResult,
  type PullOptions,
} from "@rollcall/core";
import type { UptrendsClient } from "./client";
import type { Operator, Timezone } from "./generated/schema";
import { vendor as registry } from "./generated/vendor";

const vendor = registry.id;
/** The kind of every account Uptrends' adapter returns. */
export const OPERATOR_KIND = "uptrends.operator";
const kind = OPERATOR_KIND;

/** What {@link toAccounts} needs besides the operators: the time-zone table to resolve TimeZoneId. */
export interface ToAccountsContext {
  /** `GET /Timezone`'s answer (or a map by TimezoneId). Without it every zone stays unknown. */
  timezones?: Iterable<Timezone> | ReadonlyMap<number, Timezone>;
}

// Uptrends has one account administrator; every other operator is an ordinary member.
const ROLE_TABLE = { AccountAdministrator: "admin", Operator: "member" } as const;

/**
 * Uptrends operators (as `GET /Operator` lists them) as core accounts: Email as the primary
 * address, BackupEmail as a backup one, TimeZoneId resolved through `context.timezones` to a UTC
 * offset. Accepts one record or a list. A record without an OperatorGuid or Email, or a repeated
 * OperatorGuid, becomes an issue instead of an account; it never throws.
 */
export function toAccounts(records: unknown, context: ToAccountsContext = {}): AdapterResult {
  const list: readonly unknown[] = Array.isArray(records) ? records : [records];
  const zones = timezoneTable(context.timezones);
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const result = toAccount(raw, zones);
    if ("reason" in result) {
      issues.push(result);
    } else if (seen.has(result.source.id)) {
      issues.push({ vendor, kind, id: result.source.id, reason: "duplicate OperatorGuid", raw });
    } else {
      seen.add(result.source.id);
      accounts.push(result);
    }
  }
  return { accounts, issues };
}

function toAccount(raw: unknown, zones: ReadonlyMap<number, Timezone>): Account | AccountIssue {
  if (!isRecord(raw)) return { vendor, kind, reason: "the operator record is not an object", raw };
  const id = stringOr(raw.OperatorGuid);
  if (id === null) return { vendor, kind, reason: "the operator has no OperatorGuid", raw };
  const primary = stringOr(raw.Email);
  if (primary === null) return { vendor, kind, id, reason: "the operator has no Email", raw };

  const provenance: Record<string, string> = { "emails[0]": "Email" };
  const emails: AccountEmail[] = [email(primary, "primary")];
  const backup = stringOr(raw.BackupEmail);
  if (backup !== null) {
    provenance[`emails[${emails.length}]`] = "BackupEmail";
    emails.push(email(backup, "backup"));
  }

  const names = namesFrom({ full: stringOr(raw.FullName) });
  if (names.display !== null) provenance["names.display"] = "FullName";
  const mobile = phone(stringOr(raw.MobilePhone));
  if (mobile !== null) provenance["phones[0]"] = "MobilePhone";

  const timezone = resolveTimezone(raw.TimeZoneId, zones);
  if (timezone.precision !== "unknown") provenance.timezone = "TimeZoneId → Timezone.Description";
  // CultureName empty, null or absent: the account's culture, which the operator record does not name.
  const locale = localeFrom(stringOr(raw.CultureName));
  if (locale.tag !== null) provenance.locale = "CultureName";

  const isAdmin = raw.IsAccountAdministrator;
  const role =
    typeof isAdmin === "boolean"
      ? roleFrom(isAdmin ? "AccountAdministrator" : "Operator", ROLE_TABLE)
      : roleFrom(null, ROLE_TABLE);
  if (typeof isAdmin === "boolean") provenance.role = "IsAccountAdministrator";

  const extras: Record<string, unknown> = {};
  if (typeof raw.IsOnDuty === "boolean") extras.isOnDuty = raw.IsOnDuty;
  if (typeof raw.TimeZoneId === "number") extras.timeZoneId = raw.TimeZoneId;

  return defineAccount({
    source: { vendor, kind, id },
    raw,
    emails,
    names,
    phones: [mobile],
    timezone,
    locale,
    status: loginStatus(raw),
    role,
    extras,
    provenance,
  });
}

/**
 * An operator with both sign-in methods explicitly off cannot log in: "disabled". Otherwise it is
 * "active" (null means the account's setting applies, which allows at least one method).
 */
function loginStatus(raw: Record<string, unknown>): AccountStatus {
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

/**
 * Every operator as accounts: `GET /Operator` (Uptrends does not paginate: one page), then
 * `GET /Timezone` once for this pull, only when an operator has a TimeZoneId to resolve.
 */
export async function pullAccounts(
  client: UptrendsClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const operators = unwrap(await client.GET("/Operator"));
  options.onPage?.({ vendor, page: 1, items: operators });
  const needsZones = operators.some((operator) => typeof operator?.TimeZoneId === "number");
  const timezones = needsZones ? unwrap(await client.GET("/Timezone")) : [];
  return toAccounts(operators, { timezones });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
