// `rollcall directory --json` and `whois --json`: a stable shape for scripts. Raw vendor records
// are left out: they can hold anything the vendor sent.
import {
  accessOf,
  summariseAccess,
  type Account,
  type AccessGraph,
  type Person,
  type PersonAccessSummary,
} from "@rollcall/core";
import type { PulledDirectory } from "../pull";
import type { CliVendor } from "../vendors";
import { grantJson } from "./access";
import { roleOf, rolesIn } from "./roles";
import { summarise } from "./summary";

function accountJson(account: Account) {
  return {
    vendor: account.source.vendor,
    kind: account.source.kind,
    id: account.source.id,
    role: roleOf(account),
    roleLevel: account.role.level,
    status: account.status,
    emails: account.emails.map(({ value, kind }) => ({ value, kind })),
    groups: account.groups.map((group) => group.name ?? group.id),
  };
}

/** What the directory table shows of a person's access, for scripts. */
function accessSummaryJson(summary: PersonAccessSummary | undefined) {
  return {
    privileges: summary?.privileges ?? {},
    teamAdminIn: summary?.teamAdminIn ?? [],
    teams: summary?.teams ?? 0,
    schedules: summary?.schedules ?? 0,
    onCallNow: summary?.onCallNow ?? false,
  };
}

export function personJson(
  person: Person,
  vendors: readonly CliVendor[],
  access: AccessGraph,
  summaries: ReadonlyMap<string, PersonAccessSummary> = summariseAccess(access),
) {
  return {
    id: person.id,
    name: person.displayName,
    email: person.primaryEmail,
    emails: person.emails,
    vendors: person.vendors,
    roles: Object.fromEntries(vendors.map((vendor) => [vendor, rolesIn(person, vendor)])),
    accounts: person.accounts.map(accountJson),
    access: accessSummaryJson(summaries.get(person.id)),
    grants: accessOf(access, person.id).map(grantJson),
    contactMatches: person.contactMatches.map((match) => ({
      email: match.email,
      via: match.via,
      account: match.account,
      personId: match.personId,
    })),
  };
}

export function directoryJson(pulled: PulledDirectory) {
  const summary = summarise(pulled);
  const vendors = pulled.pulls.map((pull) => pull.vendor);
  const summaries = summariseAccess(pulled.access);
  return {
    partial: pulled.partial,
    vendors: pulled.pulls.map((pull) =>
      pull.status === "ok"
        ? {
            id: pull.vendor,
            source: pull.source,
            status: pull.status,
            accounts: pull.accounts.length,
            pages: pull.pages,
          }
        : { id: pull.vendor, source: pull.source, status: pull.status, error: pull.error },
    ),
    people: pulled.directory.people.map((person) =>
      personJson(person, vendors, pulled.access, summaries),
    ),
    summary: { ...summary, contactOnlyMatches: summary.contactOnlyMatches.length },
    issues: pulled.directory.issues.map(({ vendor, kind, id, reason }) => ({
      vendor,
      kind,
      id: id ?? null,
      reason,
    })),
  };
}
