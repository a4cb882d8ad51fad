import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import { Collection } from "../../store/collection";
import { generatedUuid } from "../../store/identifiers";

export interface UptrendsOperatorRecord {
  OperatorGuid: string;
  UserName?: string;
  FullName: string;
  Email: string;
  /** Write-only: never returned by the API. */
  Password?: string;
  MobilePhone?: string;
  OutgoingPhoneNumber?: string;
  IsAccountAdministrator: boolean;
  BackupEmail: string;
  IsOnDuty: boolean;
  CultureName?: string;
  TimeZoneId?: number | null;
  SmsProvider?: string;
  UseNumericSender?: boolean | null;
  PhoneProvider?: string;
  AllowNativeLogin?: boolean | null;
  AllowSingleSignon?: boolean | null;
}

export type UptrendsDutySchedule =
  | { Id: number; ScheduleMode: "OneTime"; StartDateTime: string; EndDateTime: string }
  | { Id: number; ScheduleMode: "Daily"; StartTime: string; EndTime: string }
  | { Id: number; ScheduleMode: "Weekly"; WeekDay: string; StartTime: string; EndTime: string }
  | { Id: number; ScheduleMode: "Monthly"; MonthDay: number; StartTime: string; EndTime: string };

export interface UptrendsDutyScheduleRecord {
  operatorGuid: string;
  schedule: UptrendsDutySchedule;
}

export interface UptrendsTimezoneRecord {
  TimezoneId: number;
  Description: string;
  OffsetFromUtc: number;
  HasDaylightSaving: boolean;
  DaylightSavingOffset?: number;
}

// Ids 1, 2, 3 and 56 are the Operator API document's examples; the rest are the simulator's own,
// added so the demo organisation's operators have time zones to resolve.
function seedTimezones(): UptrendsTimezoneRecord[] {
  return [
    {
      TimezoneId: 1,
      Description: "GMT-04:00# Brazil West, Chile, Paraguay",
      OffsetFromUtc: -240,
      HasDaylightSaving: true,
      DaylightSavingOffset: 60,
    },
    {
      TimezoneId: 2,
      Description: "GMT+06:00# Cocos Islands",
      OffsetFromUtc: 360,
      HasDaylightSaving: true,
      DaylightSavingOffset: 60,
    },
    {
      TimezoneId: 3,
      Description: "GMT+01:00 West Central Africa",
      OffsetFromUtc: 60,
      HasDaylightSaving: false,
    },
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
      TimezoneId: 56,
      Description: "GMT-06:00* Central time",
      OffsetFromUtc: -360,
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
}

const THIRD_OPERATOR = "d2782d76-62e7-4946-a41c-fc7f86c96300";

// The operators and off-duty schedules of Uptrends' Operator API document.
function docsOperators(): UptrendsOperatorRecord[] {
  return [
    {
      OperatorGuid: "36fad910-6e9f-4886-b1a7-9b4637362cb8",
      FullName: "First Operator",
      Email: "FirstOperator@acme.com",
      MobilePhone: "",
      IsAccountAdministrator: true,
      BackupEmail: " FirstOperator@gmail.com ",
      IsOnDuty: true,
      SmsProvider: "UseAccountSetting",
      PhoneProvider: "UseAccountSetting",
      AllowNativeLogin: true,
      AllowSingleSignon: false,
    },
    {
      OperatorGuid: "23a75d1f-0dec-4963-86d8-0cee21267db4",
      UserName: "SecondOperator@acme.com",
      FullName: "Second Operator",
      Email: "SecondOperator@acme.com",
      MobilePhone: "",
      IsAccountAdministrator: false,
      BackupEmail: "",
      IsOnDuty: false,
      SmsProvider: "SmsProviderEurope",
      UseNumericSender: false,
      PhoneProvider: "UseAccountSetting",
      AllowNativeLogin: true,
      AllowSingleSignon: false,
    },
    {
      OperatorGuid: THIRD_OPERATOR,
      FullName: "Third Operator",
      Email: "ThirdOperator@acme.com",
      MobilePhone: "+31612345678",
      OutgoingPhoneNumber: "",
      IsAccountAdministrator: false,
      BackupEmail: "",
      IsOnDuty: false,
      CultureName: "",
      TimeZoneId: 56,
      SmsProvider: "SmsProviderUSA",
      UseNumericSender: false,
      PhoneProvider: "UseAccountSetting",
      AllowNativeLogin: true,
      AllowSingleSignon: false,
    },
  ];
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
      PhoneProvider: "UseAccountSetting",
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
          ? [
              {
                operatorGuid: THIRD_OPERATOR,
                schedule: {
                  Id: 2272,
                  ScheduleMode: "Weekly",
                  WeekDay: "Monday",
                  StartTime: "08:00",
                  EndTime: "16:30",
                },
              },
              {
                operatorGuid: THIRD_OPERATOR,
                schedule: {
                  Id: 2267,
                  ScheduleMode: "Monthly",
                  MonthDay: 15,
                  StartTime: "08:00",
                  EndTime: "16:30",
                },
              },
            ]
          : [],
    );
    this.timezones = new Collection((zone) => String(zone.TimezoneId), seedTimezones);
    this.reset();
  }

  schedulesOf(operatorGuid: string): UptrendsDutySchedule[] {
    return this.dutySchedules
      .filter((record) => record.operatorGuid === operatorGuid)
      .map((record) => record.schedule);
  }

  nextScheduleId(): number {
    return this.#nextScheduleId++;
  }

  reset(): void {
    this.operators.reset();
    this.dutySchedules.reset();
    this.timezones.reset();
    this.#nextScheduleId = 3000;
    this.apiAccountOperatorGuid =
      this.operators.find((operator) => operator.IsAccountAdministrator)?.OperatorGuid ?? "";
    void this.#seed;
  }
}
