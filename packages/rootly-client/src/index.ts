// The public surface of @rollcall/rootly-client.
export { createRootlyClient, JSON_API_MEDIA_TYPE, parseRootlyError } from "./client";
export type { RootlyClient, RootlyClientOptions } from "./client";
export { listAllUsers } from "./pagination";
export type { ListAllUsersOptions } from "./pagination";
export { toAccounts, pullAccounts, USER_KIND } from "./accounts";
export type { PullAccountsOptions } from "./accounts";
export type { PullOptions, PullProgress } from "@rollcall/core";
export { offboardingExecutor, offboardingPlanner } from "./generated/offboarding";
export type { RootlyDeleteUser } from "./generated/offboarding";
export { connector } from "./connector";
export type { paths, components, operations } from "./generated/schema";
export type {
  Incident,
  IncidentResponse,
  IncidentRole,
  IncidentRoleAssignment,
  IncidentRoleAssignmentRequest,
  IncludedResource,
  OnCallRole,
  Role,
  RootlyErrors,
  RootlyRateLimitError,
  User,
  UserList,
  UserResponse,
} from "./generated/schema";
