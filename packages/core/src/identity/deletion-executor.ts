import type { OffboardingExecutor, OffboardingStep } from "./offboarding";
import { AccountStillPresentError } from "./account-still-present-error";
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
  /** Reads the same record back (a GET by the same key); a 404 proves it is gone. */
  readBack: (step: Step) => Promise<FetchResult>;
}

/**
 * An offboarding executor whose steps each delete one vendor record. A wrong action or an empty
 * target is refused before anything is sent; a record already gone (404) counts as done, so a
 * plan can be run again after a partial failure. Either way the record is then read back: a step
 * is done only when the vendor answers 404 for it, never on the DELETE's word alone.
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
      const answer = (await isMissing(options.remove(step))) ? "404 (not found)" : "success";
      if (!(await isMissing(options.readBack(step)))) {
        throw new AccountStillPresentError(
          vendor,
          `${field} ${value}`,
          `the delete was answered with ${answer}, but reading it back still finds it`,
        );
      }
    },
  };
}

/** True for a 404, false for a success; any other failure is thrown. */
async function isMissing(request: Promise<FetchResult>): Promise<boolean> {
  try {
    unwrap(await request);
    return false;
  } catch (error) {
    if (error instanceof NotFoundError) return true;
    throw error;
  }
}
