import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import { Collection } from "../../store/collection";
import { generatedUuid } from "../../store/identifiers";

export type OpsgenieRuleType =
  | "New Alert"
  | "Acknowledged Alert"
  | "Closed Alert"
  | "Schedule Start"
  | "Renotified Alert"
  | "Assigned Alert"
  | "Add Note";

export interface OpsgenieContact {
  id: string;
  method: string;
  to: string;
  enabled: boolean;
  disabledReason: string;
}

export interface OpsgenieNotificationRule {
  type: OpsgenieRuleType;
  name: string;
}

export interface OpsgenieUserRecord {
  id: string;
  username: string;
  fullname: string;
  role: string;
  timezone: string;
  locale: string;
  /** Epoch milliseconds. */
  createdAt: number;
  skypeUsername: string;
  state: string;
  blocked: boolean;
  verified: boolean;
  escalations: string[];
  schedules: string[];
  groups: string[];
  contacts: OpsgenieContact[];
  notificationRules: OpsgenieNotificationRule[];
}

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

// The users of OpsGenie's User API document; its obfuscated addresses replaced by example.com ones.
function docsUsers(): OpsgenieUserRecord[] {
  return [
    newOpsgenieUser({
      id: "ac463592-dbd2-4ca3-a651-48fdf5e5c871",
      username: "john.smith@example.com",
      fullname: "John Smith",
      role: "Owner",
      timezone: "America/New_York",
      locale: "en_US",
      createdAt: 1472023687693,
      state: "active",
      escalations: ["support_esc"],
      skypeUsername: "johnSmith",
      schedules: ["sch_1st"],
      groups: ["network"],
      verified: true,
      contacts: [
        {
          to: "john.smith@example.com",
          method: "email",
          disabledReason: "",
          id: "ce7e52a7-6a0c-4680-a82c-198ddd877756",
          enabled: true,
        },
        {
          to: "1-9999999999",
          method: "sms",
          disabledReason: "",
          id: "932b9f35-fbaa-4784-8c4b-321d8427a2db",
          enabled: true,
        },
        {
          to: "1-9999999999",
          method: "voice",
          disabledReason: "",
          id: "b6552417-62cc-4b28-9ef3-9a50f0c8e82b",
          enabled: false,
        },
        {
          to: "1-8888888888",
          method: "voice",
          disabledReason: "",
          id: "05dd72bd-8457-46ae-b11e-f0ae16fab213",
          enabled: true,
        },
        {
          to: "1-8888888888",
          method: "sms",
          disabledReason: "",
          id: "431905a1-52fc-453e-b8a2-7daef130fd88",
          enabled: false,
        },
      ],
      notificationRules: [
        { type: "New Alert", name: "Page me for new alerts" },
        { type: "Closed Alert", name: "Tell me when it closes" },
      ],
    }),
    newOpsgenieUser({
      id: "1efbae5f-dc44-443e-8476-daf2e0b9165b",
      username: "kaan@example.com",
      fullname: "Kaan",
      role: "User",
      timezone: "Europe/Istanbul",
      locale: "en_US",
      createdAt: 1482243103632,
    }),
    newOpsgenieUser({
      id: "d6b85867-3304-46d5-b196-7cd5d91d4956",
      username: "halit@example.com",
      fullname: "Halit",
      role: "User",
      timezone: "Europe/Istanbul",
      locale: "en_US",
      createdAt: 1482243196741,
    }),
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

/** The OpsGenie account: its users (with their notification rules). */
export class OpsgenieStore {
  readonly users: Collection<OpsgenieUserRecord>;

  constructor(seed: SeedChoice, generatedUsers = 0) {
    this.users = new Collection(
      (user) => user.id,
      () => seedUsers(seed, generatedUsers),
    );
  }

  /** The user with this username, matched case-insensitively as OpsGenie does. */
  userByUsername(username: string): OpsgenieUserRecord | undefined {
    const wanted = username.toLowerCase();
    return this.users.find((user) => user.username.toLowerCase() === wanted);
  }

  reset(): void {
    this.users.reset();
  }
}
