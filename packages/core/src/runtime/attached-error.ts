import type { ApiError } from "./errors";

// `Symbol.for`, not `Symbol`: a vendor package that resolved another copy of @rollcall/core builds
// the error, and the app's copy of `unwrap` must still find it (else: no vendor redactor on it).
const API_ERROR = Symbol.for("@rollcall/core:api-error");

/**
 * Attaches a failed call's ApiError to its result and to the result's Response (which survives
 * `const { error, response } = result`). Non-enumerable, so logging, spreading or serialising the
 * result shows what it showed before. A frozen Response from a custom fetch keeps the result's copy.
 */
export function attachApiError(result: object, response: Response, error: ApiError): void {
  const slot = { value: error, configurable: true };
  Reflect.defineProperty(result, API_ERROR, slot);
  Reflect.defineProperty(response, API_ERROR, slot);
}

/** The ApiError a Rollcall client attached to this result, if it came from one. */
export function attachedApiError(result: { response: Response }): ApiError | undefined {
  const found =
    (result as { [API_ERROR]?: unknown })[API_ERROR] ??
    (result.response as { [API_ERROR]?: unknown })[API_ERROR];
  return found instanceof Error ? (found as ApiError) : undefined;
}
