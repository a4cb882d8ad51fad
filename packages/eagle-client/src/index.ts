// The public surface of @rollcall/eagle-client.
export { createEagleClient, parseEagleError } from "./client";
export type { EagleClient, EagleClientOptions } from "./client";
export { updateOwnerGroups, upsertOwnerGroups } from "./owner-groups";
export type { UpdateOwnerGroupsOptions, UpsertOwnerGroupsOptions } from "./owner-groups";
export { toAccounts, ACCOUNT_KINDS } from "./accounts";
export { pullAccounts } from "./pull-accounts";
export type { PullProgress, PullOptions } from "@rollcall/core";
export { offboardingExecutor } from "./offboarding";
export { offboardingPlanner } from "./offboarding-plan";
export type {
  EagleOffboardingStep,
  EagleRemoveAdministrator,
  EagleRemoveGroupMember,
} from "./offboarding-plan";
export { connector } from "./connector";
export type { paths, components, operations } from "./generated/schema";
export type { OwnerGroup, OwnerUsage } from "./generated/client";
export type { Owner, AccountUser, OwnerUpdate, OwnerGroupRequest } from "./generated/schema";
