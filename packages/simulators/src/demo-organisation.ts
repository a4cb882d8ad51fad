/**
 * Harbourline, a made-up organisation seeded across the four simulators beside the vendor
 * documents' own examples. Its mess is deliberate: it is what a cross-vendor people directory
 * has to cope with. Every address is on reserved `.example` domains.
 */
import type { components as OpsgenieComponents } from "./generated/opsgenie-schema";
import type { components as UptrendsComponents } from "./generated/uptrends-schema";

export interface DemoEagleAccount {
  email: string;
  /** Administrators are in the owner's `administrators`; members only in groups. */
  role: "administrator" | "member";
  groups: string[];
}

export interface DemoRootlyAccount {
  email: string;
  /** An IANA id or a Rails-style name, as Rootly stores either. */
  timeZone: string;
  /** The account role's slug (Rootly's built-in roles); "user" when not given. */
  role?: "owner" | "admin" | "user" | "observer" | "no_access";
  /** The On-Call role's slug; "user" when not given. */
  onCallRole?: "admin" | "user" | "observer" | "no_access";
  /** The teams they are in, by name, and whether they are an admin of it. */
  teams?: Readonly<Record<string, "admin" | "member">>;
  /**
   * Their places in on-call rotations: schedule name → rotation name → position (from 1). The
   * first of each rotation is on call now.
   */
  rotations?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Escalation policies whose levels page them directly: policy name → level. */
  escalations?: Readonly<Record<string, number>>;
}

export interface DemoOpsgenieAccount {
  username: string;
  /** A built-in role, or the name of one of {@link demoOpsgenieAccess}'s custom roles. */
  role: OpsgenieComponents["schemas"]["Role"];
  locale: string;
  timezone: string;
  /** The OpsGenie teams they are in, by name, and their role in each. */
  teams?: Readonly<Record<string, "admin" | "user">>;
}

/** OpsGenie's account-wide access records: custom roles, schedules and escalations. */
export interface DemoOpsgenieAccess {
  customRoles: readonly { name: string; extendedRole: "user" | "observer" | "stakeholder" }[];
  /** Each schedule has one rotation; its participants are person keys in turn order. */
  schedules: readonly { name: string; team: string; rotation: string; participants: string[] }[];
  /** Each rule's recipient is a schedule (by name) or a person (by key). */
  escalations: readonly {
    name: string;
    team: string;
    recipients: readonly ({ schedule: string } | { person: string })[];
  }[];
}

export interface DemoUptrendsAccount {
  email: string;
  backupEmail: string;
  /** A TimezoneId served by the simulator's /Timezone endpoint, or null for the account's. */
  timeZoneId: number | null;
  /** Operator groups they are in besides Everyone ("Administrators" makes them administrators). */
  groups?: readonly string[];
  /** Authorizations besides AccountAccess (everyone's) and AccountAdministrator (administrators'). */
  authorizations?: readonly UptrendsComponents["schemas"]["OperatorAuthorizationType"][];
}

export interface DemoPerson {
  /** Stable key for tests, e.g. "ava-chen". */
  key: string;
  firstName: string;
  lastName: string;
  /** The address HR knows them by. */
  workEmail: string;
  status: "employed" | "departed";
  /** What this person demonstrates, if anything special. */
  quirk?: string;
  eagle?: DemoEagleAccount;
  rootly?: DemoRootlyAccount;
  opsgenie?: DemoOpsgenieAccount;
  uptrends?: DemoUptrendsAccount;
}

export interface DemoOrganisation {
  name: string;
  domain: string;
  people: readonly DemoPerson[];
}

const D = "harbourline.example";

function person(
  key: string,
  firstName: string,
  lastName: string,
  accounts: Omit<DemoPerson, "key" | "firstName" | "lastName" | "workEmail" | "status"> & {
    status?: DemoPerson["status"];
  },
): DemoPerson {
  const { status = "employed", ...rest } = accounts;
  return { key, firstName, lastName, workEmail: `${key.replace("-", ".")}@${D}`, status, ...rest };
}

const people: DemoPerson[] = [
  person("ava-chen", "Ava", "Chen", {
    quirk: "in all four vendors; administrator in eagle.io, Owner in OpsGenie",
    eagle: { email: `ava.chen@${D}`, role: "administrator", groups: ["Field Operations"] },
    rootly: {
      email: `ava.chen@${D}`,
      timeZone: "Australia/Sydney",
      role: "owner",
      onCallRole: "admin",
    },
    opsgenie: {
      username: `ava.chen@${D}`,
      role: "Owner",
      locale: "en_US",
      timezone: "Australia/Sydney",
    },
    uptrends: {
      email: `ava.chen@${D}`,
      backupEmail: "",
      timeZoneId: 70,
      groups: ["Administrators"],
    },
  }),
  person("ben-okafor", "Ben", "Okafor", {
    quirk:
      "in all four vendors; Admin in OpsGenie but a plain group member in eagle.io; Rails time zone in Rootly",
    eagle: {
      email: `ben.okafor@${D}`,
      role: "member",
      groups: ["Field Operations", "Data Platform"],
    },
    rootly: {
      email: `ben.okafor@${D}`,
      timeZone: "Eastern Time (US & Canada)",
      role: "admin",
      onCallRole: "admin",
      teams: { Platform: "admin", "Field Response": "member" },
      rotations: { "Platform On-Call": { Weekdays: 2 } },
      escalations: { "Platform Escalation": 2 },
    },
    opsgenie: {
      username: `ben.okafor@${D}`,
      role: "Admin",
      locale: "en_US",
      timezone: "America/New_York",
    },
    uptrends: { email: `ben.okafor@${D}`, backupEmail: "", timeZoneId: 40 },
  }),
  person("priya-nair", "Priya", "Nair", {
    quirk: "same address in different case in OpsGenie and Rootly",
    rootly: {
      email: `priya.nair@${D}`,
      timeZone: "London",
      teams: { Platform: "member" },
      rotations: { "Platform On-Call": { Weekdays: 3, Weekends: 1 } },
    },
    opsgenie: {
      username: `Priya.Nair@${D}`,
      role: "User",
      teams: { SRE: "user" },
      locale: "en_GB",
      timezone: "Europe/London",
    },
  }),
  person("tomas-ruiz", "Tomás", "Ruiz", {
    quirk: "found in Uptrends only through BackupEmail (primary Email is a personal address)",
    opsgenie: {
      username: `tomas.ruiz@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "Europe/Madrid",
    },
    uptrends: {
      email: "tomas.ruiz.home@mailbox.example",
      backupEmail: `tomas.ruiz@${D}`,
      timeZoneId: 20,
    },
  }),
  person("gary-holt", "Gary", "Holt", {
    status: "departed",
    quirk: "left the company but still present in eagle.io and OpsGenie",
    eagle: { email: `gary.holt@${D}`, role: "member", groups: ["Field Operations"] },
    opsgenie: {
      username: `gary.holt@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "America/Chicago",
    },
  }),
  person("dana-whitfield", "Dana", "Whitfield", {
    quirk: "administrator in eagle.io, plain User in OpsGenie",
    eagle: { email: `dana.whitfield@${D}`, role: "administrator", groups: [] },
    opsgenie: {
      username: `dana.whitfield@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "America/Chicago",
    },
    uptrends: {
      email: `dana.whitfield@${D}`,
      backupEmail: "",
      timeZoneId: 56,
      authorizations: ["FinancialOperator"],
    },
  }),
  person("marcus-lee", "Marcus", "Lee", {
    quirk: "Rails time zone in Rootly, numeric TimeZoneId in Uptrends",
    rootly: {
      email: `marcus.lee@${D}`,
      timeZone: "Pacific Time (US & Canada)",
      role: "observer",
      onCallRole: "observer",
    },
    opsgenie: {
      username: `marcus.lee@${D}`,
      role: "Incident Lead",
      locale: "en_US",
      timezone: "America/Los_Angeles",
    },
    uptrends: {
      email: `marcus.lee@${D}`,
      backupEmail: "",
      timeZoneId: 30,
      groups: ["Network Operations"],
    },
  }),
  person("sofia-rossi", "Sofia", "Rossi", {
    eagle: { email: `sofia.rossi@${D}`, role: "member", groups: ["Data Platform"] },
    rootly: { email: `sofia.rossi@${D}`, timeZone: "Europe/Rome" },
    opsgenie: {
      username: `sofia.rossi@${D}`,
      role: "User",
      locale: "it_IT",
      timezone: "Europe/Rome",
    },
  }),
  person("liam-murphy", "Liam", "Murphy", {
    rootly: { email: `liam.murphy@${D}`, timeZone: "Dublin" },
    opsgenie: {
      username: `liam.murphy@${D}`,
      role: "User",
      locale: "en_GB",
      timezone: "Europe/Dublin",
      teams: { Warehouse: "user" },
    },
    uptrends: { email: `liam.murphy@${D}`, backupEmail: "liam.m@mailbox.example", timeZoneId: 20 },
  }),
  person("hana-sato", "Hana", "Sato", {
    eagle: { email: `hana.sato@${D}`, role: "member", groups: ["Data Platform"] },
    rootly: {
      email: `hana.sato@${D}`,
      timeZone: "Asia/Tokyo",
      teams: { "Field Response": "member" },
    },
  }),
  person("noah-fischer", "Noah", "Fischer", {
    rootly: { email: `noah.fischer@${D}`, timeZone: "Berlin" },
    opsgenie: {
      username: `noah.fischer@${D}`,
      role: "Admin",
      locale: "de_DE",
      timezone: "Europe/Berlin",
      teams: { SRE: "admin" },
    },
    uptrends: { email: `noah.fischer@${D}`, backupEmail: "", timeZoneId: 3 },
  }),
  person("olivia-brown", "Olivia", "Brown", {
    eagle: { email: `olivia.brown@${D}`, role: "member", groups: ["Field Operations"] },
    uptrends: { email: `olivia.brown@${D}`, backupEmail: "", timeZoneId: 70 },
  }),
  person("ethan-walker", "Ethan", "Walker", {
    rootly: { email: `ethan.walker@${D}`, timeZone: "Central Time (US & Canada)" },
    opsgenie: {
      username: `ethan.walker@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "America/Chicago",
    },
  }),
  person("mia-johansson", "Mia", "Johansson", {
    eagle: { email: `mia.johansson@${D}`, role: "member", groups: ["Data Platform"] },
    opsgenie: {
      username: `mia.johansson@${D}`,
      role: "User",
      locale: "sv_SE",
      timezone: "Europe/Stockholm",
    },
  }),
  person("lucas-martin", "Lucas", "Martin", {
    rootly: { email: `lucas.martin@${D}`, timeZone: "Europe/Paris" },
    uptrends: { email: `lucas.martin@${D}`, backupEmail: "", timeZoneId: 3 },
  }),
  person("zara-ahmed", "Zara", "Ahmed", {
    rootly: { email: `zara.ahmed@${D}`, timeZone: "UTC" },
    opsgenie: {
      username: `zara.ahmed@${D}`,
      role: "User",
      locale: "en_GB",
      timezone: "Europe/London",
      teams: { SRE: "user" },
    },
    uptrends: { email: `zara.ahmed@${D}`, backupEmail: "", timeZoneId: null },
  }),
  person("jack-taylor", "Jack", "Taylor", {
    eagle: { email: `jack.taylor@${D}`, role: "member", groups: ["Field Operations"] },
    rootly: { email: `jack.taylor@${D}`, timeZone: "Sydney" },
    opsgenie: {
      username: `jack.taylor@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "Australia/Sydney",
      teams: { Warehouse: "admin" },
    },
  }),
  person("chloe-dubois", "Chloé", "Dubois", {
    quirk:
      "departed; still an Uptrends operator and a Rootly user, and the only admin of a Rootly team",
    status: "departed",
    rootly: { email: `chloe.dubois@${D}`, timeZone: "Paris", teams: { "Field Response": "admin" } },
    uptrends: { email: `chloe.dubois@${D}`, backupEmail: "", timeZoneId: 3 },
  }),
  person("omar-haddad", "Omar", "Haddad", {
    opsgenie: {
      username: `omar.haddad@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "Asia/Dubai",
    },
    uptrends: {
      email: `omar.haddad@${D}`,
      backupEmail: "",
      timeZoneId: 56,
      groups: ["Administrators", "Network Operations"],
      authorizations: ["TechnicalContact"],
    },
  }),
  person("grace-kim", "Grace", "Kim", {
    eagle: { email: `grace.kim@${D}`, role: "administrator", groups: ["Data Platform"] },
    rootly: {
      email: `grace.kim@${D}`,
      timeZone: "Asia/Seoul",
      role: "admin",
      teams: { Platform: "admin" },
      rotations: { "Platform On-Call": { Weekdays: 1 } },
    },
    opsgenie: {
      username: `grace.kim@${D}`,
      role: "Admin",
      locale: "ko_KR",
      timezone: "Asia/Seoul",
    },
  }),
  person("henry-novak", "Henry", "Novak", {
    rootly: {
      email: `henry.novak@${D}`,
      timeZone: "Prague",
      rotations: { "Platform On-Call": { Weekends: 2 } },
    },
    opsgenie: {
      username: `henry.novak@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "Europe/Prague",
    },
  }),
  person("isla-mackenzie", "Isla", "MacKenzie", {
    quirk: "mixed-case address in Uptrends, lower case in eagle.io",
    eagle: { email: `isla.mackenzie@${D}`, role: "member", groups: ["Field Operations"] },
    uptrends: { email: `Isla.MacKenzie@${D}`, backupEmail: "", timeZoneId: 20 },
  }),
  person("ravi-patel", "Ravi", "Patel", {
    rootly: { email: `ravi.patel@${D}`, timeZone: "Asia/Kolkata" },
    opsgenie: {
      username: `ravi.patel@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "Asia/Kolkata",
    },
    uptrends: { email: `ravi.patel@${D}`, backupEmail: "", timeZoneId: 56 },
  }),
  person("elena-petrova", "Elena", "Petrova", {
    quirk: "only in OpsGenie",
    opsgenie: {
      username: `elena.petrova@${D}`,
      role: "User",
      locale: "en_US",
      timezone: "Europe/Sofia",
    },
  }),
  person("sam-oconnor", "Sam", "O'Connor", {
    quirk: "only in eagle.io",
    eagle: { email: `sam.oconnor@${D}`, role: "member", groups: ["Data Platform"] },
  }),
];

/**
 * OpsGenie's access beyond each person's teams: Noah (SRE's admin) is on call now as the first of
 * the SRE rotation, Priya and Zara take later turns; the escalation names the schedule and Liam.
 * Marcus holds the custom role.
 */
export const demoOpsgenieAccess: DemoOpsgenieAccess = /* @__PURE__ */ deepFreeze({
  customRoles: [{ name: "Incident Lead", extendedRole: "user" }],
  schedules: [
    {
      name: "SRE On Call",
      team: "SRE",
      rotation: "Weekly",
      participants: ["noah-fischer", "priya-nair", "zara-ahmed"],
    },
  ],
  escalations: [
    {
      name: "SRE Escalation",
      team: "SRE",
      recipients: [{ schedule: "SRE On Call" }, { person: "liam-murphy" }],
    },
  ],
});

/** The demo roster: who exists, and in which vendor under which address and settings. */
export const demoOrganisation: DemoOrganisation = deepFreeze({
  name: "Harbourline",
  domain: D,
  people,
});

/**
 * Rootly escalation policies' levels that page a schedule: policy name → schedule name → level.
 * The users a level pages directly are in the roster (`rootly.escalations`).
 */
export const demoRootlyEscalationSchedules: Readonly<
  Record<string, Readonly<Record<string, number>>>
> = deepFreeze({ "Platform Escalation": { "Platform On-Call": 1 } });

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/** How a simulator is seeded: the vendor documents' examples, the demo organisation, or both. */
export type SeedChoice = "docs" | "demo" | "both";

export function includesDocs(seed: SeedChoice): boolean {
  return seed !== "demo";
}

export function includesDemo(seed: SeedChoice): boolean {
  return seed !== "docs";
}
