// Rootly's on-call side: schedules, their rotations and the users in each, escalation policies
// and their levels, seeded from the demo roster, and who is on call now.
import { demoOrganisation, demoRootlyEscalationSchedules } from "../../demo-organisation";
import type { components } from "../../generated/rootly-schema";
import { generatedUuid } from "../../store/identifiers";

type Schemas = components["schemas"];

export type RootlyScheduleRecord = Pick<Schemas["Schedule"], "id"> & Schemas["ScheduleAttributes"];
export type RootlyRotationRecord = Pick<Schemas["ScheduleRotation"], "id"> &
  Schemas["ScheduleRotationAttributes"];
/** One user's place in a rotation: an entry with an id of its own. */
export type RootlyRotationUserRecord = Pick<Schemas["ScheduleRotationUser"], "id"> &
  Schemas["ScheduleRotationUserAttributes"];
export type RootlyEscalationPolicyRecord = Pick<Schemas["EscalationPolicy"], "id"> &
  Schemas["EscalationPolicyAttributes"];
export type RootlyEscalationLevelRecord = Pick<Schemas["EscalationLevel"], "id"> &
  Schemas["EscalationLevelAttributes"];

const SEEDED = "2024-04-01T09:00:00.000Z";

/** The demo's schedules, rotations and rotation users, in the order the roster names them. */
export function demoRotations(userBase: number): {
  schedules: RootlyScheduleRecord[];
  rotations: RootlyRotationRecord[];
  rotationUsers: RootlyRotationUserRecord[];
} {
  const schedules = new Map<string, RootlyScheduleRecord>();
  const rotations = new Map<string, RootlyRotationRecord>();
  const rotationUsers: RootlyRotationUserRecord[] = [];
  demoOrganisation.people.forEach((person, index) => {
    for (const [scheduleName, places] of Object.entries(person.rootly?.rotations ?? {})) {
      let schedule = schedules.get(scheduleName);
      if (schedule === undefined) {
        schedule = {
          id: generatedUuid(0x2004, schedules.size),
          name: scheduleName,
          description: null,
          all_time_coverage: true,
          owner_group_ids: [],
          owner_user_id: userBase + index,
          created_at: SEEDED,
          updated_at: SEEDED,
        };
        schedules.set(scheduleName, schedule);
      }
      for (const [rotationName, position] of Object.entries(places)) {
        const key = `${scheduleName}\u0000${rotationName}`;
        let rotation = rotations.get(key);
        if (rotation === undefined) {
          rotation = {
            id: generatedUuid(0x2005, rotations.size),
            schedule_id: schedule.id,
            name: rotationName,
            position: rotations.size + 1,
            schedule_rotationable_type: "ScheduleWeeklyRotation",
            schedule_rotationable_attributes: { handoff_time: "09:00", handoff_day: "M" },
            time_zone: "Etc/UTC",
            start_time: SEEDED,
            end_time: null,
          };
          rotations.set(key, rotation);
        }
        rotationUsers.push({
          id: generatedUuid(0x2006, rotationUsers.length),
          schedule_rotation_id: rotation.id,
          user_id: userBase + index,
          position,
          created_at: SEEDED,
          updated_at: SEEDED,
        });
      }
    }
  });
  return { schedules: [...schedules.values()], rotations: [...rotations.values()], rotationUsers };
}

/**
 * The demo's escalation policies: each level pages the schedules `demoRootlyEscalationSchedules`
 * gives it and the users whose roster entry names it.
 */
export function demoEscalations(
  userBase: number,
  schedules: readonly RootlyScheduleRecord[],
): { policies: RootlyEscalationPolicyRecord[]; levels: RootlyEscalationLevelRecord[] } {
  type Target = Schemas["NotificationTarget"];
  const targets = new Map<string, Map<number, Target[]>>();
  const at = (policy: string, level: number): Target[] => {
    const levels = targets.get(policy) ?? new Map<number, Target[]>();
    targets.set(policy, levels);
    const list = levels.get(level) ?? [];
    levels.set(level, list);
    return list;
  };
  for (const [policy, named] of Object.entries(demoRootlyEscalationSchedules)) {
    for (const [scheduleName, level] of Object.entries(named)) {
      const schedule = schedules.find((candidate) => candidate.name === scheduleName);
      if (schedule) at(policy, level).push({ id: schedule.id, type: "schedule" });
    }
  }
  demoOrganisation.people.forEach((person, index) => {
    for (const [policy, level] of Object.entries(person.rootly?.escalations ?? {})) {
      at(policy, level).push({ id: String(userBase + index), type: "user" });
    }
  });
  const policies: RootlyEscalationPolicyRecord[] = [];
  const levels: RootlyEscalationLevelRecord[] = [];
  for (const [name, byLevel] of targets) {
    const id = generatedUuid(0x2007, policies.length);
    policies.push({
      id,
      name,
      description: null,
      repeat_count: 1,
      created_by_user_id: userBase,
      last_updated_by_user_id: userBase,
      group_ids: [],
      service_ids: [],
      created_at: SEEDED,
      updated_at: SEEDED,
    });
    for (const [position, notified] of [...byLevel].sort(([a], [b]) => a - b)) {
      levels.push({
        id: generatedUuid(0x2008, levels.length),
        escalation_policy_id: id,
        escalation_policy_path_id: null,
        delay: 15,
        position,
        notification_target_params: notified,
        created_at: SEEDED,
        updated_at: SEEDED,
      });
    }
  }
  return { policies, levels };
}

/** What {@link onCallNow} reads. */
export interface OnCallState {
  readonly schedules: readonly RootlyScheduleRecord[];
  readonly rotations: readonly RootlyRotationRecord[];
  readonly rotationUsers: readonly RootlyRotationUserRecord[];
  readonly policies: readonly RootlyEscalationPolicyRecord[];
  readonly levels: readonly RootlyEscalationLevelRecord[];
}

/**
 * Who is on call now, as GET /v1/oncalls answers it: for each escalation policy level, each user
 * it pages directly and, for each schedule it pages, the first user (lowest position) of each of
 * the schedule's rotations. A simplification of Rootly's shift calculation: deterministic, so the
 * state alone says who is on call; each shift is today (UTC).
 */
export function onCallNow(state: OnCallState, now: Date): Schemas["Oncall"][] {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const starts_at = new Date(day).toISOString();
  const ends_at = new Date(day + 86_400_000).toISOString();
  const entries: Schemas["Oncall"][] = [];
  for (const level of state.levels) {
    const policy = state.policies.find(({ id }) => id === level.escalation_policy_id);
    if (policy === undefined) continue;
    const entry = (user_id: number, schedule: RootlyScheduleRecord | null) =>
      entries.push({
        id: `${level.id}-${schedule?.id ?? "user"}-${user_id}`,
        type: "on_call_resources",
        attributes: {
          escalation_policy_id: policy.id,
          escalation_policy_name: policy.name,
          escalation_policy_path_id: level.escalation_policy_path_id ?? null,
          escalation_level: level.position,
          schedule_id: schedule?.id ?? null,
          schedule_name: schedule?.name ?? null,
          user_id,
          starts_at,
          ends_at,
        },
      });
    for (const target of level.notification_target_params) {
      if (target?.type === "user" && /^[0-9]+$/.test(target.id)) entry(Number(target.id), null);
      if (target?.type !== "schedule") continue;
      const schedule = state.schedules.find(({ id }) => id === target.id);
      if (schedule === undefined) continue;
      for (const rotation of state.rotations.filter((r) => r.schedule_id === schedule.id)) {
        const first = rotationUsersOf(state.rotationUsers, rotation.id)[0];
        if (first !== undefined) entry(first.user_id, schedule);
      }
    }
  }
  return entries;
}

/** A rotation's users in their order. */
export function rotationUsersOf(
  rotationUsers: readonly RootlyRotationUserRecord[],
  rotationId: string,
): RootlyRotationUserRecord[] {
  return rotationUsers
    .filter((entry) => entry.schedule_rotation_id === rotationId)
    .sort((a, b) => a.position - b.position);
}
