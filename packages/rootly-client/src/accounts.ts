import {
  ACCOUNT_KINDS,
  defineAccount,
  email,
  namesFrom,
  phone,
  timestampFromIso,
  timezoneFromName,
  VENDORS,
  type Account,
  type AccountIssue,
  type AdapterResult,
  type PullOptions,
} from "@rollcall/core";
import type { RootlyClient } from "./client";
import type { User } from "./generated/schema";
import { userPages, type ListAllUsersOptions } from "./pagination";

const vendor = VENDORS.rootly;
const kind = ACCOUNT_KINDS.rootlyUser;

/**
 * Rootly users (JSON:API resources as `GET /v1/users` lists them) as core accounts. Accepts one
 * record or a list. A record without an id or email, or a repeated id, becomes an issue instead
 * of an account; it never throws.
 */
export function toAccounts(records: unknown): AdapterResult {
  const list: readonly unknown[] = Array.isArray(records) ? records : [records];
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const result = toAccount(raw);
    if ("reason" in result) {
      issues.push(result);
    } else if (seen.has(result.source.id)) {
      issues.push({ vendor, kind, id: result.source.id, reason: "duplicate user id", raw });
    } else {
      seen.add(result.source.id);
      accounts.push(result);
    }
  }
  return { accounts, issues };
}

function toAccount(raw: unknown): Account | AccountIssue {
  if (!isRecord(raw)) return { vendor, kind, reason: "the user record is not an object", raw };
  const id = typeof raw.id === "string" && raw.id.trim() !== "" ? raw.id : undefined;
  if (id === undefined) return { vendor, kind, reason: "the user has no id", raw };
  const attributes = raw.attributes;
  if (!isRecord(attributes)) return { vendor, kind, id, reason: "the user has no attributes", raw };
  const address = stringOr(attributes.email);
  if (address === null) return { vendor, kind, id, reason: "the user has no email", raw };

  const provenance: Record<string, string> = { "emails[0]": "attributes.email" };
  const names = namesFrom({
    full: stringOr(attributes.full_name) ?? stringOr(attributes.name),
    given: stringOr(attributes.first_name),
    family: stringOr(attributes.last_name),
  });
  if (names.display !== null) provenance["names.display"] = "attributes.full_name";
  if (names.given !== null) provenance["names.given"] = "attributes.first_name";
  if (names.family !== null) provenance["names.family"] = "attributes.last_name";

  const phones = [phone(stringOr(attributes.phone)), phone(stringOr(attributes.phone_2))];
  let phoneIndex = 0;
  for (const [entry, field] of [
    [phones[0], "attributes.phone"],
    [phones[1], "attributes.phone_2"],
  ] as const) {
    if (entry) provenance[`phones[${phoneIndex++}]`] = field;
  }

  const timezone = timezoneFromName(stringOr(attributes.time_zone));
  if (timezone.precision !== "unknown") provenance.timezone = "attributes.time_zone";
  const createdAt = timestampFromIso(stringOr(attributes.created_at));
  if (createdAt !== null) provenance.createdAt = "attributes.created_at";

  const extras: Record<string, unknown> = {};
  for (const [field, name] of [
    ["slack_id", "slackId"],
    ["full_name_with_team", "fullNameWithTeam"],
  ] as const) {
    const value = stringOr(attributes[field]);
    if (value !== null) extras[name] = value;
  }

  return defineAccount({
    source: { vendor, kind, id },
    raw,
    emails: [email(address, "primary")],
    names,
    phones,
    timezone,
    // Rootly has no disabled state: a user exists or has been deleted.
    status: "unknown",
    createdAt,
    extras,
    provenance,
  });
}

/** Options of {@link pullAccounts}: progress callback plus the listing's page size. */
export interface PullAccountsOptions extends PullOptions<User> {
  pageSize?: ListAllUsersOptions["pageSize"];
}

/** Every Rootly user as accounts, paging through `GET /v1/users`; `onPage` follows progress. */
export async function pullAccounts(
  client: RootlyClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const records: User[] = [];
  const pageOptions = options.pageSize === undefined ? {} : { pageSize: options.pageSize };
  for await (const page of userPages(client, pageOptions, "pullAccounts")) {
    records.push(...page.items);
    options.onPage?.({ vendor, page: page.pageNumber, items: page.items });
  }
  return toAccounts(records);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
