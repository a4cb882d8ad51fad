// The operators, off-duty schedules and time zones of the Uptrends spec's own examples (taken from
// Uptrends' Operator API document), read from the bundled spec so the seed cannot drift from it.
import { bundledSpec } from "../../vendor-specs";
import type {
  UptrendsDutySchedule,
  UptrendsOperatorRecord,
  UptrendsTimezoneRecord,
} from "./uptrends-store";

/** The operator of the document's single-operator examples; the duty schedules are his. */
export const THIRD_OPERATOR = "d2782d76-62e7-4946-a41c-fc7f86c96300";

function example(path: string, method: string, status: string, name: string): unknown {
  let node: unknown = bundledSpec("uptrends");
  const keys = ["paths", path, method, "responses", status, "content", "application/json"];
  for (const key of [...keys, "examples", name, "value"]) {
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (node === undefined) {
    throw new Error(`the Uptrends spec lost its example ${method.toUpperCase()} ${path} ${name}`);
  }
  // A deep copy: the store mutates its records, the spec must stay as written.
  return structuredClone(node);
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
