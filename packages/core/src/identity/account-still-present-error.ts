import { RollcallError } from "../runtime/errors";

/**
 * An offboarding step read the vendor back and the account is still there: the vendor answered
 * the removal with success but kept the record, or the executor found nothing to remove although
 * the account exists. The step failed; it must not be reported as done.
 */
export class AccountStillPresentError extends RollcallError {
  declare readonly vendor: string;
  /** The record, as the step names it (e.g. `userId 317`). */
  declare readonly record: string;

  constructor(vendor: string, record: string, detail: string) {
    super(`${vendor}: ${record} is still there after the step: ${detail}`, vendor, { record });
  }
}

// Spelled out, as in runtime/errors, so the name survives minification.
AccountStillPresentError.prototype.name = "AccountStillPresentError";
