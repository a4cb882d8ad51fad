/** What kind of bad input an {@link IdentityError} reports. */
export type IdentityErrorCode =
  | "invalid-email"
  | "invalid-option"
  | "person-not-found"
  | "invalid-executor"
  | "offboarding-blocked";

/**
 * The one error the identity model throws, for input a caller can fix. `path` says where the bad
 * value was (e.g. `options.aliases[2][0]`); messages never carry credentials.
 */
export class IdentityError extends Error {
  override readonly name = "IdentityError";
  readonly code: IdentityErrorCode;
  readonly path: string | undefined;

  constructor(code: IdentityErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${path}: ${message}`);
    this.code = code;
    this.path = path;
  }
}
