import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import type { components } from "../../generated/opsgenie-schema";
import { Collection } from "../../store/collection";
import { generatedUuid } from "../../store/identifiers";
import { OpsgenieAccessStore } from "./opsgenie-access";
import { documentedUsers } from "./opsgenie-docs-users";

type Schemas = components["schemas"];

/** A kind of notification rule a user keeps ("all" only names every kind in a copy request). */
export type OpsgenieRuleType = Exclude<Schemas["NotificationRuleType"], "all">;

export type OpsgenieContact = Required<Schemas["Contact"]>;

// The User API never answers notification rules, so the spec has no schema for them: store-only.
export interface OpsgenieNotificationRule {
  type: OpsgenieRuleType;
  name: string;
}

/** A user as stored: every attribute of the spec's User (get and list answers), plus its rules. */
export type OpsgenieUserRecord = Required<Omit<Schemas["User"], "contacts">> & {
  contacts: OpsgenieContact[];
  notificationRules: OpsgenieNotificationRule[];
};

export function newOpsgenieUser(
  fields: Pick<OpsgenieUserRecord, "id" | "username" | "fullname" | "role"> &
    Partial<OpsgenieUserRecord>,
): OpsgenieUserRecord {
  return {
    timezone: "America/New_York",
    locale: "en_US",
    createdAt: Date.now(),
    skypeUsername: "",
    state: "active",
    blocked: false,
    verified: false,
    escalations: [],
    schedules: [],
    groups: [],
    contacts: [],
    notificationRules: [{ type: "New Alert", name: "New Alert (default)" }],
    ...fields,
  };
}

// The users of OpsGenie's User API document (read from the spec's examples). The owner has verified
// their address and keeps two notification rules for the copy tests to work with.
function docsUsers(): OpsgenieUserRecord[] {
  const { owner, listed } = documentedUsers();
  const rules: OpsgenieNotificationRule[] = [
    { type: "New Alert", name: "Page me for new alerts" },
    { type: "Closed Alert", name: "Tell me when it closes" },
  ];
  return [
    newOpsgenieUser({ ...owner, verified: true, notificationRules: rules }),
    ...listed.map((user) => newOpsgenieUser(user)),
  ];
}

function demoUsers(): OpsgenieUserRecord[] {
  const users: OpsgenieUserRecord[] = [];
  demoOrganisation.people.forEach((person, index) => {
    const account = person.opsgenie;
    if (!account) return;
    users.push(
      newOpsgenieUser({
        id: generatedUuid(0xde30, index),
        username: account.username,
        fullname: `${person.firstName} ${person.lastName}`,
        role: account.role,
        timezone: account.timezone,
        locale: account.locale,
        createdAt: Date.UTC(2024, 0, 1 + index, 9),
        verified: true,
        groups: ["harbourline-oncall"],
      }),
    );
  });
  return users;
}

/** A cheap, deterministic user number `index` of a generated dataset. */
function generatedUser(index: number): OpsgenieUserRecord {
  const number = String(index + 1).padStart(6, "0");
  return newOpsgenieUser({
    id: generatedUuid(0x0b5e, index),
    username: `user${number}@generated.example`,
    fullname: `Generated User ${number}`,
    role: "User",
    timezone: "UTC",
    locale: "en_US",
    createdAt: Date.UTC(2023, 0, 1) + index * 1000,
  });
}

function* seedUsers(seed: SeedChoice, generated: number): Iterable<OpsgenieUserRecord> {
  if (includesDocs(seed)) yield* docsUsers();
  if (includesDemo(seed)) yield* demoUsers();
  for (let index = 0; index < generated; index++) yield generatedUser(index);
}

/**
 * The OpsGenie account: its users (with their notification rules), and the v2 access records
 * (custom roles, teams, schedules, escalations) naming them by id.
 */
export class OpsgenieStore {
  readonly users: Collection<OpsgenieUserRecord>;
  readonly access: OpsgenieAccessStore;

  constructor(seed: SeedChoice, generatedUsers = 0) {
    this.users = new Collection(
      (user) => user.id,
      () => seedUsers(seed, generatedUsers),
    );
    this.access = new OpsgenieAccessStore(seed);
  }

  /** The user with this username, matched case-insensitively as OpsGenie does. */
  userByUsername(username: string): OpsgenieUserRecord | undefined {
    const wanted = username.toLowerCase();
    return this.users.find((user) => user.username.toLowerCase() === wanted);
  }

  reset(): void {
    this.users.reset();
    this.access.reset();
  }
}
