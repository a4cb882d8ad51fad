// Offboarding that takes an account out of its teams, groups and rotations before deleting it, for
// vendors that keep a deleted user's place there (a rotation that still pages a person who is gone).
import type { EntitlementKind } from "./access";
import type { AccessEntry } from "./access-graph";
import { AccountStillPresentError } from "./account-still-present-error";
import type { OffboardingExecutor, OffboardingPlanner, OffboardingStep } from "./offboarding";
import { sourceKey } from "./source-key";
import { NotFoundError } from "../runtime/errors";
import { requireAction, stepRefusal } from "./step-refusal";
import { unwrap, type FetchResult } from "../runtime/unwrap";

/** Takes one account out of one team, group or schedule. */
export interface MembershipStep extends OffboardingStep {
  /** What the account leaves. */
  readonly entitlement: {
    readonly kind: EntitlementKind;
    readonly id: string;
    readonly name: string;
  };
  /** The vendor's id of the membership itself, when removing it needs one (a rotation's user entry). */
  readonly membershipId?: string;
}

/** The step action for each kind of entitlement the vendor needs left before deletion. */
export type MembershipActions = Readonly<Partial<Record<EntitlementKind, string>>>;

/**
 * `planner`, with a step before its own for each team, group or schedule (the kinds `actions`
 * names) that the account holds. An account the planner leaves to manual review keeps its
 * memberships too: nobody removes half of someone's access by hand and half automatically.
 * Planned from what the vendor lists now, so a plan made again after a partial failure holds only
 * the memberships still left.
 */
export function removingMemberships<Step extends OffboardingStep>(
  planner: OffboardingPlanner<Step>,
  actions: MembershipActions,
): OffboardingPlanner<Step | MembershipStep> {
  return (account, login, held = []) => {
    const steps = planner(account, login, held);
    if (steps.every((step) => step.action === "manual.review")) return steps;
    const key = sourceKey(account.source);
    const removals = held.flatMap(({ grant, entitlement }): MembershipStep[] => {
      const action = actions[entitlement.kind];
      if (action === undefined || sourceKey(grant.account) !== key) return [];
      const { kind, id, name } = entitlement;
      return [
        {
          vendor: account.source.vendor,
          action,
          account: account.source,
          entitlement: { kind, id, name },
          ...(grant.membershipId !== undefined && { membershipId: grant.membershipId }),
          description: `Remove ${login ?? account.source.id} from ${kind} "${name}" (id ${id}).`,
        },
      ];
    });
    return [...removals, ...steps];
  };
}

export interface MembershipExecutorOptions<Step extends MembershipStep> {
  readonly vendor: string;
  /** The one step action this executor carries out. */
  readonly action: Step["action"];
  /** Steps must name the membership itself (`membershipId`): a rotation's user entry. */
  readonly byMembershipId?: boolean;
  /** Sends the removal; a 404 (the membership or the entitlement is gone already) counts as done. */
  remove(step: Step): Promise<FetchResult>;
  /** Reads the entitlement back: true while it still lists the account. */
  stillMember(step: Step): Promise<boolean>;
}

/**
 * An executor whose steps each take an account out of one entitlement. A step without the ids it
 * needs is refused before anything is sent; it is done only when reading the entitlement back no
 * longer finds the account, never on the removal's word alone.
 */
export function membershipExecutor<Step extends MembershipStep>(
  options: MembershipExecutorOptions<Step>,
): OffboardingExecutor<Step> {
  const { vendor, action } = options;
  const refuse = stepRefusal(vendor);
  return {
    async execute(step) {
      requireAction(step, action, refuse);
      const targets: [string, unknown][] = [
        ["step.entitlement.id", step.entitlement?.id],
        ["step.account.id", step.account?.id],
      ];
      if (options.byMembershipId === true) targets.push(["step.membershipId", step.membershipId]);
      for (const [field, value] of targets) {
        if (typeof value !== "string" || value.trim() === "") {
          throw refuse(field, "must name the membership to remove");
        }
      }
      try {
        unwrap(await options.remove(step));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
      if (await options.stillMember(step)) {
        const { kind, id } = step.entitlement;
        throw new AccountStillPresentError(
          vendor,
          `${kind} ${id}`,
          `it still lists account ${step.account.id} after the removal`,
        );
      }
    },
  };
}

/** One executor for a vendor whose steps have several actions: each step goes to its action's. */
export function executorsByAction<Step extends OffboardingStep>(
  vendor: string,
  executors: Readonly<Record<string, OffboardingExecutor<never>>>,
): OffboardingExecutor<Step> {
  return {
    async execute(step) {
      const executor = Object.hasOwn(executors, step?.action) ? executors[step.action] : undefined;
      if (executor === undefined) {
        const actions = Object.keys(executors).join(", ");
        throw stepRefusal(vendor)(
          "step.action",
          `must be one of ${actions}, got ${JSON.stringify(step?.action)}`,
        );
      }
      await executor.execute(step as never);
    },
  };
}
