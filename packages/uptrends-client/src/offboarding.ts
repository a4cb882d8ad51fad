import {
  ClientValidationError,
  NotFoundError,
  unwrap,
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
  return {
    async execute(step) {
      if (step?.action !== "uptrends.deleteOperator") {
        throw new ClientValidationError({
          vendor: "uptrends",
          operation: "offboardingExecutor",
          field: "step.action",
          message: `must be "uptrends.deleteOperator", got ${JSON.stringify(step?.action)}`,
        });
      }
      if (typeof step.operatorGuid !== "string" || step.operatorGuid.trim() === "") {
        throw new ClientValidationError({
          vendor: "uptrends",
          operation: "offboardingExecutor",
          field: "step.operatorGuid",
          message: "must be a non-empty OperatorGuid",
        });
      }
      try {
        unwrap(
          await client.DELETE("/Operator/{operatorGuid}", {
            params: { path: { operatorGuid: step.operatorGuid } },
          }),
        );
      } catch (error) {
        if (error instanceof NotFoundError) return;
        throw error;
      }
    },
  };
}
