import type { Account, AccountSource } from "./account";
import type { ContactMatch, Directory, Person } from "./directory";
import { lookupEmail } from "./directory-queries";
import { IdentityError } from "./identity-error";
import { redact } from "../runtime/redaction";
import type { VendorId } from "./vendors";

interface StepBase {
  /** What the step does, for a person reviewing the plan. */
  readonly description: string;
  /** The account the step acts on. */
  readonly account: AccountSource;
}

export interface OpsgenieDeleteUser extends StepBase {
  readonly vendor: "opsgenie";
  readonly action: "opsgenie.deleteUser";
  readonly userId: string;
  readonly username: string | null;
}

export interface UptrendsDeleteOperator extends StepBase {
  readonly vendor: "uptrends";
  readonly action: "uptrends.deleteOperator";
  readonly operatorGuid: string;
}

/** Remove one user from the administrators list, leaving every other administrator in place. */
export interface EagleRemoveAdministrator extends StepBase {
  readonly vendor: "eagle";
  readonly action: "eagle.removeAdministrator";
  readonly email: string;
}

/**
 * Remove one user from one group. The executor must send every existing group back unchanged:
 * eagle.io permanently deletes groups missing from a PUT.
 */
export interface EagleRemoveGroupMember extends StepBase {
  readonly vendor: "eagle";
  readonly action: "eagle.removeGroupMember";
  readonly groupId: string;
  readonly groupName: string | null;
  readonly email: string;
}

export interface RootlyDeleteUser extends StepBase {
  readonly vendor: "rootly";
  readonly action: "rootly.deleteUser";
  readonly userId: string;
}

/** An account core has no action for (a fifth vendor, or a record missing what an action needs). */
export interface ManualReview extends StepBase {
  readonly vendor: VendorId;
  readonly action: "manual.review";
}

export type OffboardingStep =
  | OpsgenieDeleteUser
  | UptrendsDeleteOperator
  | EagleRemoveAdministrator
  | EagleRemoveGroupMember
  | RootlyDeleteUser
  | ManualReview;

/** What to do to remove one person everywhere: plain data to print, review or save. */
export interface OffboardingPlan {
  readonly personId: string;
  readonly displayName: string | null;
  readonly email: string;
  readonly steps: readonly OffboardingStep[];
  /**
   * Other people's accounts that list this person's address as a backup or contact. Not changed
   * by the plan; someone should update them.
   */
  readonly reviewContacts: readonly ContactMatch[];
}

function loginAddress(account: Account): string | null {
  // Every account of a planned person joined it by a login/primary address, so emails is a list.
  const login = account.emails.find((entry) => entry.kind === "login" || entry.kind === "primary");
  return login?.value.trim() ?? null;
}

function manual(account: Account, why: string): ManualReview {
  const { vendor, kind, id } = account.source;
  return {
    vendor,
    action: "manual.review",
    account: account.source,
    description: `Review ${kind} account ${id} by hand: ${why}.`,
  };
}

function stepsFor(account: Account): OffboardingStep[] {
  const source = account.source;
  const login = loginAddress(account);
  switch (source.kind) {
    case "opsgenie.user":
      return [
        {
          vendor: "opsgenie",
          action: "opsgenie.deleteUser",
          account: source,
          userId: source.id,
          username: login,
          description: `Delete OpsGenie user ${login ?? source.id} (id ${source.id}).`,
        },
      ];
    case "uptrends.operator":
      return [
        {
          vendor: "uptrends",
          action: "uptrends.deleteOperator",
          account: source,
          operatorGuid: source.id,
          description: `Delete Uptrends operator ${login ?? source.id} (OperatorGuid ${source.id}).`,
        },
      ];
    case "rootly.user":
      return [
        {
          vendor: "rootly",
          action: "rootly.deleteUser",
          account: source,
          userId: source.id,
          description: `Delete Rootly user ${login ?? source.id} (id ${source.id}).`,
        },
      ];
    case "eagle.administrator":
      return [
        {
          vendor: "eagle",
          action: "eagle.removeAdministrator",
          account: source,
          email: source.id,
          description: `Remove ${source.id} from the eagle.io administrators (other administrators stay).`,
        },
      ];
    case "eagle.groupMember": {
      const groups = (Array.isArray(account.groups) ? account.groups : []).filter(
        (group) => typeof group.id === "string" && group.id !== "",
      );
      if (groups.length === 0) return [manual(account, "it names no eagle.io group id")];
      return groups.map((group) => ({
        vendor: "eagle",
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
    default:
      return [manual(account, "core has no offboarding action for this kind of account")];
  }
}

/**
 * Plan the removal of the person who owns `email` (login/primary addresses only: a backup or
 * contact match is not enough to delete anyone). Throws {@link IdentityError} for a malformed
 * address or when no one has it.
 */
export function planOffboarding(directory: Directory, email: string): OffboardingPlan {
  const found = lookupEmail(directory, email);
  if (found === undefined || found.strength !== "login/primary") {
    throw new IdentityError(
      "person-not-found",
      found === undefined
        ? "no person has this address"
        : "this address is only a backup/contact address; offboard by a login or primary address",
      "email",
    );
  }
  const person: Person = found.person;
  return {
    personId: person.id,
    displayName: person.displayName,
    email: person.primaryEmail ?? email,
    steps: person.accounts.flatMap(stepsFor),
    reviewContacts: person.contactMatches,
  };
}

/**
 * Carries out one vendor's steps; supplied by that vendor's package. Throw to report failure.
 * Return only after reading the vendor back and finding the account gone: a vendor that answers
 * success but keeps the record, or a look-up that misses, must fail the step
 * (`AccountStillPresentError`), never report it done.
 */
export interface OffboardingExecutor<Step extends OffboardingStep = OffboardingStep> {
  // Method syntax on purpose: lets an executor typed for one vendor's steps fill its slot.
  execute(step: Step): Promise<void> | void;
}

/** Executors by vendor id. A vendor without one has its steps skipped (and reported). */
export interface OffboardingExecutors {
  readonly eagle?: OffboardingExecutor<EagleRemoveAdministrator | EagleRemoveGroupMember>;
  readonly rootly?: OffboardingExecutor<RootlyDeleteUser>;
  readonly opsgenie?: OffboardingExecutor<OpsgenieDeleteUser>;
  readonly uptrends?: OffboardingExecutor<UptrendsDeleteOperator>;
  readonly [vendor: string]: OffboardingExecutor<never> | undefined;
}

export interface StepOutcome {
  readonly step: OffboardingStep;
  readonly status: "done" | "failed" | "skipped";
  /** Why a step failed or was skipped; credentials are redacted. */
  readonly error?: { readonly name: string; readonly message: string };
}

export interface OffboardingResult {
  /** True only when every step is done. */
  readonly ok: boolean;
  readonly outcomes: readonly StepOutcome[];
}

export interface ExecuteOptions {
  /** Stop after the first failure (the rest are reported as skipped). Default false. */
  readonly stopOnFailure?: boolean;
}

function describeError(error: unknown): { name: string; message: string } {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  // No secrets are known here, so only credential shapes (Bearer …, ?apiKey=…, user:pass@) go.
  return { name: redact(name), message: redact(message || "the step failed") };
}

/**
 * Run a plan step by step. A failing step is reported and the rest still run (one vendor's outage
 * should not leave the others untouched) unless `stopOnFailure` is set. Steps never run in
 * parallel, so eagle.io's read-modify-write updates cannot race.
 */
export async function executeOffboarding(
  plan: OffboardingPlan,
  executors: OffboardingExecutors,
  options: ExecuteOptions = {},
): Promise<OffboardingResult> {
  const outcomes: StepOutcome[] = [];
  let stopped = false;
  for (const step of plan.steps) {
    if (stopped) {
      outcomes.push(skipped(step, "not run: an earlier step failed and stopOnFailure is set"));
      continue;
    }
    if (step.action === "manual.review") {
      outcomes.push(skipped(step, "needs a person: no automatic action exists"));
      continue;
    }
    const executor = executors[step.vendor] as OffboardingExecutor | undefined;
    if (executor === undefined || typeof executor.execute !== "function") {
      outcomes.push(skipped(step, `no executor was given for vendor "${step.vendor}"`));
      continue;
    }
    try {
      await executor.execute(step);
      outcomes.push({ step, status: "done" });
    } catch (error) {
      outcomes.push({ step, status: "failed", error: describeError(error) });
      if (options.stopOnFailure === true) stopped = true;
    }
  }
  return { ok: outcomes.every((outcome) => outcome.status === "done"), outcomes };
}

function skipped(step: OffboardingStep, message: string): StepOutcome {
  return { step, status: "skipped", error: { name: "Skipped", message } };
}
