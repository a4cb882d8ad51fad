// The public surface of @rollcall/opsgenie-client.
export {
  createOpsgenieClient,
  parseOpsgenieError,
  listAllUsers,
  listAllUsersV2,
} from "./generated/client";
export type {
  OpsgenieClient,
  OpsgenieClientOptions,
  OpsgenieRegion,
  ListAllUsersOptions,
  ListAllUsersV2Options,
} from "./generated/client";
export { toAccounts, USER_KIND } from "./accounts";
export { pullAccounts } from "./pull-accounts";
export type { PullAccountsOptions } from "./pull-accounts";
export type { PullProgress, PullOptions } from "@rollcall/core";
export { offboardingExecutor, offboardingPlanner } from "./offboarding";
export type { OpsgenieDeleteUser, OpsgenieRemoveMembership, OpsgenieStep } from "./offboarding";
export { connector } from "./connector";
export type { paths, components, operations } from "./generated/schema";
export type {
  User,
  Contact,
  UserCreate,
  UserUpdate,
  NotificationRuleType,
  V2User,
  CustomUserRole,
  Team,
  TeamMember,
  Schedule,
  ScheduleRotation,
  Recipient,
  OnCall,
  Escalation,
} from "./generated/schema";
