// The public surface of @rollcall/rootly-client.
export * from "./generated/client";
export { JSON_API_MEDIA_TYPE } from "./media-type";
export { toAccounts, pullAccounts, USER_KIND } from "./accounts";
export type { PullAccountsOptions } from "./accounts";
export type { PullOptions, PullProgress } from "@rollcall/core";
export { offboardingExecutor, offboardingPlanner } from "./offboarding";
export type {
  RootlyOffboardingStep,
  RootlyRemoveFromSchedule,
  RootlyRemoveFromTeam,
} from "./offboarding";
export type { RootlyDeleteUser } from "./generated/offboarding";
export { connector } from "./connector";
export type * from "./generated/schema";
