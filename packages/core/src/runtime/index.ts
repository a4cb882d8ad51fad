// The public client runtime; @rollcall/core's index re-exports this module.
export { createApiClient } from "./create-api-client";
export type { ApiClient, ApiClientMethod } from "./create-api-client";
export type {
  ApiClientOptions,
  AuthOptions,
  CallOptions,
  ClientHooks,
  ErrorBodyInfo,
  ErrorBodyParser,
  ErrorInfo,
  FetchFunction,
  RateLimitOptions,
  RequestInfo,
  ResponseInfo,
  RetryInfo,
  VendorConfig,
} from "./client-options";
export type { HttpMethod } from "./http-method";
export { checksByRoute } from "./request-checks";
export type { RequestCheck, RequestToCheck, RouteChecks } from "./request-checks";
export { requireCredential, requireOptionsObject } from "./credential-checks";
export type { CheckSite, CredentialSite } from "./credential-checks";
export type { RetryOptions } from "./retry-policy";
export { parseRetryAfter, rateLimitResetDelay, serverRetryDelay } from "./retry-policy";
export { unwrap, toApiError } from "./unwrap";
export type { DataOf, FetchResult } from "./unwrap";
export {
  RollcallError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  NetworkError,
  AbortError,
  ResponseParseError,
  RedirectError,
  ResponseTooLargeError,
  ClientValidationError,
  PaginationError,
} from "./errors";
export type { ApiErrorKind, ApiErrorDetails, PaginationFailure } from "./errors";
export { redact, redactUrl, basicAuthorization } from "./redaction";
export { parseCommonErrorBody, DEFAULT_REQUEST_ID_HEADERS } from "./error-body";
export type { ErrorBodyShape } from "./error-body";
export type {
  CredentialDescriptor,
  RateLimitDescriptor,
  VendorDescriptor,
} from "./vendor-descriptor";
export { paginate, pages } from "./pagination";
export type { Page, PaginateOptions, FetchedPage } from "./pagination";
