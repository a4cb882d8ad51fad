import {
  adaptRecords,
  isRecord,
  membershipAccess,
  roleFrom,
  textAt,
  type AccountBuilder,
  type AdapterResult,
  type MembershipFields,
  type PullOptions,
  type RecordFields,
  type RoleLevel,
} from "@rollcall/core";
import type { RootlyClient } from "./generated/client";
import type { Team, User } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { OFFBOARDED_KIND } from "./generated/offboarding";
import { listAllTeams, listAllUsers, type ListAllUsersOptions } from "./generated/client";

/** The kind of every account Rootly's adapter returns (the spec's x-rollcall-offboarding names it). */
export const USER_KIND = OFFBOARDED_KIND;

/**
 * Where a Rootly user (a JSON:API resource) keeps each account field. Rootly has no disabled
 * state (a user exists or has been deleted), so the status stays "unknown".
 */
const USER_FIELDS: RecordFields<User> = {
  vendor: vendor.id,
  kind: USER_KIND,
  noun: "user",
  id: "id",
  emails: [["attributes.email", "primary"]],
  names: {
    full: ["attributes.full_name", "attributes.name"],
    given: "attributes.first_name",
    family: "attributes.last_name",
  },
  phones: ["attributes.phone", "attributes.phone_2"],
  timezone: ["attributes.time_zone", "name"],
  createdAt: ["attributes.created_at", "iso"],
  extras: {
    slackId: "attributes.slack_id",
    fullNameWithTeam: "attributes.full_name_with_team",
  },
};

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
 * Rootly users (as `GET /v1/users` lists them) as core accounts. Accepts one record or a list,
 * plus the responses' `included` resources: with `include=role,on_call_role` those carry each
 * user's account role (the account's role) and On-Call role (`extras.onCallRole`). A record
 * without an id or email, or a repeated id, becomes an issue instead of an account; it never throws.
 */
export function toAccounts(records: unknown, included: unknown = []): AdapterResult {
  const resources = new Map<string, unknown>();
  for (const resource of Array.isArray(included) ? included : []) {
    const { id, type, attributes } = isRecord(resource) ? resource : {};
    if (typeof id === "string" && typeof type === "string" && isRecord(attributes)) {
      resources.set(`${type}/${id}`, attributes);
    }
  }
  // The name and slug of the role a relationship points at, when that role was included.
  const related = (user: Readonly<Record<string, unknown>>, name: string) => {
    const type = textAt(user, `relationships.${name}.data.type`);
    const id = textAt(user, `relationships.${name}.data.id`);
    const role = resources.get(`${type}/${id}`);
    const named = { name: textAt(role, "name"), slug: textAt(role, "slug") };
    return named.name === null && named.slug === null ? null : named;
  };
  return adaptRecords(USER_FIELDS, records, (user, add: AccountBuilder) => {
    // The level comes from the slug (stable for Rootly's built-in roles), the shown name from name.
    const role = related(user, "role");
    if (role !== null) {
      const level = roleFrom(role.slug ?? role.name, ROLE_LEVELS).level;
      add.role({ level, raw: role.name ?? role.slug }, "relationships.role");
    }
    const onCall = related(user, "on_call_role");
    add.extra("onCallRole", onCall && (onCall.name ?? onCall.slug), "relationships.on_call_role");
  });
}

/** Rootly's teams: members and admins by user id (Rootly's integers; user ids are their strings). */
const TEAM_FIELDS: MembershipFields<Team> = {
  vendor: vendor.id,
  kind: "team",
  accountKind: USER_KIND,
  noun: "team",
  id: "id",
  name: "attributes.name",
  members: "attributes.user_ids",
  admins: "attributes.admin_ids",
  via: "GET /v1/teams",
};

/** Options of {@link pullAccounts}: progress callback plus the listing's page size. */
export interface PullAccountsOptions extends PullOptions<User> {
  pageSize?: ListAllUsersOptions["pageSize"];
}

/**
 * Every Rootly user as accounts, with their account and On-Call roles, paging through
 * `GET /v1/users?include=role,on_call_role`; `onPage` follows progress. Then every team
 * (`GET /v1/teams`), as entitlements and its members' and admins' grants.
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
    query: { include: "role,on_call_role" },
  });
  for await (const page of pages) {
    records.push(...page.items);
    included.push(...(page.body.included ?? []));
    options.onPage?.({ vendor: vendor.id, page: page.pageNumber, items: page.items });
  }
  const users = toAccounts(records, included);
  const teams: Team[] = [];
  for await (const team of listAllTeams(client, pageOptions)) teams.push(team);
  const access = membershipAccess(TEAM_FIELDS, teams);
  return { ...users, ...access, issues: [...users.issues, ...access.issues] };
}
