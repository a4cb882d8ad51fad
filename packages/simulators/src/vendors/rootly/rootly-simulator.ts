import type { Credentials } from "../../credentials";
import type { Simulator } from "../../server/simulator";
import {
  DEFAULT_ERROR_STATUS,
  type ErrorKind,
  type Handler,
  type SimResponse,
} from "../../server/vendor-definition";
import { newUuid } from "../../store/identifiers";
import type { components } from "../../generated/rootly-schema";
import { declareSimulator, type CredentialOptions } from "../declare-simulator";
import type { VendorSimulatorOptions } from "../vendor-options";
import {
  RootlyStore,
  type RootlyAccountRoleRecord,
  type RootlyIncidentRecord,
  type RootlyIncidentRoleRecord,
  type RootlyTeamRecord,
  type RootlyUserRecord,
} from "./rootly-store";
import { onCallNow, rotationUsersOf } from "./rootly-on-call";

export interface RootlySimulatorOptions extends VendorSimulatorOptions, CredentialOptions<"token"> {
  /** Extra users `user000001@generated.example`…, created lazily on first read (for paging tests). */
  generatedUsers?: number;
}

/** `credentials.token`: the bearer token it accepts (default: random; pass `token` to choose). */
export type RootlySimulator = Simulator<RootlyStore, Credentials<"token">>;

type Schemas = components["schemas"];

const DEFAULT_PAGE_SIZE = 20;

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  ...DEFAULT_ERROR_STATUS,
  "method-not-allowed": 404,
  "unsupported-media-type": 415,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function rootlyError(status: number, title: string, detail: string | null = null): SimResponse {
  return { status, body: { errors: [{ title, status: String(status), code: null, detail }] } };
}

function renderUser(user: RootlyUserRecord): Schemas["User"] {
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return {
    id: user.id,
    type: "users",
    attributes: {
      name: fullName,
      email: user.email,
      first_name: user.first_name,
      last_name: user.last_name,
      phone: user.phone,
      phone_2: user.phone_2,
      full_name: fullName,
      full_name_with_team: user.team ? `[${user.team}] ${fullName}` : fullName,
      slack_id: user.slack_id,
      time_zone: user.time_zone,
      created_at: user.created_at,
      updated_at: user.updated_at,
    },
    relationships: {
      email_addresses: { data: [{ id: user.email_address_id, type: "user_email_addresses" }] },
      phone_numbers: { data: [] },
      devices: { data: [] },
      role: { data: user.role_id === null ? null : { id: user.role_id, type: "roles" } },
      on_call_role: {
        data:
          user.on_call_role_id === null
            ? null
            : { id: user.on_call_role_id, type: "on_call_roles" },
      },
    },
  };
}

/**
 * The `included` resources `include=role,on_call_role` asks for, each role once; undefined when
 * the request has no `include`. Other include names (teams, schedules, …) are not simulated.
 */
function includedRoles(
  store: RootlyStore,
  users: readonly RootlyUserRecord[],
  query: URLSearchParams,
): unknown[] | undefined {
  const include = query.get("include");
  if (include === null) return undefined;
  const wanted = new Set(include.split(","));
  const included = new Map<string, unknown>();
  const add = (role: RootlyAccountRoleRecord | undefined, type: "roles" | "on_call_roles") => {
    if (!role) return;
    const { id, ...attributes } = role;
    included.set(`${type}/${id}`, { id, type, attributes });
  };
  for (const user of users) {
    if (wanted.has("role") && user.role_id !== null) add(store.roles.get(user.role_id), "roles");
    if (wanted.has("on_call_role") && user.on_call_role_id !== null) {
      add(store.onCallRoles.get(user.on_call_role_id), "on_call_roles");
    }
  }
  return [...included.values()];
}

/** A single user, with the roles its `include` asks for. */
function userDocument(store: RootlyStore, user: RootlyUserRecord, query: URLSearchParams) {
  const included = includedRoles(store, [user], query);
  return { data: renderUser(user), ...(included === undefined ? {} : { included }) };
}

function renderTeam(team: RootlyTeamRecord): Schemas["Team"] {
  const { id, ...attributes } = team;
  return { id, type: "groups", attributes };
}

/** A stored record as a JSON:API resource of `type`: its id apart, the rest as attributes. */
function resource<T extends { id: string }, Type extends string>(type: Type) {
  return ({ id, ...attributes }: T) => ({ id, type, attributes });
}

/** The listed children of a parent found by the path's id, or Rootly's 404 when it is not. */
function childrenOf<T>(
  request: { pathParams: Record<string, string> } & Parameters<typeof page>[2],
  parent: unknown,
  children: () => T[],
  render: (item: T) => unknown,
): SimResponse {
  return parent === undefined
    ? rootlyError(404, "Record not found")
    : page(children(), render, request);
}

function renderRole(role: RootlyIncidentRoleRecord): Schemas["IncidentRole"] {
  const { id, ...attributes } = role;
  return { id, type: "incident_roles", attributes };
}

function renderIncident(
  store: RootlyStore,
  incident: RootlyIncidentRecord,
): Record<string, unknown> {
  const embedded = (userId: string | null) => {
    const user = userId === null ? undefined : store.users.get(userId);
    return user ? { data: renderUser(user) } : null;
  };
  // Assignments whose user or role has since been deleted no longer show.
  const assignments = incident.role_assignments.flatMap((assignment) => {
    const role = store.incidentRoles.get(assignment.incident_role_id);
    const user = store.users.get(assignment.user_id);
    return role && user ? [{ assignment, role, user }] : [];
  });
  return {
    data: {
      id: incident.id,
      type: "incidents",
      attributes: {
        ...incident.attributes,
        user: embedded(incident.user_id),
        started_by: embedded(incident.started_by_id),
      },
      relationships: {
        ...incident.relationships,
        roles: {
          data: assignments.map(({ assignment }) => ({
            id: assignment.id,
            type: "incident_role_assignments",
          })),
        },
      },
    },
    included: assignments.map(({ assignment, role, user }) => ({
      id: assignment.id,
      type: "incident_role_assignments",
      attributes: { incident_role: { data: renderRole(role) }, user: { data: renderUser(user) } },
    })),
  };
}

/** One JSON:API page of `items` with Rootly's links and meta, and `included` when given. */
function page<T>(
  items: readonly T[],
  render: (item: T) => unknown,
  request: { baseUrl: string; path: string; query: URLSearchParams },
  include: (onPage: readonly T[]) => unknown[] | undefined = () => undefined,
): SimResponse {
  const size = Number(request.query.get("page[size]") ?? DEFAULT_PAGE_SIZE);
  const number = Number(request.query.get("page[number]") ?? 1);
  const totalPages = Math.ceil(items.length / size);
  const link = (pageNumber: number) => {
    const query = new URLSearchParams(request.query);
    query.set("page[number]", String(pageNumber));
    query.set("page[size]", String(size));
    return `${request.baseUrl}${request.path}?${query.toString()}`;
  };
  const last = Math.max(totalPages, 1);
  const onPage = items.slice((number - 1) * size, number * size);
  const included = include(onPage);
  return {
    status: 200,
    body: {
      data: onPage.map(render),
      ...(included === undefined ? {} : { included }),
      links: {
        self: link(number),
        first: link(1),
        prev: number > 1 ? link(Math.min(number - 1, last)) : null,
        next: number < totalPages ? link(number + 1) : null,
        last: link(last),
      },
      meta: {
        current_page: number,
        next_page: number < totalPages ? number + 1 : null,
        prev_page: number > 1 ? Math.min(number - 1, last) : null,
        total_count: items.length,
        total_pages: totalPages,
      },
    },
  };
}

function resolveAssignment(store: RootlyStore, incidentId: string, body: unknown) {
  const incident = store.incident(incidentId);
  if (!incident) return rootlyError(404, "Record not found");
  const { user_id, incident_role_id } = (body as Schemas["IncidentRoleAssignmentRequest"]).data
    .attributes;
  const role = store.incidentRoles.get(incident_role_id);
  if (!role) return rootlyError(422, "Incident role must exist");
  if (!store.users.get(user_id)) return rootlyError(422, "User must exist");
  return { incident, role, userId: user_id };
}

/** Handlers by route key; exported so tests can check every spec operation has one. */
export const rootlyHandlers: Record<string, Handler<RootlyStore>> = {
  "GET /v1/users": (request) => {
    const email = request.query.get("filter[email]")?.toLowerCase();
    const search = request.query.get("filter[search]")?.toLowerCase();
    let users = request.store.users.list();
    if (email !== undefined) users = users.filter((user) => user.email.toLowerCase() === email);
    if (search !== undefined) {
      users = users.filter((user) =>
        [user.email, user.first_name ?? "", user.last_name ?? ""].some((text) =>
          text.toLowerCase().includes(search),
        ),
      );
    }
    return page(users, renderUser, request, (onPage) =>
      includedRoles(request.store, onPage, request.query),
    );
  },

  "GET /v1/users/me": ({ store }) => {
    const user = store.users.get(store.currentUserId);
    return user
      ? { status: 200, body: { data: renderUser(user) } }
      : rootlyError(401, "Unauthorized");
  },

  "GET /v1/users/{}": ({ store, pathParams, query }) => {
    const user = store.users.get(pathParams.id ?? "");
    return user
      ? { status: 200, body: userDocument(store, user, query) }
      : rootlyError(404, "Record not found");
  },

  "DELETE /v1/users/{}": ({ store, pathParams }) => {
    const user = store.users.get(pathParams.id ?? "");
    if (!user) return rootlyError(404, "Record not found");
    store.users.delete(user.id);
    store.dropFromTeams(Number(user.id));
    return { status: 200, body: { data: renderUser(user) } };
  },

  "GET /v1/teams": (request) => page(request.store.teams.list(), renderTeam, request),

  "GET /v1/teams/{}": ({ store, pathParams }) => {
    const team = store.teams.get(pathParams.id ?? "");
    return team
      ? { status: 200, body: { data: renderTeam(team) } }
      : rootlyError(404, "Record not found");
  },

  // The lists given replace the team's; an admin must also be a member, as Rootly requires.
  "PUT /v1/teams/{}": ({ store, pathParams, body }) => {
    const team = store.teams.get(pathParams.id ?? "");
    if (!team) return rootlyError(404, "Record not found");
    const changes = (body as Schemas["TeamUpdateRequest"]).data.attributes;
    const members = changes.user_ids === undefined ? team.user_ids : changes.user_ids;
    const admins = changes.admin_ids === undefined ? team.admin_ids : changes.admin_ids;
    if ((admins ?? []).some((id) => !(members ?? []).includes(id))) {
      return rootlyError(422, "Unprocessable Entity", "Admins must also be members of the team");
    }
    const updated = store.teams.update(team.id, {
      ...(changes.name !== undefined && { name: changes.name }),
      user_ids: members ?? null,
      admin_ids: admins ?? null,
      updated_at: new Date().toISOString(),
    });
    return { status: 200, body: { data: renderTeam(updated ?? team) } };
  },

  "GET /v1/roles": (request) => page(request.store.roles.list(), resource("roles"), request),

  "GET /v1/on_call_roles": (request) =>
    page(request.store.onCallRoles.list(), resource("on_call_roles"), request),

  "GET /v1/schedules": (request) =>
    page(request.store.schedules.list(), resource("schedules"), request),

  "GET /v1/schedules/{}/schedule_rotations": (request) => {
    const { store, pathParams } = request;
    const id = pathParams.schedule_id ?? "";
    return childrenOf(
      request,
      store.schedules.get(id),
      () => store.rotations.list().filter((rotation) => rotation.schedule_id === id),
      resource("schedule_rotations"),
    );
  },

  "GET /v1/schedule_rotations/{}/schedule_rotation_users": (request) => {
    const { store, pathParams } = request;
    const id = pathParams.schedule_rotation_id ?? "";
    return childrenOf(
      request,
      store.rotations.get(id),
      () => rotationUsersOf(store.rotationUsers.list(), id),
      resource("schedule_rotation_users"),
    );
  },

  "DELETE /v1/schedule_rotation_users/{}": ({ store, pathParams }) => {
    const entry = store.rotationUsers.get(pathParams.id ?? "");
    if (!entry) return rootlyError(404, "Record not found");
    store.rotationUsers.delete(entry.id);
    return { status: 200, body: { data: resource("schedule_rotation_users")(entry) } };
  },

  "GET /v1/oncalls": ({ store }) => {
    const state = {
      schedules: store.schedules.list(),
      rotations: store.rotations.list(),
      rotationUsers: store.rotationUsers.list(),
      policies: store.escalationPolicies.list(),
      levels: store.escalationLevels.list(),
    };
    return { status: 200, body: { data: onCallNow(state, new Date()) } };
  },

  "GET /v1/escalation_policies": (request) =>
    page(request.store.escalationPolicies.list(), resource("escalation_policies"), request),

  // Rootly's document gives a level no JSON:API type, so none is sent.
  "GET /v1/escalation_policies/{}/escalation_levels": (request) => {
    const { store, pathParams } = request;
    const id = pathParams.escalation_policy_id ?? "";
    return childrenOf(
      request,
      store.escalationPolicies.get(id),
      () => store.escalationLevels.list().filter((level) => level.escalation_policy_id === id),
      ({ id: levelId, ...attributes }) => ({ id: levelId, attributes }),
    );
  },

  "GET /v1/incident_roles": (request) =>
    page(request.store.incidentRoles.list(), renderRole, request),

  "POST /v1/incidents/{}/assign_role_to_user": ({ store, pathParams, body }) => {
    const resolved = resolveAssignment(store, pathParams.id ?? "", body);
    if ("status" in resolved) return resolved;
    const { incident, role, userId } = resolved;
    const others = incident.role_assignments.filter(
      (assignment) =>
        assignment.incident_role_id !== role.id ||
        (role.allow_multi_user_assignment && assignment.user_id !== userId),
    );
    // A single-holder role moves to the new user; a multi-holder role gains one.
    const existing = incident.role_assignments.find(
      (assignment) => assignment.incident_role_id === role.id && assignment.user_id === userId,
    );
    const role_assignments = [
      ...others,
      existing ?? { id: newUuid(), incident_role_id: role.id, user_id: userId },
    ];
    const updated = store.incidents.update(incident.id, {
      role_assignments,
      attributes: { ...incident.attributes, updated_at: new Date().toISOString() },
    });
    return { status: 200, body: renderIncident(store, updated ?? incident) };
  },

  "DELETE /v1/incidents/{}/unassign_role_from_user": ({ store, pathParams, body }) => {
    const resolved = resolveAssignment(store, pathParams.id ?? "", body);
    if ("status" in resolved) return resolved;
    const { incident, role, userId } = resolved;
    const updated = store.incidents.update(incident.id, {
      role_assignments: incident.role_assignments.filter(
        (assignment) => !(assignment.incident_role_id === role.id && assignment.user_id === userId),
      ),
      attributes: { ...incident.attributes, updated_at: new Date().toISOString() },
    });
    return { status: 200, body: renderIncident(store, updated ?? incident) };
  },
};

/** Rootly's JSON:API: a bearer token; every answer carries Rootly's rate-limit counters. */
export const rootlySimulator = declareSimulator<"token", RootlyStore, RootlySimulatorOptions>({
  id: "rootly",
  behaviour: (options) => ({
    store: new RootlyStore(options.seed ?? "both", options.generatedUsers ?? 0),
    errorResponse: (kind, message, status, problems) => {
      if (kind === "rate-limited") {
        // What Rootly has been seen to send on a 429: not a JSON:API error document.
        return { status: 429, body: { error: "Rate limit exceeded. Try again later." } };
      }
      if (
        kind === "invalid-request" &&
        problems?.some((problem) => problem.location.startsWith("body"))
      ) {
        return rootlyError(422, TITLES[422] ?? "Unprocessable Entity", message);
      }
      const code = status ?? STATUS_BY_KIND[kind];
      return rootlyError(code, TITLES[code] ?? "Error", kind === "unauthorized" ? null : message);
    },
    // X-RateLimit-Limit carries the quota and its window ("3000, 3000;window=60"), as Rootly
    // documents it, and X-RateLimit-Used what the window has spent.
    rateLimitHeaders: (verdict): Record<string, string> => {
      if (!verdict) return {};
      const { requests } = verdict.rule;
      const window = Math.ceil(verdict.periodSeconds);
      return {
        "x-ratelimit-limit": `${requests}, ${requests};window=${window}`,
        "x-ratelimit-used": String(requests - verdict.remaining),
      };
    },
    handlers: rootlyHandlers,
  }),
});

/** Starts a fake Rootly API (JSON:API) on 127.0.0.1. */
export const startRootly = (options: RootlySimulatorOptions = {}): Promise<RootlySimulator> =>
  rootlySimulator.start(options);
