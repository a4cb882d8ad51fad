import type { OffboardingExecutor, OffboardingStep } from "./offboarding";
import { AccountStillPresentError } from "./account-still-present-error";
import { NotFoundError } from "../runtime/errors";
import { requireAction, stepRefusal } from "./step-refusal";
import { unwrap, type FetchResult } from "../runtime/unwrap";

export interface DeletionExecutorOptions<Step extends OffboardingStep> {
  vendor: string;
  /** The one step action this executor carries out. */
  action: Step["action"];
  /**
   * The step field naming the record to delete, and its value: checked before sending to be a
   * non-empty string and, when `format` is given, one the vendor could have issued (a malformed id
   * would be answered 404 and counted as already gone, while the person keeps their access).
   */
  target: (step: Step) => { field: string; value: unknown; format?: RecordIdFormat };
  /** Sends the DELETE; the result is unwrapped here. */
  remove: (step: Step) => Promise<FetchResult>;
  /** Reads the same record back (a GET by the same key); a 404 proves it is gone. */
  readBack: (step: Step) => Promise<FetchResult>;
}

/** The shape of a vendor's record ids, e.g. `{ pattern: /^[0-9]+$/, description: "a numeric id" }`. */
export interface RecordIdFormat {
  /** A RegExp, or anything with its `test` (`{ test: isValidEmail }`). */
  readonly pattern: { test(value: string): boolean };
  /** What a well-formed id is, for the refusal: "must be <description>". */
  readonly description: string;
}

/** Ids that are UUIDs (any version), in either case. */
export const UUID_FORMAT: RecordIdFormat = {
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  description: "a UUID",
};

/**
 * An offboarding executor whose steps each delete one vendor record. A wrong action or an empty
 * target is refused before anything is sent; a record already gone (404) counts as done, so a
 * plan can be run again after a partial failure. A target of the wrong format is refused too. Either way the record is then read back: a step
 * is done only when the vendor answers 404 for it, never on the DELETE's word alone.
 */
export function deletionExecutor<Step extends OffboardingStep>(
  options: DeletionExecutorOptions<Step>,
): OffboardingExecutor<Step> {
  const { vendor, action } = options;
  const refuse = stepRefusal(vendor);
  return {
    async execute(step) {
      requireAction(step, action, refuse);
      const { field, value, format } = options.target(step);
      if (typeof value !== "string" || value.trim() === "") {
        throw refuse(`step.${field}`, `must name the record to delete`);
      }
      if (format !== undefined && !format.pattern.test(value)) {
        throw refuse(`step.${field}`, `must be ${format.description}`);
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
