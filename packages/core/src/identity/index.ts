// The public identity API; @rollcall/core's index re-exports this module.
export type { VendorId, AccountKind } from "./vendors";
export { IdentityError } from "./identity-error";
export type { IdentityErrorCode } from "./identity-error";

export { defineAccount, roleFrom } from "./account";
export type { PullProgress, PullOptions } from "./adapter-contract";
export { allSettledInOrder } from "./adapter-contract";
export { adaptRecords, mapAccount, recordsAdapter, valueAt, textAt } from "./account-fields";
export { isRecord } from "../is-record";
export type {
  AccountFields,
  RecordFields,
  AccountBuilder,
  RecordsAdapter,
  AccountExtension,
  FieldPath,
  TimezoneFormat,
  TimeFormat,
} from "./account-fields";
export type {
  Account,
  AccountInput,
  AccountSource,
  AccountStatus,
  AccountRole,
  RoleLevel,
  AccountGroup,
  AccountIssue,
  AdapterResult,
} from "./account";
export {
  email,
  parseEmail,
  normalizeEmail,
  isValidEmail,
  emailRejection,
  emailKey,
  sameEmail,
} from "./email";
export type {
  AccountEmail,
  EmailKind,
  ParsedEmail,
  EmailRejection,
  EmailMatchOptions,
} from "./email";
export { toE164, phone } from "./phone";
export type { Phone, E164Options } from "./phone";
export {
  timezoneFromIana,
  timezoneFromRails,
  timezoneFromName,
  timezoneFromOffset,
  timezoneUnknown,
} from "./timezone";
export type { AccountTimezone, TimezonePrecision } from "./timezone";
export { RAILS_TIME_ZONES } from "./rails-time-zones";
export { localeFrom } from "./locale";
export type { AccountLocale } from "./locale";
export { timestampFromIso, isoFromEpochMs, timestampFrom } from "./timestamp";
export type { Timestamp } from "./timestamp";
export { splitName, namesFrom } from "./names";
export type { AccountNames, NameField } from "./names";

export { buildDirectory, allAccounts } from "./directory";
export type {
  Directory,
  DirectoryOptions,
  DirectoryMatching,
  Person,
  MatchEvidence,
  MatchLink,
  ContactMatch,
} from "./directory";
export {
  findPerson,
  lookupEmail,
  accountsByVendor,
  peopleMissingFromVendors,
  adminsByVendor,
} from "./directory-queries";
export type { PersonLookup, MissingVendors, AdminAccount } from "./directory-queries";
export { diffDirectories } from "./directory-diff";
export type { DirectoryDiff, RoleChange, AccountChange } from "./directory-diff";
export { diffAccess } from "./access-diff";
export type { AccessChange, AccessChanges, AccessState } from "./access-diff";

export { accountAccess, privilegeAtLeast, privilegeRank } from "./access";
export type {
  AccessRecords,
  Entitlement,
  EntitlementKind,
  EntitlementRef,
  Grant,
  Privilege,
} from "./access";
export {
  buildAccessGraph,
  accountCanAct,
  accessOf,
  orphanedGrants,
  privilegedPeople,
  onCallNow,
} from "./access-graph";
export type { AccessEntry, AccessGraph } from "./access-graph";
export { accessRisks, adminScopes, offboardingFindings } from "./access-risks";
export { summariseAccess } from "./access-summary";
export type { PersonAccessSummary } from "./access-summary";
export { membershipAccess } from "./memberships";
export { roleAccess } from "./listed-roles";
export type { RoleFields } from "./listed-roles";
export type { MembershipFields } from "./memberships";
export type { EntryFilter, EntryPath } from "./member-entries";
export type { AccessRisk, AdminScope, ScopeAdmins, OffboardingFinding } from "./access-risks";

export { planOffboarding, executeOffboarding, manualReview } from "./offboarding";
export { deletionExecutor, UUID_FORMAT } from "./deletion-executor";
export { deletionPlanner } from "./deletion-planner";
export { executorsByAction, membershipExecutor, removingMemberships } from "./membership-removal";
export type {
  MembershipActions,
  MembershipExecutorOptions,
  MembershipStep,
} from "./membership-removal";
export type { DeletionPlannerOptions } from "./deletion-planner";
export { AccountStillPresentError } from "./account-still-present-error";
export type { DeletionExecutorOptions, RecordIdFormat } from "./deletion-executor";
export type {
  OffboardingPlan,
  PlanOptions,
  OffboardingStep,
  ManualReview,
  OffboardingPlanner,
  OffboardingPlanners,
  OffboardingExecutor,
  OffboardingExecutors,
  StepOutcome,
  OffboardingResult,
  ExecuteOptions,
} from "./offboarding";

export {
  toScimUser,
  toScimUsers,
  toScimListResponse,
  SCIM_USER_SCHEMA,
  SCIM_LIST_RESPONSE_SCHEMA,
  ROLLCALL_ACCOUNTS_SCHEMA,
} from "./scim";
export type { ScimUser, ScimAccount, ScimMultiValue, ScimListResponse } from "./scim";
