import {
  manualReview,
  type Account,
  type OffboardingPlanner,
  type OffboardingStep,
} from "@rollcall/core";
import { ACCOUNT_KINDS } from "./accounts";
import { vendor } from "./generated/vendor";

/** Remove one user from the administrators list, leaving every other administrator in place. */
export interface EagleRemoveAdministrator extends OffboardingStep {
  readonly action: "eagle.removeAdministrator";
  readonly email: string;
}

/**
 * Remove one user from one group. The executor must send every existing group back unchanged:
 * eagle.io permanently deletes groups missing from a PUT.
 */
export interface EagleRemoveGroupMember extends OffboardingStep {
  readonly action: "eagle.removeGroupMember";
  readonly groupId: string;
  readonly groupName: string | null;
  readonly email: string;
}

export type EagleOffboardingStep = EagleRemoveAdministrator | EagleRemoveGroupMember;

function groupSteps(account: Account) {
  const { source } = account;
  const groups = (Array.isArray(account.groups) ? account.groups : []).filter(
    (group) => typeof group.id === "string" && group.id !== "",
  );
  if (groups.length === 0) return [manualReview(account, "it names no eagle.io group id")];
  return groups.map((group): EagleRemoveGroupMember => ({
    vendor: vendor.id,
    action: "eagle.removeGroupMember",
    account: source,
    groupId: group.id!,
    groupName: group.name,
    email: source.id,
    description:
      `Remove ${source.id} from eagle.io group ${group.name ?? group.id} (${group.id}); ` +
      `the group and all other groups stay.`,
  }));
}

/**
 * The steps that remove one eagle.io account: an administrator leaves the administrators list; a
 * group member leaves each group the account names, one step per group.
 */
export const offboardingPlanner: OffboardingPlanner<EagleOffboardingStep> = (account) => {
  const { source } = account;
  switch (source.kind) {
    case ACCOUNT_KINDS.administrator:
      return [
        {
          vendor: vendor.id,
          action: "eagle.removeAdministrator",
          account: source,
          email: source.id,
          description: `Remove ${source.id} from the eagle.io administrators (other administrators stay).`,
        } satisfies EagleRemoveAdministrator,
      ];
    case ACCOUNT_KINDS.groupMember:
      return groupSteps(account);
    default:
      return [manualReview(account, "Rollcall has no offboarding action for this kind of account")];
  }
};
