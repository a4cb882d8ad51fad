import type { AccountStatus, RoleLevel } from "./account";
import type { Directory, Person } from "./directory";
import type { VendorId } from "./vendors";

export const SCIM_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
/** Rollcall's extension to the SCIM User: the vendor accounts behind the person. */
export const ROLLCALL_ACCOUNTS_SCHEMA =
  "urn:rollcall:params:scim:schemas:extension:accounts:2.0:User";

export interface ScimMultiValue {
  readonly value: string;
  readonly display?: string;
  readonly type?: string;
  readonly primary?: boolean;
}

export interface ScimAccount {
  readonly vendor: VendorId;
  readonly kind: string;
  readonly id: string;
  readonly role: RoleLevel;
  readonly roleName: string | null;
  readonly status: AccountStatus;
}

/** A SCIM 2.0 User (RFC 7643 §4.1) for one person, with the Rollcall accounts extension. */
export interface ScimUser {
  readonly schemas: readonly string[];
  readonly id: string;
  readonly userName: string;
  readonly name?: {
    readonly givenName?: string;
    readonly familyName?: string;
    readonly formatted?: string;
  };
  readonly displayName?: string;
  /** When the person has any address, exactly one entry has `primary: true`. */
  readonly emails: readonly ScimMultiValue[];
  readonly phoneNumbers: readonly ScimMultiValue[];
  readonly timezone?: string;
  readonly locale?: string;
  readonly active: boolean;
  /** Read-only in SCIM; values are `vendor:group id (or name)`. */
  readonly groups: readonly ScimMultiValue[];
  readonly meta: { readonly resourceType: "User" };
  readonly [ROLLCALL_ACCOUNTS_SCHEMA]: { readonly accounts: readonly ScimAccount[] };
}

export interface ScimListResponse<Resource> {
  readonly schemas: readonly [typeof SCIM_LIST_RESPONSE_SCHEMA];
  readonly totalResults: number;
  readonly startIndex: number;
  readonly itemsPerPage: number;
  readonly Resources: readonly Resource[];
}

function firstOf<T>(
  person: Person,
  pick: (account: Person["accounts"][number]) => T | null,
): T | null {
  for (const account of person.accounts) {
    const value = pick(account);
    if (value !== null) return value;
  }
  return null;
}

/** One person as a SCIM User. */
export function toScimUser(person: Person): ScimUser {
  const emails: ScimMultiValue[] = [];
  const seen = new Set<string>();
  if (person.primaryEmail !== null) {
    emails.push({ value: person.primaryEmail, type: "work", primary: true });
    seen.add(person.primaryEmail);
  }
  for (const address of person.emails) {
    if (seen.has(address)) continue;
    seen.add(address);
    emails.push({ value: address, type: "work", primary: false });
  }
  for (const account of person.accounts) {
    for (const entry of Array.isArray(account.emails) ? account.emails : []) {
      if (entry.kind === "login" || entry.kind === "primary" || entry.normalized === null) continue;
      if (seen.has(entry.normalized)) continue;
      seen.add(entry.normalized);
      emails.push({ value: entry.normalized, type: "other", primary: false });
    }
  }
  // A person known only by account id still needs one primary address if any exists.
  if (person.primaryEmail === null && emails.length > 0)
    emails[0] = { ...emails[0]!, primary: true };

  const phoneNumbers: ScimMultiValue[] = [];
  const phonesSeen = new Set<string>();
  for (const account of person.accounts) {
    for (const entry of Array.isArray(account.phones) ? account.phones : []) {
      const value = entry.e164 ?? entry.raw;
      if (phonesSeen.has(value)) continue;
      phonesSeen.add(value);
      phoneNumbers.push({ value, type: "work" });
    }
  }

  const groups: ScimMultiValue[] = [];
  const groupsSeen = new Set<string>();
  for (const account of person.accounts) {
    for (const group of Array.isArray(account.groups) ? account.groups : []) {
      const ref = group.id ?? group.name;
      if (ref === null) continue;
      const value = `${account.source.vendor}:${ref}`;
      if (groupsSeen.has(value)) continue;
      groupsSeen.add(value);
      groups.push({ value, display: group.name ?? ref });
    }
  }

  const given = firstOf(person, (account) => account.names?.given ?? null);
  const family = firstOf(person, (account) => account.names?.family ?? null);
  const name = {
    ...(given !== null && { givenName: given }),
    ...(family !== null && { familyName: family }),
    ...(person.displayName !== null && { formatted: person.displayName }),
  };
  // Precise zones first: an IANA id read from a vendor beats one guessed from an offset text.
  const timezone =
    firstOf(person, (account) =>
      account.timezone?.precision === "exact" || account.timezone?.precision === "mapped"
        ? account.timezone.iana
        : null,
    ) ?? firstOf(person, (account) => account.timezone?.iana ?? null);
  const locale = firstOf(person, (account) => account.locale?.tag ?? null);

  return {
    schemas: [SCIM_USER_SCHEMA, ROLLCALL_ACCOUNTS_SCHEMA],
    id: person.id,
    userName: person.primaryEmail ?? person.id,
    ...(Object.keys(name).length > 0 && { name }),
    ...(person.displayName !== null && { displayName: person.displayName }),
    emails,
    phoneNumbers,
    ...(timezone !== null && { timezone }),
    ...(locale !== null && { locale }),
    // Active unless every account is known to be disabled.
    active: person.accounts.some((account) => account.status !== "disabled"),
    groups,
    meta: { resourceType: "User" },
    [ROLLCALL_ACCOUNTS_SCHEMA]: {
      accounts: person.accounts.map((account) => ({
        vendor: account.source.vendor,
        kind: account.source.kind,
        id: account.source.id,
        role: account.role?.level ?? "unknown",
        roleName: account.role?.raw ?? null,
        status: account.status ?? "unknown",
      })),
    },
  };
}

/** Every person in the directory as a SCIM User, in directory order. */
export function toScimUsers(directory: Directory): ScimUser[] {
  return directory.people.map(toScimUser);
}

/** Wrap resources in a SCIM ListResponse (RFC 7644 §3.4.2), as one page from index 1. */
export function toScimListResponse<Resource>(
  resources: readonly Resource[],
): ScimListResponse<Resource> {
  return {
    schemas: [SCIM_LIST_RESPONSE_SCHEMA],
    totalResults: resources.length,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
