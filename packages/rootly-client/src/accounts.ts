import {
  allSettledInOrder,
  isRecord,
  recordsAdapter,
  membershipAccess,
  roleAccess,
  roleFrom,
  textAt,
  unwrap,
  valueAt,
  type AccountBuilder,
  type AdapterResult,
  type MembershipFields,
  type PullOptions,
  type RecordFields,
  type RoleFields,
  type RoleLevel,
} from "@rollcall/core";
import type { OnCallRole, Role, Team, User } from "./generated/schema";
import { vendor } from "./generated/vendor";
import { OFFBOARDED_KIND } from "./generated/offboarding";
import * as listings from "./generated/client";

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
  const adapter = usersAdapter();
  adapter.add(records, included);
  return adapter.result();
}

/** {@link toAccounts} page by page: each page's users with that page's `included` resources. */
export function usersAdapter(): {
  add(records: unknown, included?: unknown): void;
  result(): AdapterResult;
} {
  const resources = new Map<string, unknown>();
  // The name and slug of the role a relationship points at, when that role was included.
  const related = (user: Readonly<Record<string, unknown>>, name: string) => {
    const type = textAt(user, `relationships.${name}.data.type`);
    const id = textAt(user, `relationships.${name}.data.id`);
    const role = resources.get(`${type}/${id}`);
    const named = { name: textAt(role, "name"), slug: textAt(role, "slug") };
    return named.name === null && named.slug === null ? null : named;
  };
  const adapter = recordsAdapter(USER_FIELDS, (user, add: AccountBuilder) => {
    // The level comes from the slug (stable for Rootly's built-in roles), the shown name from name.
    const role = related(user, "role");
    if (role !== null) {
      const level = roleFrom(role.slug ?? role.name, ROLE_LEVELS).level;
      add.role({ level, raw: role.name ?? role.slug }, "relationships.role");
    }
    const onCall = related(user, "on_call_role");
    add.extra("onCallRole", onCall && (onCall.name ?? onCall.slug), "relationships.on_call_role");
  });
  return {
    add(records, included = []) {
      for (const resource of Array.isArray(included) ? included : []) {
        const { id, type, attributes } = isRecord(resource) ? resource : {};
        if (typeof id === "string" && typeof type === "string" && isRecord(attributes)) {
          resources.set(`${type}/${id}`, attributes);
        }
      }
      adapter.add(records);
    },
    result: () => adapter.result(),
  };
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

// Account roles are keyed by name, as core names the role each user states: one entitlement.
const ROLE_FIELDS: RoleFields<Role> = {
  ...{ vendor: vendor.id, accountKind: USER_KIND, noun: "role", id: "attributes.name" },
  ...{ name: "attributes.name", level: "attributes.slug", levels: ROLE_LEVELS },
  via: "GET /v1/roles",
};
// On-Call roles are held by id (each user's on_call_role), their level from their system role.
const ON_CALL_ROLE_FIELDS: RoleFields<OnCallRole> = {
  ...{ vendor: vendor.id, accountKind: USER_KIND, noun: "on-call role", id: "id" },
  ...{ name: "attributes.name", level: "attributes.system_role", levels: ROLE_LEVELS },
  ...{ label: "On-Call ", via: "GET /v1/on_call_roles" },
};

/** Who a schedule's rotations or a policy's levels name, as pullAccounts gathers them. */
interface Named {
  id: string;
  name: unknown;
  /** A policy's users; a schedule's rotation user entries (each naming its user). */
  users: unknown[];
  onCall?: unknown[];
}
const named = (kind: "schedule" | "escalation", noun: string, via: string) =>
  ({ vendor: vendor.id, kind, accountKind: USER_KIND, noun, via, id: "id", name: "name" }) as const;
const SCHEDULE_FIELDS: MembershipFields<Named> = {
  ...named("schedule", "schedule", "GET /v1/schedule_rotations/{id}/schedule_rotation_users"),
  ...{ members: "users", memberId: "attributes.user_id", membershipId: "id", onCall: "onCall" },
};
const ESCALATION_FIELDS: MembershipFields<Named> = {
  ...named("escalation", "escalation policy", "GET /v1/escalation_policies/{id}/escalation_levels"),
  members: "users",
};

/** Options of {@link pullAccounts}: progress callback plus the listings' page size. */
export interface PullAccountsOptions extends PullOptions<User> {
  pageSize?: listings.ListAllUsersOptions["pageSize"];
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
}

type Size = { pageSize?: number };

/** The users, each page adapted as it arrives while the listing fetches the next ones. */
async function pullUsers(
  pages: ReturnType<typeof listings.listAllUsers.pages>,
  options: PullAccountsOptions,
) {
  const adapter = usersAdapter();
  const holders: (readonly [string, string])[] = [];
  for await (const page of pages) {
    adapter.add(page.items, page.body.included ?? []);
    for (const user of page.items) {
      const [id, role] = [textAt(user, "id"), textAt(user, "relationships.on_call_role.data.id")];
      if (id !== null && role !== null) holders.push([id, role]);
    }
    options.onPage?.({ vendor: vendor.id, page: page.pageNumber, items: page.items });
  }
  return { adapter, holders };
}

/** Schedules with their rotations' users and who is on call now. */
async function pullSchedules(client: listings.RootlyClient, size: Size): Promise<Named[]> {
  const onCalls = unwrap(await client.GET("/v1/oncalls")).data ?? [];
  const schedules: Named[] = [];
  for (const { id, attributes } of await all(listings.listAllSchedules(client, size))) {
    const schedule: Named = { id, name: attributes?.name, users: [] };
    const path = { schedule_id: id };
    for (const rotation of await all(
      listings.listAllScheduleRotations(client, { ...size, path }),
    )) {
      const rotationPath = { path: { schedule_rotation_id: rotation.id } };
      schedule.users.push(
        ...(await all(listings.listAllScheduleRotationUsers(client, { ...size, ...rotationPath }))),
      );
    }
    const shifts = onCalls.filter((call) => valueAt(call, "attributes.schedule_id") === id);
    schedule.onCall = shifts.map((call) => valueAt(call, "attributes.user_id"));
    schedules.push(schedule);
  }
  return schedules;
}

/** Escalation policies with the users their levels page directly. */
async function pullPolicies(client: listings.RootlyClient, size: Size): Promise<Named[]> {
  const policies: Named[] = [];
  for (const { id, attributes } of await all(listings.listAllEscalationPolicies(client, size))) {
    const path = { escalation_policy_id: id };
    const levels = await all(listings.listAllEscalationLevels(client, { ...size, path }));
    const targets = levels.flatMap((level) =>
      valueAt(level, "attributes.notification_target_params"),
    );
    const users = targets.filter((target) => valueAt(target, "type") === "user");
    policies.push({
      id,
      name: attributes?.name,
      users: users.map((target) => valueAt(target, "id")),
    });
  }
  return policies;
}

/**
 * Every Rootly user as accounts, with their account and On-Call roles, paging through
 * `GET /v1/users?include=role,on_call_role`; `onPage` follows progress. Beside them, read at the
 * same time: the roles and On-Call roles, teams (members, admins), schedules (their rotations'
 * users, and who is on call now per `GET /v1/oncalls`) and escalation policies (the users their
 * levels page directly), as entitlements and grants. A failed read fails the pull once every
 * read has ended.
 */
export async function pullAccounts(
  client: listings.RootlyClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const size = options.pageSize === undefined ? {} : { pageSize: options.pageSize };
  const pages = listings.listAllUsers.pages(client, size, {
    operation: "pullAccounts",
    query: { include: "role,on_call_role" },
  });
  // The users and the access records are read side by side: neither needs the other until the end.
  const [users, schedules, policies, roles, onCallRoles, teams] = await allSettledInOrder([
    pullUsers(pages, options),
    pullSchedules(client, size),
    pullPolicies(client, size),
    all(listings.listAllRoles(client, size)),
    all(listings.listAllOnCallRoles(client, size)),
    all(listings.listAllTeams(client, size)),
  ]);
  const adapted = users.adapter.result();
  const access = [
    roleAccess(ROLE_FIELDS, roles),
    roleAccess(ON_CALL_ROLE_FIELDS, onCallRoles, users.holders),
    membershipAccess(TEAM_FIELDS, teams),
    membershipAccess(SCHEDULE_FIELDS, schedules),
    membershipAccess(ESCALATION_FIELDS, policies),
  ];
  return {
    accounts: adapted.accounts,
    entitlements: access.flatMap((part) => part.entitlements),
    grants: access.flatMap((part) => part.grants),
    issues: [adapted, ...access].flatMap((part) => part.issues),
  };
}
