import {
  deletionExecutor,
  deletionPlanner,
  UUID_FORMAT,
  type OffboardingExecutor,
  type OffboardingStep,
} from "@rollcall/core";
import { OPERATOR_KIND } from "./accounts";
import type { UptrendsClient } from "./client";
import { vendor } from "./generated/vendor";

/** Delete one Uptrends operator. */
export interface UptrendsDeleteOperator extends OffboardingStep {
  readonly action: "uptrends.deleteOperator";
  readonly operatorGuid: string;
}

/** The steps that remove one Uptrends account: an `uptrends.deleteOperator` for each operator. */
export const offboardingPlanner = /* @__PURE__ */ deletionPlanner<UptrendsDeleteOperator>({
  kind: OPERATOR_KIND,
  action: "uptrends.deleteOperator",
  step: ({ source }, login) => ({
    operatorGuid: source.id,
    description: `Delete Uptrends operator ${login ?? source.id} (OperatorGuid ${source.id}).`,
  }),
});

const operator = (step: UptrendsDeleteOperator) => ({
  params: { path: { operatorGuid: step.operatorGuid } },
});

/**
 * Carries out `uptrends.deleteOperator` steps: `DELETE /Operator/{guid}`, then `GET` it back: done
 * only when Uptrends answers 404. An operator that is already gone counts as done, so a re-run plan
 * succeeds; a step whose OperatorGuid is not a GUID is refused before sending. Uptrends refuses to
 * delete the API account's own operator (a BadRequestError with its message).
 */
export function offboardingExecutor(
  client: UptrendsClient,
): OffboardingExecutor<UptrendsDeleteOperator> {
  return deletionExecutor<UptrendsDeleteOperator>({
    vendor: vendor.id,
    action: "uptrends.deleteOperator",
    target: (step) => ({ field: "operatorGuid", value: step.operatorGuid, format: UUID_FORMAT }),
    remove: (step) => client.DELETE("/Operator/{operatorGuid}", operator(step)),
    readBack: (step) => client.GET("/Operator/{operatorGuid}", operator(step)),
  });
}
