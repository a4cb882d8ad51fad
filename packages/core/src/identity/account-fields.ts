// Declarative adapters: a vendor says where each account field sits in its record, and core reads
// it the same way for every vendor, writing each value's provenance from the path it came from.
import { boundedMemo } from "./bounded-memo";
import {
  defineAccount,
  roleFrom,
  type Account,
  type AccountIssue,
  type AccountSource,
  type AccountInput,
  type AdapterResult,
  type RoleLevel,
} from "./account";
import { isRecord } from "../is-record";
import { email, type AccountEmail, type EmailKind } from "./email";
import { localeFrom } from "./locale";
import { namesFrom } from "./names";
import { phone, type Phone } from "./phone";
import { isoFromEpochMs, timestampFromIso, type Timestamp } from "./timestamp";
import {
  timezoneFromIana,
  timezoneFromName,
  timezoneFromOffset,
  type AccountTimezone,
} from "./timezone";

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Keys<T> = Extract<keyof NonNullable<T>, string>;
type Depth = [never, 0, 1, 2];

/**
 * Dotted paths into a record type, up to three levels deep (`"attributes.email"`), so a field map
 * written against a generated schema type is checked by tsc when the spec renames a field.
 */
export type FieldPath<R, D extends number = 3> = [D] extends [never]
  ? never
  : {
      [K in Keys<R>]: NonNullable<NonNullable<R>[K]> extends readonly unknown[]
        ? K
        : NonNullable<NonNullable<R>[K]> extends object
          ? K | `${K}.${FieldPath<NonNullable<R>[K], Depth[D]>}`
          : K;
    }[Keys<R>];

/** How a vendor writes a time zone: an IANA id, an IANA or Rails name, or a UTC offset. */
export type TimezoneFormat = "iana" | "name" | "offset";
/** How a vendor writes a point in time: an ISO 8601 string or epoch milliseconds. */
export type TimeFormat = "iso" | "epoch-ms";

/** Where each account field sits in one vendor record (every path optional but the emails). */
export interface AccountFields<R = unknown> {
  /** Addresses in order, each with its kind; blank ones and repeats of an earlier one are skipped. */
  readonly emails?: readonly (readonly [FieldPath<R>, EmailKind])[];
  /** A full name (the first non-blank of several paths), and given and family names. */
  readonly names?: {
    readonly full?: FieldPath<R> | readonly FieldPath<R>[];
    readonly given?: FieldPath<R>;
    readonly family?: FieldPath<R>;
  };
  readonly phones?: readonly FieldPath<R>[];
  readonly timezone?: readonly [FieldPath<R>, TimezoneFormat];
  readonly locale?: FieldPath<R>;
  readonly createdAt?: readonly [FieldPath<R>, TimeFormat];
  readonly lastLoginAt?: readonly [FieldPath<R>, TimeFormat];
  /** The vendor's role name and how its built-in roles map to core's levels. */
  readonly role?: readonly [FieldPath<R>, Readonly<Record<string, RoleLevel>>];
  /** A list of group names (the vendor gives no group ids). */
  readonly groupNames?: FieldPath<R>;
  /** Vendor-only values worth showing, by the name they get in `extras`. */
  readonly extras?: Readonly<Record<string, FieldPath<R>>>;
}

/** A list of records of one kind: the field map plus what identifies a record. */
export interface RecordFields<R = unknown> extends AccountFields<R> {
  readonly vendor: string;
  readonly kind: string;
  /** What one record is called in an issue: "user", "operator". */
  readonly noun: string;
  /** The record's id: a non-blank string. */
  readonly id: FieldPath<R>;
  /** Where the record at `index` sits, for issues (default: "the <noun> at index <index>"). */
  readonly at?: (index: number) => string;
  /** Turns the id into the account's (e.g. `emailKey` for a vendor that keys users by address). */
  readonly key?: (id: string) => string;
  /**
   * A record without its first address cannot be matched to a person: by default it is reported
   * as an issue instead of an account; `true` keeps the account (an access review must see it)
   * and reports it too.
   */
  readonly keepWithoutEmail?: boolean;
}

/** What a vendor's own code adds beyond the field map; each value is recorded with its source. */
export interface AccountBuilder {
  email(address: string | null, kind: EmailKind, from: string): void;
  phone(entry: Phone | null, from: string): void;
  timezone(zone: AccountTimezone, from: string): void;
  status(status: Account["status"], from: string): void;
  role(role: Account["role"], from: string): void;
  groups(groups: Account["groups"], from: string): void;
  lastLoginAt(at: Timestamp | null, from: string): void;
  extra(name: string, value: unknown, from: string): void;
}

/** Vendor code run after the field map, for what a path cannot say (a lookup, a rule). */
export type AccountExtension = (
  record: Readonly<Record<string, unknown>>,
  add: AccountBuilder,
) => void;

// A field map's few paths, split once rather than per field per record of a bulk pull.
const keysOf = /* @__PURE__ */ boundedMemo((path) => path.split("."));

/** The value at a dotted path, or undefined where the path leaves the record's objects. */
export function valueAt(record: unknown, path: string): unknown {
  let node = record;
  for (const key of keysOf(path)) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** The non-blank string at a dotted path, or null. */
export function textAt(record: unknown, path: string): string | null {
  const value = valueAt(record, path);
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

const TIMEZONES = { iana: timezoneFromIana, name: timezoneFromName, offset: timezoneFromOffset };

function timestampAt(record: unknown, [path, format]: readonly [string, TimeFormat]) {
  const value = valueAt(record, path);
  if (format === "iso") return timestampFromIso(value);
  return isoFromEpochMs(typeof value === "number" ? value : null);
}

/**
 * One account from one record through its field map, then `extend`. Provenance names the path
 * each value was read from; a value that says nothing (blank, unknown, empty) is left out.
 */
export function mapAccount<R>(
  source: AccountSource,
  record: Readonly<Record<string, unknown>>,
  fields: AccountFields<R>,
  extend?: AccountExtension,
): Account {
  const provenance: Record<string, string> = {};
  const emails: AccountEmail[] = [];
  const phones: Phone[] = [];
  const extras: Record<string, unknown> = {};
  // Every field present from the start, so each record's input has one shape: a spread of a
  // per-vendor partial record made this line the bulk of a 50k-user pull's adapting.
  const known: Writable<AccountInput> = {
    ...{ source, raw: record, emails, phones, extras, provenance, names: undefined },
    ...{ timezone: undefined, locale: undefined, status: undefined, role: undefined },
    ...{ groups: undefined, createdAt: undefined, lastLoginAt: undefined },
  };
  const says = (field: string, from: string, meaningful: boolean) => {
    if (meaningful) provenance[field] = from;
  };
  const add: AccountBuilder = {
    email(address, kind, from) {
      if (address === null || address.trim() === "") return;
      const entry = email(address, kind);
      const seen = entry.normalized ?? entry.value;
      if (emails.some((known) => (known.normalized ?? known.value) === seen)) return;
      provenance[`emails[${emails.length}]`] = from;
      emails.push(entry);
    },
    phone(entry, from) {
      if (entry === null || phones.some((known) => known.raw === entry.raw)) return;
      provenance[`phones[${phones.length}]`] = from;
      phones.push(entry);
    },
    timezone(zone, from) {
      known.timezone = zone;
      says("timezone", from, zone.precision !== "unknown");
    },
    status(status, from) {
      known.status = status;
      says("status", from, status !== "unknown");
    },
    role(role, from) {
      known.role = role;
      says("role", from, role.raw !== null);
    },
    groups(groups, from) {
      known.groups = groups;
      says("groups", from, groups.length > 0);
    },
    lastLoginAt(at, from) {
      known.lastLoginAt = at;
      says("lastLoginAt", from, at !== null);
    },
    extra(name, value, from) {
      if (value === undefined || value === null) return;
      if ((typeof value === "string" && value.trim() === "") || isEmptyList(value)) return;
      extras[name] = value;
      provenance[`extras.${name}`] = from;
    },
  };

  for (const [path, kind] of fields.emails ?? []) add.email(textAt(record, path), kind, path);
  if (fields.names) readNames(record, fields.names, provenance, known);
  for (const path of fields.phones ?? []) add.phone(phone(textAt(record, path)), path);
  if (fields.timezone) {
    const [path, format] = fields.timezone;
    add.timezone(TIMEZONES[format](textAt(record, path)), path);
  }
  if (fields.locale) {
    known.locale = localeFrom(textAt(record, fields.locale));
    says("locale", fields.locale, known.locale.tag !== null);
  }
  if (fields.createdAt) {
    known.createdAt = timestampAt(record, fields.createdAt);
    says("createdAt", fields.createdAt[0], known.createdAt !== null);
  }
  if (fields.lastLoginAt)
    add.lastLoginAt(timestampAt(record, fields.lastLoginAt), fields.lastLoginAt[0]);
  if (fields.role)
    add.role(roleFrom(textAt(record, fields.role[0]), fields.role[1]), fields.role[0]);
  if (fields.groupNames) {
    const names = valueAt(record, fields.groupNames);
    const groups = (Array.isArray(names) ? names : [])
      .filter((name): name is string => typeof name === "string" && name.trim() !== "")
      .map((name) => ({ id: null, name }));
    add.groups(groups, fields.groupNames);
  }
  const extraPaths: Readonly<Record<string, string>> | undefined = fields.extras;
  if (extraPaths) {
    for (const name of Object.keys(extraPaths)) {
      add.extra(name, valueAt(record, extraPaths[name]!), extraPaths[name]!);
    }
  }
  extend?.(record, add);
  return defineAccount(known);
}

function readNames(
  record: unknown,
  paths: { full?: string | readonly string[]; given?: string; family?: string },
  provenance: Record<string, string>,
  known: Writable<AccountInput>,
): void {
  const fullPaths: readonly string[] =
    paths.full === undefined ? [] : typeof paths.full === "string" ? [paths.full] : paths.full;
  const fullPath = fullPaths.find((path) => textAt(record, path) !== null);
  const from = { display: fullPath, given: paths.given, family: paths.family };
  const names = namesFrom({
    full: fullPath === undefined ? null : textAt(record, fullPath),
    given: paths.given === undefined ? null : textAt(record, paths.given),
    family: paths.family === undefined ? null : textAt(record, paths.family),
  });
  known.names = names;
  // A derived name came from the received ones that held a value.
  const sources = (["display", "given", "family"] as const)
    .filter((field) => names[field] !== null && !names.derived.includes(field))
    .map((field) => from[field]!);
  for (const field of ["display", "given", "family"] as const) {
    if (names[field] === null) continue;
    provenance[`names.${field}`] = names.derived.includes(field)
      ? sources.join(" + ")
      : from[field]!;
  }
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** Records adapted batch by batch, as a listing's pages arrive; see {@link recordsAdapter}. */
export interface RecordsAdapter {
  /** Adapts one batch (a list, or one record) now, against every batch before it. */
  add(records: unknown): void;
  /** Every account and issue so far, in the order the records came. */
  result(): AdapterResult;
}

/**
 * {@link adaptRecords} for records that arrive in batches, such as a listing's pages: adapting
 * each page as it comes lets the next pages' requests run meanwhile, instead of adapting all of
 * them after the last. An id repeated in a later batch is caught as in one list, and a record's
 * index in an issue counts from the first batch's first record.
 */
export function recordsAdapter<R>(
  fields: RecordFields<R>,
  extend?: AccountExtension,
): RecordsAdapter {
  const { vendor, kind, noun } = fields;
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const seen = new Set<string>();
  const login = fields.emails?.[0]?.[0];
  let before = 0;
  let firstBatch = true;
  const adapt = (raw: unknown, at: string) => {
    if (!isRecord(raw)) return issues.push({ vendor, kind, reason: `${at} is not an object`, raw });
    const text = textAt(raw, fields.id);
    if (text === null)
      return issues.push({ vendor, kind, reason: `${at} has no ${fields.id}`, raw });
    const id = fields.key ? fields.key(text) : text;
    if (seen.has(id)) {
      return issues.push({
        vendor,
        kind,
        id,
        reason: `${at} repeats the ${fields.id} of an earlier one`,
        raw,
      });
    }
    seen.add(id);
    if (login !== undefined && textAt(raw, login) === null) {
      const reason = `${at} has no ${login}, so it cannot be matched to a person`;
      issues.push({ vendor, kind, id, reason, raw });
      if (!fields.keepWithoutEmail) return;
    }
    accounts.push(mapAccount({ vendor, kind, id }, raw, fields, extend));
  };
  return {
    add(records) {
      const list: readonly unknown[] = Array.isArray(records) ? records : [records];
      // One record alone is "the user"; among several, or in a later batch, it has an index.
      const alone = firstBatch && list.length === 1;
      firstBatch = false;
      list.forEach((raw, index) => {
        const at = fields.at
          ? fields.at(before + index)
          : alone
            ? `the ${noun}`
            : `the ${noun} at index ${before + index}`;
        adapt(raw, at);
      });
      before += list.length;
    },
    result: () => ({ accounts, issues }),
  };
}

/**
 * Vendor records (a list, or one record) as accounts through their field map and `extend`. A
 * record that is not an object, has no id or no first address, or repeats an earlier id becomes
 * an issue instead (see {@link RecordFields.keepWithoutEmail}); nothing here throws.
 */
export function adaptRecords<R>(
  fields: RecordFields<R>,
  records: unknown,
  extend?: AccountExtension,
): AdapterResult {
  const adapter = recordsAdapter(fields, extend);
  adapter.add(records);
  return adapter.result();
}
