// OpsGenie's v2 access surface, answered from the same store as v1: users with their role object,
// custom roles, teams, schedules with rotations, who is on call, escalations, and the two writes
// offboarding makes. Who is on call is deterministic: the first user participant of each rotation
// of an enabled schedule (the simulator keeps no clock).
import { randomUUID } from "node:crypto";
import type { Handler, SimResponse } from "../../server/vendor-definition";
import type { components } from "../../generated/opsgenie-schema";
import type { OpsgenieParticipant, OpsgenieScheduleRecord } from "./opsgenie-access";
import type { OpsgenieStore, OpsgenieUserRecord } from "./opsgenie-store";

type Schemas = components["schemas"];

const BUILT_IN_ROLES = new Set(["Owner", "Admin", "User", "Observer", "Stakeholder"]);

/** What every v2 answer carries besides its data. */
const envelope = () => ({ took: 0.01, requestId: randomUUID() });

function v2Error(status: number, message: string): SimResponse {
  return { status, body: { message, code: status, ...envelope() } };
}

function v2User(store: OpsgenieStore, user: OpsgenieUserRecord): Schemas["V2User"] {
  const custom = store.access.customRoles.find((role) => role.name === user.role);
  const builtIn = BUILT_IN_ROLES.has(user.role);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullname,
    role: { id: builtIn || !custom ? user.role : custom.id, name: user.role },
    timeZone: user.timezone,
    locale: user.locale,
    blocked: user.blocked,
    verified: user.verified,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

/** A stored participant as the API names it: users with their username, others as stored. */
function recipient(store: OpsgenieStore, participant: OpsgenieParticipant): Schemas["Recipient"] {
  if (!("userId" in participant)) {
    if (participant.type !== "schedule" || !participant.id) return participant;
    const schedule = store.access.schedules.get(participant.id);
    return { type: "schedule", id: participant.id, ...(schedule && { name: schedule.name }) };
  }
  const username = store.users.get(participant.userId)?.username;
  return { type: "user", id: participant.userId, ...(username && { username }) };
}

/** A recipient a caller sent, as stored: a user by id or username (unknown users refused). */
function storedParticipant(
  store: OpsgenieStore,
  given: Schemas["Recipient"],
): OpsgenieParticipant | undefined {
  if (given.type !== "user") return given;
  const user = given.id ? store.users.get(given.id) : store.userByUsername(given.username ?? "");
  return user && { type: "user", userId: user.id };
}

function byIdentifier<T extends { id: string; name: string }>(
  records: { get(id: string): T | undefined; find(test: (record: T) => boolean): T | undefined },
  identifier: string,
  type: string | null,
): T | undefined {
  return type === "name"
    ? records.find((record) => record.name === identifier)
    : records.get(identifier);
}

/** The team a path names (by id, or by name when `type` says so), or OpsGenie's 404. */
function teamOf(store: OpsgenieStore, path: Record<string, string>, type: string | null) {
  const team = byIdentifier(store.access.teams, path.identifier!, type);
  return team ?? v2Error(404, `No team exists with identifier [${path.identifier}]`);
}

const teamMeta = (store: OpsgenieStore, id: string | null) => {
  const team = id === null ? undefined : store.access.teams.get(id);
  return team && { ownerTeam: { id: team.id, name: team.name } };
};

function scheduleView(store: OpsgenieStore, schedule: OpsgenieScheduleRecord, rotations: boolean) {
  const { id, name, description, timezone, enabled, ownerTeamId } = schedule;
  return {
    id,
    name,
    description,
    timezone,
    enabled,
    ...teamMeta(store, ownerTeamId),
    ...(rotations && {
      rotations: schedule.rotations.map((rotation) => ({
        ...rotation,
        participants: rotation.participants.map((p) => recipient(store, p)),
      })),
    }),
  };
}

/** The users on call in a schedule now: each rotation's first user participant, if enabled. */
export function onCallNow(schedule: OpsgenieScheduleRecord): string[] {
  if (!schedule.enabled) return [];
  const first = schedule.rotations.flatMap((rotation) => {
    const user = rotation.participants.find((p) => "userId" in p);
    return user && "userId" in user ? [user.userId] : [];
  });
  return [...new Set(first)];
}

const USER_ORDER: Record<string, (user: OpsgenieUserRecord) => string | number> = {
  username: (user) => user.username.toLowerCase(),
  fullName: (user) => user.fullname.toLowerCase(),
  insertedAt: (user) => user.createdAt,
};

export const opsgenieV2Handlers: Record<string, Handler<OpsgenieStore>> = {
  "GET /v2/users": ({ store, query }) => {
    const limit = Number(query.get("limit") ?? 100);
    const offset = Number(query.get("offset") ?? 0);
    const field = query.get("sortField") ?? "username";
    const [name, key] = USER_ORDER[field]
      ? [field, USER_ORDER[field]]
      : ["username", USER_ORDER.username!];
    const users = store.users.sorted(`v2:${name}`, key, query.get("order") === "desc");
    const data = users.slice(offset, offset + limit).map((user) => v2User(store, user));
    return { status: 200, body: { data, totalCount: users.length, ...envelope() } };
  },

  "GET /v2/roles": ({ store }) => ({
    status: 200,
    body: { data: store.access.customRoles.list(), ...envelope() },
  }),

  "GET /v2/teams": ({ store }) => ({
    status: 200,
    body: {
      data: store.access.teams
        .list()
        .map(({ id, name, description }) => ({ id, name, description })),
      ...envelope(),
    },
  }),

  "GET /v2/teams/{}": ({ store, pathParams, query }) => {
    const team = teamOf(store, pathParams, query.get("identifierType"));
    if ("status" in team) return team;
    const members = team.members.map(({ userId, role }) => {
      const username = store.users.get(userId)?.username;
      return { user: { id: userId, ...(username && { username }) }, role };
    });
    const { id, name, description } = team;
    return { status: 200, body: { data: { id, name, description, members }, ...envelope() } };
  },

  "DELETE /v2/teams/{}/members/{}": ({ store, pathParams, query }) => {
    const team = teamOf(store, pathParams, query.get("teamIdentifierType"));
    if ("status" in team) return team;
    const member = pathParams.memberIdentifier!;
    const userId = store.users.get(member)?.id ?? store.userByUsername(member)?.id ?? member;
    if (!team.members.some((m) => m.userId === userId)) {
      return v2Error(404, `User [${member}] is not a member of team [${team.name}]`);
    }
    store.access.teams.update(team.id, {
      members: team.members.filter((m) => m.userId !== userId),
    });
    return { status: 200, body: { result: "Removed", ...envelope() } };
  },

  "GET /v2/schedules": ({ store, query }) => {
    const expand = (query.get("expand") ?? "").split(",").includes("rotation");
    const data = store.access.schedules.list().map((s) => scheduleView(store, s, expand));
    return { status: 200, body: { data, expandable: ["rotation"], ...envelope() } };
  },

  "GET /v2/schedules/{}/on-calls": ({ store, pathParams, query }) => {
    const schedule = byIdentifier(
      store.access.schedules,
      pathParams.identifier!,
      query.get("scheduleIdentifierType"),
    );
    if (!schedule) {
      return v2Error(404, `No schedule exists with identifier [${pathParams.identifier}]`);
    }
    const users = onCallNow(schedule).map((id) => store.users.get(id));
    const _parent = { id: schedule.id, name: schedule.name, enabled: schedule.enabled };
    const data =
      query.get("flat") === "true"
        ? { _parent, onCallRecipients: users.flatMap((u) => (u ? [u.username] : [])) }
        : {
            _parent,
            onCallParticipants: users.flatMap((u) =>
              u ? [{ id: u.id, name: u.username, type: "user" }] : [],
            ),
          };
    return { status: 200, body: { data, ...envelope() } };
  },

  "PATCH /v2/schedules/{}/rotations/{}": ({ store, pathParams, query, body }) => {
    const schedule = byIdentifier(
      store.access.schedules,
      pathParams.identifier!,
      query.get("scheduleIdentifierType"),
    );
    const rotation = schedule?.rotations.find((r) => r.id === pathParams.id);
    if (!schedule || !rotation) {
      return v2Error(404, `No rotation exists with id [${pathParams.id}]`);
    }
    const {
      participants,
      timeRestriction: _restriction,
      ...changes
    } = body as Schemas["ScheduleRotationUpdate"];
    const stored = participants?.map((p) => storedParticipant(store, p));
    if (stored?.includes(undefined)) return v2Error(422, "Participant user not found");
    const updated = {
      ...rotation,
      ...changes,
      ...(stored && { participants: stored as OpsgenieParticipant[] }),
    };
    store.access.schedules.update(schedule.id, {
      rotations: schedule.rotations.map((r) => (r.id === rotation.id ? updated : r)),
    });
    return {
      status: 200,
      body: { result: "Updated", data: { id: updated.id, name: updated.name }, ...envelope() },
    };
  },

  "GET /v2/escalations": ({ store }) => ({
    status: 200,
    body: {
      data: store.access.escalations.list().map((escalation) => ({
        id: escalation.id,
        name: escalation.name,
        description: escalation.description,
        ...teamMeta(store, escalation.ownerTeamId),
        rules: escalation.rules.map(({ recipient: to, delayMinutes }) => ({
          condition: "if-not-acked",
          notifyType: "default",
          delay: { timeAmount: delayMinutes, timeUnit: "minutes" },
          recipient: recipient(store, to),
        })),
      })),
      ...envelope(),
    },
  }),
};
