import {
  defineAccount,
  email,
  namesFrom,
  phone,
  roleFrom,
  timestampFromIso,
  timezoneFromName,
  type Account,
  type AccountIssue,
  type AdapterResult,
  type PullOptions,
  type RoleLevel,
} from "@rollcall/core";
import type { RootlyClient } from "./client";
import type { User } from "./generated/schema";
import { vendor as registry } from "./generated/vendor";
import { listAllUsers, type ListAllUsersOptions } from "./pagination";

const vendor = registry.id;
/** The kind of every account Rootly's adapter returns. */
export const USER_KIND = "rootly.user";
const kind = USER_KIND;

/** What the listing asks Rootly to include: each user's account role and On-Call role. */
const ACCOUNT_INCLUDES = "role,on_call_role";

/**
 * Rootly's built-in account roles, by slug, as core's levels. Observer (read access) and No
 * Access are "limited"; an organisation's custom roles stay "unknown", their name kept.
 */
const ROLE_LEVELS: Readonly<Record<string, RoleLevel>> = {
  owner: "owner",
  admin: "admin",
  user: "member",
  observer: "limited",
  no_access: "limited",
};

/**
 * Rootly users (JSON:API resources as `GET /v1/users` lists them) as core accounts. Accepts one
 * record or a list, plus the responses' `included` resources: with `include=role,on_call_role`
 * those carry each user's account role (the account's role) and On-Call role (`extras.onCallRole`).
 * A record without an id or email, or a repeated id, becomes an issue instead of an account; it
 * never throws.
 */
export function toAccounts(records: unknown, included: unknown = []): AdapterResult {
  const list: readonly unknown[] = Array.isArray(records) ? records : [records];
  const resources = indexResources(included);
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const result = toAccount(raw, resources);
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

/** Attributes of the included resources, by `type/id`. */
type Resources = ReadonlyMap<string, Record<string, unknown>>;

function indexResources(included: unknown): Resources {
  const resources = new Map<string, Record<string, unknown>>();
  for (const resource of Array.isArray(included) ? included : []) {
    if (!isRecord(resource) || !isRecord(resource.attributes)) continue;
    const { id, type } = resource;
    if (typeof id === "string" && typeof type === "string") {
      resources.set(`${type}/${id}`, resource.attributes);
    }
  }
  return resources;
}

/** The name and slug of the role a user's relationship points at, when it was included. */
function relatedRole(
  relationships: unknown,
  name: "role" | "on_call_role",
  resources: Resources,
): { name: string | null; slug: string | null } | null {
  const relationship = isRecord(relationships) ? relationships[name] : undefined;
  const data = isRecord(relationship) ? relationship.data : undefined;
  if (!isRecord(data) || typeof data.id !== "string" || typeof data.type !== "string") return null;
  const attributes = resources.get(`${data.type}/${data.id}`);
  if (attributes === undefined) return null;
  const role = { name: stringOr(attributes.name), slug: stringOr(attributes.slug) };
  return role.name === null && role.slug === null ? null : role;
}

function toAccount(raw: unknown, resources: Resources): Account | AccountIssue {
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

  // The level comes from the slug (stable for Rootly's built-in roles), the shown name from name.
  const accountRole = relatedRole(raw.relationships, "role", resources);
  const role =
    accountRole === null
      ? undefined
      : {
          level: roleFrom(accountRole.slug ?? accountRole.name, ROLE_LEVELS).level,
          raw: accountRole.name ?? accountRole.slug,
        };
  if (role !== undefined) provenance.role = "relationships.role";
  const onCallRole = relatedRole(raw.relationships, "on_call_role", resources);
  if (onCallRole !== null) {
    extras.onCallRole = onCallRole.name ?? onCallRole.slug;
    provenance["extras.onCallRole"] = "relationships.on_call_role";
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
    ...(role === undefined ? {} : { role }),
    createdAt,
    extras,
    provenance,
  });
}

/** Options of {@link pullAccounts}: progress callback plus the listing's page size. */
export interface PullAccountsOptions extends PullOptions<User> {
  pageSize?: ListAllUsersOptions["pageSize"];
}

/**
 * Every Rootly user as accounts, with their account and On-Call roles, paging through
 * `GET /v1/users?include=role,on_call_role`; `onPage` follows progress.
 */
export async function pullAccounts(
  client: RootlyClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const records: User[] = [];
  const included: unknown[] = [];
  const pageOptions = options.pageSize === undefined ? {} : { pageSize: options.pageSize };
  const pages = listAllUsers.pages(client, pageOptions, {
    operation: "pullAccounts",
    query: { include: ACCOUNT_INCLUDES },
  });
  for await (const page of pages) {
    records.push(...page.items);
    included.push(...(page.body.included ?? []));
    options.onPage?.({ vendor, page: page.pageNumber, items: page.items });
  }
  return toAccounts(records, included);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
