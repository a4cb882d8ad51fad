// The public surface of @rollcall/uptrends-client.
export { createUptrendsClient, parseUptrendsError } from "./generated/client";
export type { UptrendsClient, UptrendsClientOptions } from "./generated/client";
export { toAccounts, pullAccounts, OPERATOR_KIND } from "./accounts";
export type { PullAccountsOptions, ToAccountsContext } from "./accounts";
export type { PullOptions, PullProgress } from "@rollcall/core";
export { offboardingExecutor, offboardingPlanner } from "./generated/offboarding";
export type { UptrendsDeleteOperator } from "./generated/offboarding";
export { connector } from "./connector";
export type { paths, components, operations } from "./generated/schema";
export type {
  DutySchedule,
  DutyScheduleRequest,
  Operator,
  OperatorGroup,
  OperatorGroupMember,
  OperatorCreate,
  OperatorPatch,
  OperatorSetupMode,
  OperatorUpdate,
  ScheduleMode,
  SmsProvider,
  Timezone,
  UptrendsMessageList,
  WeekDay,
} from "./generated/schema";
