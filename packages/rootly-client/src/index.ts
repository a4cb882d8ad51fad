// The public surface of @rollcall/rootly-client.
export {
  createRootlyClient,
  parseRootlyError,
  listAllUsers,
  listAllIncidentRoles,
  listAllTeams,
} from "./generated/client";
export type {
  RootlyClient,
  RootlyClientOptions,
  ListAllUsersOptions,
  ListAllIncidentRolesOptions,
  ListAllTeamsOptions,
} from "./generated/client";
export { JSON_API_MEDIA_TYPE } from "./media-type";
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
  Team,
  TeamList,
  User,
  UserList,
  UserResponse,
} from "./generated/schema";
