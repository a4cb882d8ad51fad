// OpsGenie's v2 access records — custom roles, teams, schedules and escalations — kept beside the
// users of the v1 store. They name users by id only, so v1 and v2 always agree on who a user is.
import {
  demoOpsgenieAccess,
  demoOrganisation,
  includesDemo,
  type SeedChoice,
} from "../../demo-organisation";
import type { components } from "../../generated/opsgenie-schema";
import { Collection } from "../../store/collection";
import { generatedUuid } from "../../store/identifiers";

type Schemas = components["schemas"];

export type OpsgenieCustomRoleRecord = Required<
  Pick<Schemas["CustomUserRole"], "id" | "name" | "extendedRole" | "grantedRights">
> &
  Pick<Schemas["CustomUserRole"], "disallowedRights">;

export interface OpsgenieTeamRecord {
  id: string;
  name: string;
  description: string;
  /** Members by user id, with their team role. */
  members: { userId: string; role: string }[];
}

/** A rotation participant as stored: a user by id, or another kind of recipient as given. */
export type OpsgenieParticipant = { type: "user"; userId: string } | Schemas["Recipient"];

export interface OpsgenieRotationRecord {
  id: string;
  name: string;
  startDate: string;
  type: "daily" | "weekly" | "hourly";
  length: number;
  participants: OpsgenieParticipant[];
}

export interface OpsgenieScheduleRecord {
  id: string;
  name: string;
  description: string;
  timezone: string;
  enabled: boolean;
  ownerTeamId: string | null;
  rotations: OpsgenieRotationRecord[];
}

export interface OpsgenieEscalationRecord {
  id: string;
  name: string;
  description: string;
  ownerTeamId: string | null;
  /** Each rule's recipient: a user by id, a schedule by id. */
  rules: { recipient: OpsgenieParticipant; delayMinutes: number }[];
}

/** The demo user id of a person key (the v1 store numbers demo users by roster index). */
export const demoUserId = (key: string) =>
  generatedUuid(
    0xde30,
    demoOrganisation.people.findIndex((person) => person.key === key),
  );

function demoTeams(): OpsgenieTeamRecord[] {
  const teams = new Map<string, OpsgenieTeamRecord>();
  for (const person of demoOrganisation.people) {
    for (const [name, role] of Object.entries(person.opsgenie?.teams ?? {})) {
      const team = teams.get(name) ?? {
        id: generatedUuid(0x7ea3, teams.size),
        name,
        description: `Harbourline ${name}`,
        members: [],
      };
      team.members.push({ userId: demoUserId(person.key), role });
      teams.set(name, team);
    }
  }
  return [...teams.values()];
}

/** Custom roles, teams, schedules and escalations, seeded from the demo organisation. */
export class OpsgenieAccessStore {
  readonly customRoles: Collection<OpsgenieCustomRoleRecord>;
  readonly teams: Collection<OpsgenieTeamRecord>;
  readonly schedules: Collection<OpsgenieScheduleRecord>;
  readonly escalations: Collection<OpsgenieEscalationRecord>;

  constructor(seed: SeedChoice) {
    const demo = includesDemo(seed);
    const teamId = (name: string) => this.teams.find((team) => team.name === name)?.id ?? null;
    this.customRoles = new Collection<OpsgenieCustomRoleRecord>(
      (role) => role.id,
      () =>
        demo
          ? demoOpsgenieAccess.customRoles.map((role, index) => ({
              id: generatedUuid(0x201e, index),
              ...role,
              grantedRights: ["alert-action"],
            }))
          : [],
    );
    this.teams = new Collection<OpsgenieTeamRecord>(
      (team) => team.id,
      () => (demo ? demoTeams() : []),
    );
    this.schedules = new Collection<OpsgenieScheduleRecord>(
      (schedule) => schedule.id,
      () =>
        demo
          ? demoOpsgenieAccess.schedules.map((schedule, index) => ({
              id: generatedUuid(0x5c4e, index),
              name: schedule.name,
              description: "",
              timezone: "UTC",
              enabled: true,
              ownerTeamId: teamId(schedule.team),
              rotations: [
                {
                  id: generatedUuid(0x4071, index),
                  name: schedule.rotation,
                  startDate: "2024-01-01T09:00:00Z",
                  type: "weekly",
                  length: 1,
                  participants: schedule.participants.map((key) => ({
                    type: "user",
                    userId: demoUserId(key),
                  })),
                },
              ],
            }))
          : [],
    );
    this.escalations = new Collection<OpsgenieEscalationRecord>(
      (escalation) => escalation.id,
      () =>
        demo
          ? demoOpsgenieAccess.escalations.map((escalation, index) => ({
              id: generatedUuid(0xe5ca, index),
              name: escalation.name,
              description: "",
              ownerTeamId: teamId(escalation.team),
              rules: escalation.recipients.map((recipient, rule) => ({
                delayMinutes: rule * 5,
                recipient:
                  "person" in recipient
                    ? { type: "user", userId: demoUserId(recipient.person) }
                    : {
                        type: "schedule",
                        id: this.schedules.find((s) => s.name === recipient.schedule)?.id ?? "",
                      },
              })),
            }))
          : [],
    );
  }

  reset(): void {
    this.customRoles.reset();
    this.teams.reset();
    this.schedules.reset();
    this.escalations.reset();
  }
}
