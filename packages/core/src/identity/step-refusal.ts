// How an offboarding executor refuses a malformed step: before anything is sent, naming the field.
import { ClientValidationError } from "../runtime/errors";

export type StepRefusal = (field: string, message: string) => ClientValidationError;

/** The refusal an executor for `vendor` throws. */
export function stepRefusal(vendor: string): StepRefusal {
  return (field, message) =>
    new ClientValidationError({ vendor, operation: "offboardingExecutor", field, message });
}

/** Throws unless `step` is one of `action`'s. */
export function requireAction(step: unknown, action: string, refuse: StepRefusal): void {
  const got = (step as { action?: unknown } | undefined)?.action;
  if (got !== action)
    throw refuse("step.action", `must be "${action}", got ${JSON.stringify(got)}`);
}
