import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import type { components } from "../../generated/uptrends-schema";
import { responseExample } from "../../spec/spec-examples";
import { Collection } from "../../store/collection";
import { generatedUuid } from "../../store/identifiers";
import {
  docsDutySchedules,
  docsOperators,
  docsTimezones,
  THIRD_OPERATOR,
} from "./uptrends-docs-seed";

type Schemas = components["schemas"];

/**
 * An operator as stored: the spec's Operator attributes the simulator keeps, the ones every answer
 * carries made required, and Password (write-only: the API never returns it).
 */
export type UptrendsOperatorRecord = Required<
  Pick<
    Schemas["Operator"],
    "OperatorGuid" | "FullName" | "Email" | "IsAccountAdministrator" | "BackupEmail" | "IsOnDuty"
  >
> &
  Pick<
    Schemas["Operator"],
    | "MobilePhone"
    | "OutgoingPhoneNumberId"
    | "CultureName"
    | "TimeZoneId"
    | "SmsProvider"
    | "UseNumericSender"
    | "AllowNativeLogin"
    | "AllowSingleSignon"
    | "DefaultDashboard"
    | "SetupMode"
  > &
  Pick<Schemas["OperatorUpdate"], "Password">;

/** A duty schedule: Id and ScheduleMode, plus the attributes of its mode. */
export type UptrendsDutySchedule = Schemas["DutySchedule"];

// Uptrends answers schedules per operator without naming the operator: the link is store-only.
export interface UptrendsDutyScheduleRecord {
  operatorGuid: string;
  schedule: UptrendsDutySchedule;
}

export type UptrendsTimezoneRecord = Schemas["Timezone"];

/** An operator group and its members' OperatorGuids (the Everyone group's are every operator). */
export type UptrendsOperatorGroupRecord = Required<Schemas["OperatorGroup"]> & {
  members: string[];
};

const EVERYONE = "Everyone";
const ADMINISTRATORS = "Administrators";

/** The spec's `builtInGroups`, the Administrators group holding its `administrators` example. */
function docsGroups(): UptrendsOperatorGroupRecord[] {
  const groups = responseExample(
    "uptrends",
    "GET /OperatorGroup",
    "200",
    "builtInGroups",
  ) as Required<Schemas["OperatorGroup"]>[];
  const members = responseExample(
    "uptrends",
    "GET /OperatorGroup/{operatorGroupGuid}/Member",
    "200",
    "administrators",
  ) as Schemas["OperatorGroupMember"][];
  return groups.map((group) => ({
    ...group,
    members: group.IsAdministratorsGroup ? members.map((member) => member.OperatorGuid) : [],
  }));
}

/**
 * The groups a seed starts with: the documents' (or, without them, an Everyone and an
 * Administrators group of the simulator's own), then each further group the demo roster names,
 * with the roster's members.
 */
function seedGroups(seed: SeedChoice): UptrendsOperatorGroupRecord[] {
  const groups = new Map<string, UptrendsOperatorGroupRecord>();
  const group = (name: string) => {
    let found = groups.get(name);
    if (found === undefined) {
      found = {
        OperatorGroupGuid: generatedUuid(0x0e7b, groups.size),
        Description: name,
        IsEveryone: name === EVERYONE,
        IsAdministratorsGroup: name === ADMINISTRATORS,
        members: [],
      };
      groups.set(name, found);
    }
    return found;
  };
  if (includesDocs(seed)) for (const doc of docsGroups()) groups.set(doc.Description, doc);
  else [EVERYONE, ADMINISTRATORS].forEach(group);
  if (includesDemo(seed)) {
    demoOrganisation.people.forEach((person, index) => {
      for (const name of person.uptrends?.groups ?? []) {
        group(name).members.push(generatedUuid(0x0e7a, index));
      }
    });
  }
  return [...groups.values()];
}

/** An operator's authorizations beyond what its administrator flag implies (store-only). */
export interface UptrendsAuthorizationsRecord {
  operatorGuid: string;
  authorizations: readonly string[];
}

function demoAuthorizations(seed: SeedChoice): UptrendsAuthorizationsRecord[] {
  if (!includesDemo(seed)) return [];
  return demoOrganisation.people.flatMap((person, index) => {
    const authorizations = person.uptrends?.authorizations ?? [];
    const operatorGuid = generatedUuid(0x0e7a, index);
    return authorizations.length === 0 ? [] : [{ operatorGuid, authorizations }];
  });
}

// The spec's examples (ids 1, 2, 3 and 56) plus zones of the simulator's own, so the demo
// organisation's operators have time zones to resolve.
function seedTimezones(): UptrendsTimezoneRecord[] {
  const own: UptrendsTimezoneRecord[] = [
    {
      TimezoneId: 20,
      Description: "GMT+00:00 Dublin, Edinburgh, Lisbon, London",
      OffsetFromUtc: 0,
      HasDaylightSaving: true,
      DaylightSavingOffset: 60,
    },
    {
      TimezoneId: 30,
      Description: "GMT-08:00 Pacific time (US & Canada)",
      OffsetFromUtc: -480,
      HasDaylightSaving: true,
      DaylightSavingOffset: 60,
    },
    {
      TimezoneId: 40,
      Description: "GMT-05:00 Eastern time (US & Canada)",
      OffsetFromUtc: -300,
      HasDaylightSaving: true,
      DaylightSavingOffset: 60,
    },
    {
      TimezoneId: 70,
      Description: "GMT+10:00 Canberra, Melbourne, Sydney",
      OffsetFromUtc: 600,
      HasDaylightSaving: true,
      DaylightSavingOffset: 60,
    },
  ];
  return [...docsTimezones(), ...own].sort((a, b) => a.TimezoneId - b.TimezoneId);
}

function demoOperators(seed: SeedChoice): UptrendsOperatorRecord[] {
  const operators: UptrendsOperatorRecord[] = [];
  demoOrganisation.people.forEach((person, index) => {
    const account = person.uptrends;
    if (!account) return;
    operators.push({
      OperatorGuid: generatedUuid(0x0e7a, index),
      FullName: `${person.firstName} ${person.lastName}`,
      Email: account.email,
      MobilePhone: "",
      // With the documents' operators present, First Operator is the account administrator.
      IsAccountAdministrator: !includesDocs(seed) && operators.length === 0,
      BackupEmail: account.backupEmail,
      IsOnDuty: person.status === "employed",
      CultureName: "",
      TimeZoneId: account.timeZoneId,
      SmsProvider: "UseAccountSetting",
      AllowNativeLogin: true,
      AllowSingleSignon: false,
    });
  });
  return operators;
}

/** The Uptrends account: operators, their off-duty schedules, and the time-zone table. */
export class UptrendsStore {
  readonly operators: Collection<UptrendsOperatorRecord>;
  readonly dutySchedules: Collection<UptrendsDutyScheduleRecord>;
  readonly timezones: Collection<UptrendsTimezoneRecord>;
  readonly operatorGroups: Collection<UptrendsOperatorGroupRecord>;
  readonly extraAuthorizations: Collection<UptrendsAuthorizationsRecord>;
  readonly #seed: SeedChoice;
  /** The operator behind the API account: it cannot be deleted through the API. */
  apiAccountOperatorGuid!: string;
  #nextScheduleId = 3000;

  constructor(seed: SeedChoice) {
    this.#seed = seed;
    this.operators = new Collection(
      (operator) => operator.OperatorGuid,
      () => [
        ...(includesDocs(seed) ? docsOperators() : []),
        ...(includesDemo(seed) ? demoOperators(seed) : []),
      ],
    );
    this.dutySchedules = new Collection<UptrendsDutyScheduleRecord>(
      (record) => String(record.schedule.Id),
      () =>
        includesDocs(seed)
          ? docsDutySchedules().map((schedule) => ({ operatorGuid: THIRD_OPERATOR, schedule }))
          : [],
    );
    this.timezones = new Collection((zone) => String(zone.TimezoneId), seedTimezones);
    this.operatorGroups = new Collection(
      (group) => group.OperatorGroupGuid,
      () => seedGroups(seed),
    );
    this.extraAuthorizations = new Collection(
      (record) => record.operatorGuid,
      () => demoAuthorizations(seed),
    );
    this.reset();
  }

  schedulesOf(operatorGuid: string): UptrendsDutySchedule[] {
    return this.dutySchedules
      .filter((record) => record.operatorGuid === operatorGuid)
      .map((record) => record.schedule);
  }

  /** A group's members; the Everyone group holds every operator. */
  membersOf(group: UptrendsOperatorGroupRecord): string[] {
    return group.IsEveryone
      ? this.operators.list().map((operator) => operator.OperatorGuid)
      : group.members.filter((guid) => this.operators.get(guid) !== undefined);
  }

  /**
   * What Uptrends lists for an operator: AccountAccess, AccountAdministrator for an administrator
   * (flagged, or in the Administrators group), then any others.
   */
  authorizationsOf(operator: UptrendsOperatorRecord): string[] {
    const guid = operator.OperatorGuid;
    const extra = this.extraAuthorizations.get(guid)?.authorizations ?? [];
    const inAdministrators = this.operatorGroups
      .filter((group) => group.IsAdministratorsGroup)
      .some((group) => this.membersOf(group).includes(guid));
    const isAdmin = operator.IsAccountAdministrator || inAdministrators;
    const admin = isAdmin ? ["AccountAdministrator"] : [];
    return [...new Set(["AccountAccess", ...admin, ...extra])];
  }

  nextScheduleId(): number {
    return this.#nextScheduleId++;
  }

  reset(): void {
    this.operators.reset();
    this.dutySchedules.reset();
    this.timezones.reset();
    this.operatorGroups.reset();
    this.extraAuthorizations.reset();
    this.#nextScheduleId = 3000;
    this.apiAccountOperatorGuid =
      this.operators.find((operator) => operator.IsAccountAdministrator)?.OperatorGuid ?? "";
    void this.#seed;
  }
}
