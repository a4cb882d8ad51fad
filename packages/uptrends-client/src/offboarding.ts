import {
  deletionExecutor,
  type OffboardingExecutor,
  type UptrendsDeleteOperator,
} from "@rollcall/core";
import type { UptrendsClient } from "./client";

/**
 * Carries out core's `uptrends.deleteOperator` offboarding steps: `DELETE /Operator/{guid}`. An
 * operator that is already gone (404) counts as done, so a re-run plan succeeds; Uptrends refuses
 * to delete the API account's own operator (a BadRequestError with its message).
 */
export function offboardingExecutor(
  client: UptrendsClient,
): OffboardingExecutor<UptrendsDeleteOperator> {
  return deletionExecutor<UptrendsDeleteOperator>({
    vendor: "uptrends",
    action: "uptrends.deleteOperator",
    target: (step) => ({ field: "operatorGuid", value: step.operatorGuid }),
    remove: (step) =>
      client.DELETE("/Operator/{operatorGuid}", {
        params: { path: { operatorGuid: step.operatorGuid } },
      }),
  });
}
