import { ClientValidationError } from "./errors";

/** Where a check runs, for the {@link ClientValidationError} it throws. */
export interface CheckSite {
  vendor: string;
  /** The factory or helper being called, e.g. "createAcmeClient". */
  operation: string;
}

/** A credential to check: where it was passed and, for messages, what it is. */
export interface CredentialSite extends CheckSite {
  /** The option path, e.g. "options.apiKey". */
  field: string;
  /** What the credential is, e.g. "the Acme API key"; added to "is required" messages. */
  description?: string;
  /** It is sent as a raw header value, so it must be Latin-1 (fetch throws on anything else). */
  header?: boolean;
}

/**
 * Throws a {@link ClientValidationError} unless `options` is a plain (non-array) object. `expected`
 * completes "must be …", e.g. "an object with at least { apiKey }".
 */
export function requireOptionsObject(
  options: unknown,
  site: CheckSite,
  expected = "an object with the client's credentials",
): asserts options is Record<string, unknown> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ClientValidationError({ ...site, field: "options", message: `must be ${expected}` });
  }
}

/**
 * Returns `value` when it is a usable credential: a non-empty string without whitespace or control
 * characters (which would break, or inject into, a header or query string), and for a `header`
 * credential only Latin-1 characters (all a header can carry). Otherwise throws a
 * {@link ClientValidationError} naming the field; the value itself is never echoed.
 */
export function requireCredential(value: unknown, site: CredentialSite): string {
  const { description: about, header, ...where } = site;
  const problem =
    value == null
      ? `is required${about ? `: pass ${about}` : ""}`
      : typeof value !== "string"
        ? `must be a string${about ? ` (${about})` : ""}, got ${typeof value}`
        : !value.trim()
          ? "must not be empty"
          : // eslint-disable-next-line no-control-regex
            /[\s\u0000-\u001f\u007f]/.test(value)
            ? "must not contain whitespace or control characters"
            : header && /[^\u0000-\u00ff]/.test(value)
              ? "holds characters an HTTP header cannot carry"
              : undefined;
  if (problem) throw new ClientValidationError({ ...where, message: problem });
  return value as string;
}
