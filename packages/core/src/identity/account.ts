import type { AccessRecords } from "./access";
import type { AccountEmail } from "./email";
import type { AccountLocale } from "./locale";
import type { AccountNames } from "./names";
import type { Phone } from "./phone";
import type { AccountTimezone } from "./timezone";
import { timezoneUnknown } from "./timezone";
import type { Timestamp } from "./timestamp";
import type { AccountKind, VendorId } from "./vendors";

/**
 * Which vendor record an account is. `(vendor, kind, id)` must be unique across the accounts an
 * adapter returns: it is how directories, diffs and offboarding plans refer to the account.
 */
export interface AccountSource {
  readonly vendor: VendorId;
  readonly kind: AccountKind;
  /** The vendor's own id for the record (for a vendor that keys users by address, the email). */
  readonly id: string;
}

/** Whether the account can be used. Vendors without such a state report "unknown". */
export type AccountStatus = "active" | "disabled" | "unverified" | "unknown";

/** Coarse privilege, comparable across vendors, plus the vendor's own role name. */
export type RoleLevel = "owner" | "admin" | "member" | "limited" | "unknown";

export interface AccountRole {
  readonly level: RoleLevel;
  readonly raw: string | null;
}

/** A group, team or similar membership, by whichever of id and name the vendor gives. */
export interface AccountGroup {
  readonly id: string | null;
  readonly name: string | null;
}

/**
 * One vendor record, normalised, with the original kept in `raw`. Adapters in the vendor
 * packages produce these; build them with {@link defineAccount} and the field helpers.
 */
export interface Account {
  readonly source: AccountSource;
  /** Only `login` and `primary` emails join accounts into a person; see the identity docs. */
  readonly emails: readonly AccountEmail[];
  readonly names: AccountNames;
  readonly phones: readonly Phone[];
  readonly timezone: AccountTimezone;
  readonly locale: AccountLocale;
  readonly status: AccountStatus;
  readonly role: AccountRole;
  readonly groups: readonly AccountGroup[];
  readonly createdAt: Timestamp | null;
  readonly lastLoginAt: Timestamp | null;
  /** Vendor-only fields worth showing (Slack id, Skype name, on-duty flag, …). */
  readonly extras: Readonly<Record<string, unknown>>;
  /** The untouched vendor record. May hold whatever the vendor sent; never log it wholesale. */
  readonly raw: unknown;
  /**
   * Which vendor field each normalised value came from, keyed by the account path:
   * `{ "emails[0]": "username", "timezone": "TimeZoneId" }`.
   */
  readonly provenance: Readonly<Record<string, string>>;
}

/** What an adapter must supply; everything else defaults to "nothing known". */
export type AccountInput = Pick<Account, "source" | "raw"> &
  Partial<Omit<Account, "source" | "raw" | "phones" | "groups">> & {
    /** Null entries (from `phone()` on a blank field) are dropped. */
    readonly phones?: readonly (Phone | null)[];
    readonly groups?: readonly AccountGroup[];
  };

const NO_NAMES = /* @__PURE__ */ Object.freeze({
  display: null,
  given: null,
  family: null,
  derived: /* @__PURE__ */ Object.freeze([]),
}) as AccountNames;

/** Fill an adapter's partial record into a complete {@link Account}. */
export function defineAccount(input: AccountInput): Account {
  return {
    source: input.source,
    emails: input.emails ?? [],
    names: input.names ?? NO_NAMES,
    phones: (input.phones ?? []).filter((entry): entry is Phone => entry !== null),
    timezone: input.timezone ?? timezoneUnknown(),
    locale: input.locale ?? { tag: null, raw: null },
    status: input.status ?? "unknown",
    role: input.role ?? { level: "unknown", raw: null },
    groups: input.groups ?? [],
    createdAt: input.createdAt ?? null,
    lastLoginAt: input.lastLoginAt ?? null,
    extras: input.extras ?? {},
    raw: input.raw,
    provenance: input.provenance ?? {},
  };
}

/**
 * Map a vendor role name to a {@link RoleLevel} through the adapter's table, case-insensitively;
 * names not in the table (custom roles) become "unknown" with the name kept.
 */
export function roleFrom(
  raw: string | null | undefined,
  table: Readonly<Record<string, RoleLevel>>,
): AccountRole {
  // A blank name trims to "", which no table names: it stays unknown like any other.
  if (typeof raw !== "string") return { level: "unknown", raw: raw ?? null };
  const wanted = raw.trim().toLowerCase();
  for (const [name, level] of Object.entries(table)) {
    if (name.toLowerCase() === wanted) return { level, raw };
  }
  return { level: "unknown", raw };
}

/** A vendor record an adapter could not turn into an account, reported instead of thrown. */
export interface AccountIssue {
  readonly vendor: VendorId;
  readonly kind: AccountKind;
  readonly id?: string;
  /** What was wrong, for a person to read ("no OperatorGuid"). Never include credentials. */
  readonly reason: string;
  readonly raw: unknown;
}

/**
 * What an adapter (`toAccounts(records)`) returns; a connector that reads teams, schedules or
 * custom roles adds their entitlements and grants.
 */
export interface AdapterResult extends AccessRecords {
  readonly accounts: Account[];
  readonly issues: AccountIssue[];
}
