import type { OffboardingPlanner, OffboardingStep } from "./offboarding";
import type { Account } from "./account";
import { manualReview } from "./offboarding";

/** What a vendor says of its one deletion step; `deletionPlanner` adds vendor, action and account. */
export interface DeletionPlannerOptions<Step extends OffboardingStep> {
  /** The account kind the step removes; other kinds go to manual review. */
  kind: string;
  action: Step["action"];
  /** The step's own fields (the record's id, …) and its description, from the account and login. */
  step: (
    account: Account,
    login: string | null,
  ) => Omit<Step, keyof OffboardingStep> & {
    description: string;
  };
}

/**
 * The planner of a vendor whose offboarding deletes one record per account: one `action` step for
 * each account of `kind`, a manual review for any other kind.
 */
export function deletionPlanner<Step extends OffboardingStep>(
  options: DeletionPlannerOptions<Step>,
): OffboardingPlanner<Step> {
  return (account, login) => {
    const { source } = account;
    if (source.kind !== options.kind) {
      return [manualReview(account, "Rollcall has no offboarding action for this kind of account")];
    }
    const step = { vendor: source.vendor, action: options.action, account: source };
    return [{ ...step, ...options.step(account, login) } as Step];
  };
}
