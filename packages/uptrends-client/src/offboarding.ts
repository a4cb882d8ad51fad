import {
  deletionExecutor,
  type OffboardingExecutor,
  type UptrendsDeleteOperator,
  UUID_FORMAT,
} from "@rollcall/core";
import type { UptrendsClient } from "./client";

const operator = (step: UptrendsDeleteOperator) => ({
  params: { path: { operatorGuid: step.operatorGuid } },
});

/**
 * Carries out core's `uptrends.deleteOperator` offboarding steps: `DELETE /Operator/{guid}`, then
 * `GET` it back: done only when Uptrends answers 404. An operator that is already gone counts as
 * done, so a re-run plan succeeds; a step whose OperatorGuid is not a GUID is refused before
 * sending. Uptrends refuses to delete the API account's own operator (a BadRequestError with its
 * message).
 */
export function offboardingExecutor(
  client: UptrendsClient,
): OffboardingExecutor<UptrendsDeleteOperator> {
  return deletionExecutor<UptrendsDeleteOperator>({
    vendor: "uptrends",
    action: "uptrends.deleteOperator",
    target: (step) => ({ field: "operatorGuid", value: step.operatorGuid, format: UUID_FORMAT }),
    remove: (step) => client.DELETE("/Operator/{operatorGuid}", operator(step)),
    readBack: (step) => client.GET("/Operator/{operatorGuid}", operator(step)),
  });
}
