import { apiError, type ErrorSettings } from "./client-runtime";
import { DEFAULT_REQUEST_ID_HEADERS } from "./error-body";
import type { ApiError } from "./errors";
import { createRedactor } from "./redaction";
import { API_ERROR, type Carrier } from "./response-facts";
import { serverRetryDelay } from "./retry-policy";

/** The shape of every openapi-fetch result. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success data of an openapi-fetch result type. */
export type DataOf<R> = R extends { data: infer D } ? D : never;

// For results that did not come from a Rollcall client (hand-built results, foreign clients).
const anonymous: ErrorSettings = {
  vendor: "unknown",
  redactor: createRedactor(),
  requestIdHeaders: DEFAULT_REQUEST_ID_HEADERS,
  retryDelay: serverRetryDelay,
  errorKinds: {},
};

/**
 * The data of a successful call, or throws the call's {@link ApiError} (a subclass per status
 * family) for a non-2xx response: `const user = unwrap(await client.GET("/users/{id}", …))`.
 */
export function unwrap<R extends FetchResult>(result: R): DataOf<R> {
  if (result.response.ok && result.error === undefined) return result.data as DataOf<R>;
  throw toApiError(result);
}

/**
 * The {@link ApiError} for a non-2xx result (for callers who branch instead of throwing): the one
 * the client built when the response arrived, so every call returns the same object. A result that
 * did not come from a Rollcall client gets one built here, with no vendor settings.
 */
export function toApiError(result: FetchResult): ApiError {
  const { response } = result;
  return (
    (response as Carrier)[API_ERROR] ??
    apiError(anonymous, response, result.error, "?", response.url, 1)
  );
}
