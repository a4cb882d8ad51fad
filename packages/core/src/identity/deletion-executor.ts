import type { OffboardingExecutor, OffboardingStep } from "./offboarding";
import { ClientValidationError, NotFoundError } from "../runtime/errors";
import { unwrap, type FetchResult } from "../runtime/unwrap";

export interface DeletionExecutorOptions<Step extends OffboardingStep> {
  vendor: string;
  /** The one step action this executor carries out. */
  action: Step["action"];
  /** The step field naming the record to delete, and its value (checked non-empty before sending). */
  target: (step: Step) => { field: string; value: string | null | undefined };
  /** Sends the DELETE; the result is unwrapped here. */
  remove: (step: Step) => Promise<FetchResult>;
}

/**
 * An offboarding executor whose steps each delete one vendor record. A wrong action or an empty
 * target is refused before anything is sent; a record already gone (404) counts as done, so a
 * plan can be run again after a partial failure.
 */
export function deletionExecutor<Step extends OffboardingStep>(
  options: DeletionExecutorOptions<Step>,
): OffboardingExecutor<Step> {
  const { vendor, action } = options;
  const refuse = (field: string, message: string) =>
    new ClientValidationError({ vendor, operation: "offboardingExecutor", field, message });
  return {
    async execute(step) {
      if (step?.action !== action) {
        throw refuse("step.action", `must be "${action}", got ${JSON.stringify(step?.action)}`);
      }
      const { field, value } = options.target(step);
      if (typeof value !== "string" || value.trim() === "") {
        throw refuse(`step.${field}`, `must name the record to delete`);
      }
      try {
        unwrap(await options.remove(step));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    },
  };
}
