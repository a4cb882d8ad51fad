import {
  membershipAccess,
  unwrap,
  type AdapterResult,
  type Entitlement,
  type MembershipFields,
  type RoleLevel,
} from "@rollcall/core";
import { USER_KIND } from "./accounts";
import type { OpsgenieClient } from "./generated/client";
import type { CustomUserRole, Escalation, Schedule, Team } from "./generated/schema";
import { vendor } from "./generated/vendor";

/** A custom role confers what the built-in role it extends does. */
const EXTENDED: Readonly<Record<string, RoleLevel>> = {
  user: "member",
  observer: "limited",
  stakeholder: "limited",
};

/** Each custom role's name and level, and the entitlement it is (held through the user's role). */
export function customRoles(roles: readonly CustomUserRole[]) {
  const levels: Record<string, RoleLevel> = {};
  const entitlements: Entitlement[] = [];
  for (const { name, extendedRole } of roles) {
    if (!name) continue;
    levels[name] = EXTENDED[extendedRole ?? ""] ?? "unknown";
    entitlements.push({ vendor: vendor.id, kind: "role", id: name, name, privilege: levels[name] });
  }
  return { levels, entitlements };
}

const common = { vendor: vendor.id, accountKind: USER_KIND, id: "id", name: "name" } as const;

const TEAM: MembershipFields<Team> = {
  ...common,
  kind: "team",
  noun: "team",
  members: "members",
  memberId: "user.id",
  adminWhen: { path: "role", equals: ["admin"] },
  via: "GET /v2/teams/{identifier}",
};

const USERS = { memberId: "id", memberWhen: { path: "type", equals: ["user"] } } as const;

/** Each rotation's user participants hold the schedule; `onCall` is added from on-calls. */
const SCHEDULE: MembershipFields<Schedule & { onCall: string[] }> = {
  ...common,
  ...USERS,
  kind: "schedule",
  noun: "schedule",
  members: "rotations[].participants",
  onCall: "onCall",
  via: "GET /v2/schedules",
};

/** Users a rule names directly; those reached through a schedule or team hold that instead. */
const ESCALATION: MembershipFields<Escalation> = {
  ...common,
  ...USERS,
  kind: "escalation",
  noun: "escalation",
  members: "rules[].recipient",
  via: "GET /v2/escalations",
};

/**
 * Teams (each read for its members), schedules with their rotations and who is on call now, and
 * escalations, as entitlements and grants.
 */
export async function pullAccess(client: OpsgenieClient): Promise<AdapterResult> {
  const listed = unwrap(await client.GET("/v2/teams")).data ?? [];
  const teams = [];
  for (const { id } of listed) {
    if (!id) continue;
    const path = { identifier: id };
    teams.push(unwrap(await client.GET("/v2/teams/{identifier}", { params: { path } })).data ?? {});
  }
  const query = { expand: ["rotation" as const] };
  const schedules = [];
  for (const schedule of unwrap(await client.GET("/v2/schedules", { params: { query } })).data ??
    []) {
    const path = { identifier: schedule.id ?? "" };
    const onCalls = schedule.id
      ? unwrap(await client.GET("/v2/schedules/{identifier}/on-calls", { params: { path } })).data
      : undefined;
    const onCall = (onCalls?.onCallParticipants ?? []).flatMap((p) =>
      p.type === "user" && p.id ? [p.id] : [],
    );
    schedules.push({ ...schedule, onCall });
  }
  const escalations = unwrap(await client.GET("/v2/escalations")).data ?? [];
  const parts = [
    membershipAccess(TEAM, teams),
    membershipAccess(SCHEDULE, schedules),
    membershipAccess(ESCALATION, escalations),
  ];
  return {
    accounts: [],
    entitlements: parts.flatMap((part) => part.entitlements),
    grants: parts.flatMap((part) => part.grants),
    issues: parts.flatMap((part) => part.issues),
  };
}
