import type { Account, AccountSource } from "./account";
import { accessOf, buildAccessGraph, type AccessEntry, type AccessGraph } from "./access-graph";
import { offboardingFindings, type OffboardingFinding } from "./access-risks";
import type { ContactMatch, Directory, Person } from "./directory";
import { lookupEmail } from "./directory-queries";
import { IdentityError } from "./identity-error";
import { redact } from "../runtime/redaction";
import type { VendorId } from "./vendors";

/**
 * One thing to do to remove a person's access. Core knows only this shape: each vendor package
 * declares its own steps (extending it with the fields its executor needs, e.g. a user id) and
 * plans them for its accounts; `executeOffboarding` hands each step to its vendor's executor.
 */
export interface OffboardingStep {
  /** Which vendor's executor carries the step out. */
  readonly vendor: VendorId;
  /** `<vendor>.<verb>` for an automatic action, or `manual.review`. */
  readonly action: string;
  /** What the step does, for a person reviewing the plan. */
  readonly description: string;
  /** The account the step acts on. */
  readonly account: AccountSource;
}

/** An account with no automatic action (no planner for its vendor, or a record missing what one needs). */
export interface ManualReview extends OffboardingStep {
  readonly action: "manual.review";
}

/**
 * A vendor's offboarding planner: the steps that remove one of its accounts. `login` is the
 * address the account signs in with, as the vendor wrote it (null when it has none); `held`, what
 * the person holds (the access graph's entries: teams, groups, schedules), for a vendor that must
 * take the account out of them first. Return {@link manualReview} for an account it cannot act on.
 */
export type OffboardingPlanner<Step extends OffboardingStep = OffboardingStep> = (
  account: Account,
  login: string | null,
  held?: readonly AccessEntry[],
) => readonly (Step | ManualReview)[];

/** Planners by vendor id. An account of a vendor without one gets a manual-review step. */
export interface OffboardingPlanners {
  readonly [vendor: string]: OffboardingPlanner | undefined;
}

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
  /**
   * What must change before the plan may run (they are the only owner or admin of a vendor or
   * team, or on call now). {@link executeOffboarding} refuses a plan with any.
   */
  readonly blockers: readonly OffboardingFinding[];
  /** What the plan will break that someone should look at (rotations and policies losing them). */
  readonly warnings: readonly OffboardingFinding[];
}

/** Options for {@link planOffboarding}. */
export interface PlanOptions {
  /**
   * The access graph to check the plan against (with the teams, schedules and roles connectors
   * read). Default: one built from the directory alone: accounts' roles and groups.
   */
  readonly access?: AccessGraph;
}

function loginAddress(account: Account): string | null {
  // Every account of a planned person joined it by a login/primary address, so emails is a list.
  const login = account.emails.find((entry) => entry.kind === "login" || entry.kind === "primary");
  return login?.value.trim() ?? null;
}

/** The step that leaves an account to a person, saying why. */
export function manualReview(account: Account, why: string): ManualReview {
  const { vendor, kind, id } = account.source;
  return {
    vendor,
    action: "manual.review",
    account: account.source,
    description: `Review ${kind} account ${id} by hand: ${why}.`,
  };
}

function stepsFor(
  account: Account,
  planners: OffboardingPlanners,
  held: readonly AccessEntry[],
): readonly OffboardingStep[] {
  const planner = planners[account.source.vendor];
  if (typeof planner !== "function") {
    return [manualReview(account, "no offboarding planner was given for its vendor")];
  }
  return planner(account, loginAddress(account), held);
}

/**
 * Plan the removal of the person who owns `email` (login/primary addresses only: a backup or
 * contact match is not enough to delete anyone): each of their accounts gets the steps its vendor's
 * planner gives (connectors carry them: `connector.planOffboarding`), or a manual-review step when
 * `planners` has none for its vendor. Throws {@link IdentityError} for a malformed address or when
 * no one has it.
 */
export function planOffboarding(
  directory: Directory,
  email: string,
  planners: OffboardingPlanners,
  options: PlanOptions = {},
): OffboardingPlan {
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
  const graph = options.access ?? buildAccessGraph(directory);
  const findings = offboardingFindings(graph, person.id);
  const held = accessOf(graph, person.id);
  return {
    personId: person.id,
    displayName: person.displayName,
    email: person.primaryEmail ?? email,
    steps: person.accounts.flatMap((account) => stepsFor(account, planners, held)),
    reviewContacts: person.contactMatches,
    blockers: findings.filter((finding) => finding.severity === "blocker"),
    warnings: findings.filter((finding) => finding.severity === "warning"),
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
 * Run a plan step by step. Refuses, touching nothing, a plan with blockers (an
 * {@link IdentityError} `offboarding-blocked`): plan again once they are resolved. A failing step is reported and the rest still run (one vendor's outage
 * should not leave the others untouched) unless `stopOnFailure` is set. Steps never run in
 * parallel, so a vendor's read-modify-write updates cannot race.
 */
export async function executeOffboarding(
  plan: OffboardingPlan,
  executors: OffboardingExecutors,
  options: ExecuteOptions = {},
): Promise<OffboardingResult> {
  const blockers = plan.blockers ?? [];
  if (blockers.length > 0) {
    throw new IdentityError(
      "offboarding-blocked",
      `nothing was changed: ${blockers.map((blocker) => blocker.message).join("; ")}`,
      "plan.blockers",
    );
  }
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
