import { ClientValidationError } from "@rollcall/core";

// TODO(core): every vendor package checks its credentials the same way; core could own this.
/**
 * Throws a {@link ClientValidationError} naming `field` when `value` is not a usable credential: a
 * non-empty string without whitespace or control characters (which would break or inject headers).
 * The value itself is never echoed.
 */
export function requireCredential(
  vendor: string,
  operation: string,
  field: string,
  value: unknown,
): string {
  const fail = (message: string): never => {
    throw new ClientValidationError({ vendor, operation, field, message });
  };
  if (value === undefined || value === null) return fail("is required");
  if (typeof value !== "string") return fail(`must be a string, got ${typeof value}`);
  if (value.trim() === "") return fail("must not be empty");
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    return fail("must not contain whitespace or control characters");
  }
  return value;
}

/** Throws a {@link ClientValidationError} unless `options` is a plain object. */
export function requireOptionsObject(vendor: string, operation: string, options: unknown): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ClientValidationError({
      vendor,
      operation,
      field: "options",
      message: "must be an object with the client's credentials",
    });
  }
}
