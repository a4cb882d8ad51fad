// The operators, off-duty schedules and time zones of the Uptrends spec's own examples (taken from
// Uptrends' Operator API document), read from the bundled spec so the seed cannot drift from it.
import { responseExample } from "../../spec/spec-examples";
import type {
  UptrendsDutySchedule,
  UptrendsOperatorRecord,
  UptrendsTimezoneRecord,
} from "./uptrends-store";

/** The operator of the document's single-operator examples; the duty schedules are his. */
export const THIRD_OPERATOR = "d2782d76-62e7-4946-a41c-fc7f86c96300";

function example(path: string, method: string, status: string, name: string): unknown {
  return responseExample("uptrends", `${method.toUpperCase()} ${path}`, status, name);
}

export function docsOperators(): UptrendsOperatorRecord[] {
  return [
    ...(example("/Operator", "get", "200", "twoOperators") as UptrendsOperatorRecord[]),
    example("/Operator/{operatorGuid}", "get", "200", "thirdOperator") as UptrendsOperatorRecord,
  ];
}

export function docsDutySchedules(): UptrendsDutySchedule[] {
  const path = "/Operator/{operatorGuid}/DutySchedule";
  return example(path, "get", "200", "weeklyAndMonthly") as UptrendsDutySchedule[];
}

export function docsTimezones(): UptrendsTimezoneRecord[] {
  return [
    ...(example("/Timezone", "get", "200", "firstThree") as UptrendsTimezoneRecord[]),
    example("/Timezone/{timezoneId}", "get", "200", "centralTime") as UptrendsTimezoneRecord,
  ];
}
