import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import type { components } from "../../generated/rootly-schema";
import { responseExample } from "../../spec/spec-examples";
import { Collection } from "../../store/collection";
import { generatedUuid } from "../../store/identifiers";
import {
  docsIncidentAttributes,
  docsIncidentId,
  docsIncidentRelationships,
} from "./rootly-docs-incident";
import { documentedUsers } from "./rootly-docs-users";
import {
  demoEscalations,
  demoRotations,
  type RootlyEscalationLevelRecord,
  type RootlyEscalationPolicyRecord,
  type RootlyRotationRecord,
  type RootlyRotationUserRecord,
  type RootlyScheduleRecord,
} from "./rootly-on-call";

type Schemas = components["schemas"];
type UserAttributes = Schemas["UserAttributes"];

// Rootly's stores keep flat attributes and the ids of related resources; the simulator renders
// them as JSON:API documents. The attributes come from the spec; the links are store-only.

/** A user: the spec's UserAttributes the store keeps (names are rendered from them), and links. */
export type RootlyUserRecord = Pick<Schemas["User"], "id"> &
  Required<
    Pick<
      UserAttributes,
      | "email"
      | "first_name"
      | "last_name"
      | "phone"
      | "phone_2"
      | "slack_id"
      | "created_at"
      | "updated_at"
    >
  > & {
    /** An IANA id or a Rails-style name ("Eastern Time (US & Canada)"). */
    time_zone: NonNullable<UserAttributes["time_zone"]>;
    /** Team shown in `full_name_with_team`, if any. */
    team: string | null;
    /** The id of the user's (single) email address resource. */
    email_address_id: string;
    /** The user's account (Incident Response) role, or null. */
    role_id: string | null;
    /** The user's On-Call role, or null. */
    on_call_role_id: string | null;
  };

/** An account role or an On-Call role: the attributes the simulator keeps of either. */
export type RootlyAccountRoleRecord = Pick<Schemas["Role"], "id"> &
  Pick<Schemas["RoleAttributes"], "name" | "created_at" | "updated_at"> &
  Required<Pick<Schemas["RoleAttributes"], "slug">> &
  /** On-Call roles: which built-in role this is (admin, user, observer, no_access, custom). */
  Pick<Schemas["OnCallRoleAttributes"], "system_role">;

/** A team ("groups"): the spec's attributes, with its members' and admins' user ids. */
export type RootlyTeamRecord = Pick<Schemas["Team"], "id"> & Schemas["TeamAttributes"];

export type RootlyIncidentRoleRecord = Pick<Schemas["IncidentRole"], "id"> &
  Required<Schemas["IncidentRoleAttributes"]>;

/** Which user holds which incident role: the answers embed both, the store links them by id. */
export interface RootlyRoleAssignment {
  id: string;
  incident_role_id: string;
  user_id: string;
}

export interface RootlyIncidentRecord {
  id: string;
  slug: string;
  /** Attributes as Rootly returns them, apart from the embedded users. */
  attributes: Omit<Schemas["IncidentAttributes"], "user" | "started_by">;
  /** Who created / started it (rendered as embedded users). */
  user_id: string | null;
  started_by_id: string | null;
  /** Relationships as Rootly returns them, apart from the roles (rendered from role_assignments). */
  relationships: Omit<Schemas["IncidentRelationships"], "roles">;
  role_assignments: RootlyRoleAssignment[];
}

// Rootly's built-in roles, each created for every organisation: account (Incident Response)
// roles Owner, Admin, User, Observer and No Access; On-Call roles Admin, User, Observer and No
// Access. The two Admin ids are those of the spec's listUsers `withRoles` example.
const SYSTEM_ROLE_TIME = "2025-03-20T17:51:58.120-07:00";
const ROLE_SLUGS = ["owner", "admin", "user", "observer", "no_access"] as const;
const ON_CALL_ROLE_SLUGS = ["admin", "user", "observer", "no_access"] as const;
export type RootlyRoleSlug = (typeof ROLE_SLUGS)[number];
export type RootlyOnCallRoleSlug = (typeof ON_CALL_ROLE_SLUGS)[number];
const ROLE_NAMES: Record<RootlyRoleSlug, string> = {
  owner: "Owner",
  admin: "Admin",
  user: "User",
  observer: "Observer",
  no_access: "No Access",
};
const ADMIN_ROLE_ID = "0b7c2f4e-5a61-4c0d-9e3b-2f8a1d6c4b70";
const ADMIN_ON_CALL_ROLE_ID = "5d2e8a90-3c4b-4f6e-a1d7-9b0c8e2f3a64";

/** The id of the built-in account role with `slug`. */
export function roleId(slug: RootlyRoleSlug): string {
  return slug === "admin" ? ADMIN_ROLE_ID : generatedUuid(0x3001, ROLE_SLUGS.indexOf(slug));
}

/** The id of the built-in On-Call role with `slug`. */
export function onCallRoleId(slug: RootlyOnCallRoleSlug): string {
  return slug === "admin"
    ? ADMIN_ON_CALL_ROLE_ID
    : generatedUuid(0x3002, ON_CALL_ROLE_SLUGS.indexOf(slug));
}

function systemRole(id: string, slug: string): RootlyAccountRoleRecord {
  const name = ROLE_NAMES[slug as RootlyRoleSlug];
  return { id, name, slug, created_at: SYSTEM_ROLE_TIME, updated_at: SYSTEM_ROLE_TIME };
}

function seedAccountRoles(): RootlyAccountRoleRecord[] {
  return ROLE_SLUGS.map((slug) => systemRole(roleId(slug), slug));
}

function seedOnCallRoles(): RootlyAccountRoleRecord[] {
  return ON_CALL_ROLE_SLUGS.map((slug) => ({
    ...systemRole(onCallRoleId(slug), slug),
    system_role: slug,
  }));
}

// The users of the spec's listUsers example: 317 holds the Admin roles of its `withRoles`
// example, 315 is a plain User.
function docsUsers(): RootlyUserRecord[] {
  return documentedUsers().map((user) => {
    const admin = user.id === "317";
    return {
      ...user,
      role_id: admin ? ADMIN_ROLE_ID : roleId("user"),
      on_call_role_id: admin ? ADMIN_ON_CALL_ROLE_ID : onCallRoleId("user"),
    };
  });
}

const ROLE_TIME = "2025-03-20T17:52:10.802-07:00";

function seedRoles(): RootlyIncidentRoleRecord[] {
  const role = (
    fields: Partial<RootlyIncidentRoleRecord> &
      Pick<RootlyIncidentRoleRecord, "id" | "slug" | "name" | "position">,
  ) => ({
    summary: null,
    description: null,
    optional: false,
    enabled: true,
    allow_multi_user_assignment: false,
    created_at: ROLE_TIME,
    updated_at: ROLE_TIME,
    ...fields,
  });
  return [
    role({
      id: "f8e941d9-1172-4544-afdc-b40f4eb20c77",
      slug: "error-accusantium-eligendi-esse",
      name: "Error accusantium eligendi esse.",
      position: 1,
    }),
    role({
      id: "2c1f3b0e-6a47-4a8e-9d5f-1b2c3d4e5f60",
      slug: "commander",
      name: "Commander",
      position: 2,
      description: "Owns the incident until it is resolved and delegates the work.",
    }),
    role({
      id: "7d0c9a4e-3b1f-4c2d-8e5a-6f7b8c9d0e1f",
      slug: "scribe",
      name: "Scribe",
      position: 3,
      optional: true,
      allow_multi_user_assignment: true,
    }),
  ];
}

const DEMO_USER_BASE = 1001;

function demoUsers(): RootlyUserRecord[] {
  const users: RootlyUserRecord[] = [];
  demoOrganisation.people.forEach((person, index) => {
    const account = person.rootly;
    if (!account) return;
    const created = new Date(Date.UTC(2024, 2, 1 + index, 10)).toISOString();
    users.push({
      id: String(DEMO_USER_BASE + index),
      email: account.email,
      first_name: person.firstName,
      last_name: person.lastName,
      phone: null,
      phone_2: null,
      slack_id: null,
      team: "Harbourline SRE",
      time_zone: account.timeZone,
      created_at: created,
      updated_at: created,
      email_address_id: generatedUuid(0x2001, index),
      role_id: roleId(account.role ?? "user"),
      on_call_role_id: onCallRoleId(account.onCallRole ?? "user"),
    });
  });
  return users;
}

/** The spec's `oneTeam` example. */
function docsTeams(): RootlyTeamRecord[] {
  const example = responseExample(
    "rootly",
    "GET /v1/teams",
    "200",
    "oneTeam",
  ) as Schemas["TeamList"];
  return example.data.map(({ id, attributes }) => ({ id, ...attributes }));
}

/**
 * A user Rootly no longer lists whose id the demo's first team still holds (as when a user is
 * removed outside the API and a team keeps the id): the demo's orphaned grant, which no person
 * in the directory claims.
 */
export const DEMO_FORMER_USER_ID = 1999;

/** The demo's teams, in the order the roster first names them. */
function demoTeams(): RootlyTeamRecord[] {
  const teams = new Map<string, RootlyTeamRecord>();
  demoOrganisation.people.forEach((person, index) => {
    for (const [name, role] of Object.entries(person.rootly?.teams ?? {})) {
      let team = teams.get(name);
      if (team === undefined) {
        team = {
          id: generatedUuid(0x2003, teams.size),
          name,
          slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
          description: null,
          color: null,
          position: teams.size + 1,
          user_ids: [],
          admin_ids: [],
          created_at: "2024-03-01T10:00:00.000Z",
          updated_at: "2024-03-01T10:00:00.000Z",
        };
        teams.set(name, team);
      }
      team.user_ids!.push(DEMO_USER_BASE + index);
      if (role === "admin") team.admin_ids!.push(DEMO_USER_BASE + index);
    }
  });
  const [first] = teams.values();
  first?.user_ids!.push(DEMO_FORMER_USER_ID);
  return [...teams.values()];
}

function demoIncident(): RootlyIncidentRecord {
  const commanderIndex = demoOrganisation.people.findIndex((person) => person.key === "ava-chen");
  const commander = String(DEMO_USER_BASE + commanderIndex);
  return {
    id: "5b6f8f4e-2c1d-4a3b-9e8f-7a6b5c4d3e2f",
    slug: "crane-telemetry-gap",
    user_id: commander,
    started_by_id: commander,
    attributes: {
      sequential_id: 2,
      title: "Crane telemetry gap at the north terminal",
      slug: "crane-telemetry-gap",
      kind: "normal",
      private: false,
      summary: "Telemetry from three cranes stopped arriving for 40 minutes.",
      status: "resolved",
      source: "api",
      url: "https://rootly.com/account/incidents/2-crane-telemetry-gap",
      short_url: null,
      started_at: "2025-06-02T08:10:00.000Z",
      resolved_at: "2025-06-02T08:52:00.000Z",
      created_at: "2025-06-02T08:10:00.000Z",
      updated_at: "2025-06-02T08:52:00.000Z",
      labels: {},
    },
    relationships: {},
    role_assignments: [
      {
        id: "3e1a5b7c-9d2f-4e6a-8b0c-1d2e3f4a5b6c",
        incident_role_id: "2c1f3b0e-6a47-4a8e-9d5f-1b2c3d4e5f60",
        user_id: commander,
      },
    ],
  };
}

function docsIncident(): RootlyIncidentRecord {
  return {
    id: docsIncidentId,
    slug: String(docsIncidentAttributes.slug),
    attributes: structuredClone(docsIncidentAttributes),
    user_id: "317",
    started_by_id: "317",
    relationships: structuredClone(docsIncidentRelationships),
    role_assignments: [
      {
        id: "87522fe6-f3b2-4c81-810f-89e43999758b",
        incident_role_id: "f8e941d9-1172-4544-afdc-b40f4eb20c77",
        user_id: "315",
      },
    ],
  };
}

function generatedUser(index: number): RootlyUserRecord {
  const number = String(index + 1).padStart(6, "0");
  return {
    id: String(1_000_000 + index),
    email: `user${number}@generated.example`,
    first_name: "Generated",
    last_name: `User ${number}`,
    phone: null,
    phone_2: null,
    slack_id: null,
    team: null,
    time_zone: "UTC",
    created_at: "2024-01-01T00:00:00.000Z",
    updated_at: "2024-01-01T00:00:00.000Z",
    email_address_id: generatedUuid(0x2002, index),
    role_id: roleId("user"),
    on_call_role_id: onCallRoleId("user"),
  };
}

/**
 * The Rootly organisation: users with their account and On-Call roles, teams with their members
 * and admins, schedules with their rotations and the users in each, escalation policies with
 * their levels, incident roles, and incidents with their role assignments.
 */
export class RootlyStore {
  readonly users: Collection<RootlyUserRecord>;
  /** Account (Incident Response) roles, Rootly's "roles". */
  readonly roles: Collection<RootlyAccountRoleRecord>;
  readonly onCallRoles: Collection<RootlyAccountRoleRecord>;
  readonly incidentRoles: Collection<RootlyIncidentRoleRecord>;
  readonly teams: Collection<RootlyTeamRecord>;
  readonly schedules: Collection<RootlyScheduleRecord>;
  readonly rotations: Collection<RootlyRotationRecord>;
  /** Each user's place in a rotation; deleting a user keeps them (see the spec's notes). */
  readonly rotationUsers: Collection<RootlyRotationUserRecord>;
  readonly escalationPolicies: Collection<RootlyEscalationPolicyRecord>;
  readonly escalationLevels: Collection<RootlyEscalationLevelRecord>;
  readonly incidents: Collection<RootlyIncidentRecord>;
  readonly #seed: SeedChoice;
  /** The user the API token belongs to (GET /v1/users/me). */
  currentUserId!: string;

  constructor(seed: SeedChoice, generatedUsers = 0) {
    this.#seed = seed;
    this.users = new Collection(
      (user) => user.id,
      function* () {
        if (includesDocs(seed)) yield* docsUsers();
        if (includesDemo(seed)) yield* demoUsers();
        for (let index = 0; index < generatedUsers; index++) yield generatedUser(index);
      },
    );
    this.roles = new Collection((role) => role.id, seedAccountRoles);
    this.onCallRoles = new Collection((role) => role.id, seedOnCallRoles);
    this.incidentRoles = new Collection((role) => role.id, seedRoles);
    this.teams = new Collection(
      (team) => team.id,
      function* () {
        if (includesDocs(seed)) yield* docsTeams();
        if (includesDemo(seed)) yield* demoTeams();
      },
    );
    // The docs seed has none: Rootly's documents show no schedules or escalation policies.
    const rotations = () => (includesDemo(seed) ? demoRotations(DEMO_USER_BASE) : undefined);
    const escalations = () => {
      const seeded = rotations();
      return seeded && demoEscalations(DEMO_USER_BASE, seeded.schedules);
    };
    this.schedules = new Collection(
      (record) => record.id,
      () => rotations()?.schedules ?? [],
    );
    this.rotations = new Collection(
      (record) => record.id,
      () => rotations()?.rotations ?? [],
    );
    this.rotationUsers = new Collection(
      (record) => record.id,
      () => rotations()?.rotationUsers ?? [],
    );
    this.escalationPolicies = new Collection(
      (record) => record.id,
      () => escalations()?.policies ?? [],
    );
    this.escalationLevels = new Collection(
      (record) => record.id,
      () => escalations()?.levels ?? [],
    );
    this.incidents = new Collection(
      (incident) => incident.id,
      function* () {
        if (includesDocs(seed)) yield docsIncident();
        if (includesDemo(seed)) yield demoIncident();
      },
    );
    this.reset();
  }

  /** An incident by UUID or slug, as Rootly's `{id}` accepts either. */
  incident(idOrSlug: string): RootlyIncidentRecord | undefined {
    return (
      this.incidents.get(idOrSlug) ?? this.incidents.find((incident) => incident.slug === idOrSlug)
    );
  }

  /** Takes a deleted user off every team, so no team lists an id that names nobody. */
  dropFromTeams(userId: number): void {
    for (const team of this.teams.list()) {
      const { user_ids: members, admin_ids: admins } = team;
      if (!members?.includes(userId) && !admins?.includes(userId)) continue;
      this.teams.update(team.id, {
        user_ids: members?.filter((id) => id !== userId) ?? null,
        admin_ids: admins?.filter((id) => id !== userId) ?? null,
      });
    }
  }

  reset(): void {
    this.users.reset();
    this.roles.reset();
    this.onCallRoles.reset();
    this.incidentRoles.reset();
    this.teams.reset();
    this.schedules.reset();
    this.rotations.reset();
    this.rotationUsers.reset();
    this.escalationPolicies.reset();
    this.escalationLevels.reset();
    this.incidents.reset();
    this.currentUserId = includesDocs(this.#seed) ? "317" : String(DEMO_USER_BASE);
  }
}
