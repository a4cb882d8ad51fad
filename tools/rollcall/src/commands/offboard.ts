import {
  executeOffboarding,
  IdentityError,
  planOffboarding,
  type OffboardingExecutor,
  type OffboardingExecutors,
  type OffboardingPlan,
  type OffboardingStep,
} from "@rollcall/core";
import { EXIT } from "../exit-codes";
import { renderFindings } from "../render/access";
import { renderOutcomes, renderPlan } from "../render/plan";
import type { Session } from "../session";
import { style } from "../terminal";

/** The clients' executors, each step announced on stderr as it starts. */
function announcedExecutors(session: Session): OffboardingExecutors {
  const executors: Record<string, OffboardingExecutor<OffboardingStep>> = {};
  for (const { vendor, client } of session.connections.list) {
    if (client === undefined) continue;
    const inner = client.executor();
    executors[vendor] = {
      execute: async (step) => {
        session.terminal.err(`${vendor}: ${step.description}`);
        await inner.execute(step);
      },
    };
  }
  return executors;
}

export async function offboardCommand(
  session: Session,
  email: string,
  apply: boolean,
): Promise<number> {
  const { terminal, pulled } = session;
  let plan: OffboardingPlan;
  try {
    // Planned by every requested vendor's connector, read or not: the plan covers what was read.
    const planners = Object.fromEntries(
      session.connections.list.map(({ vendor, connector }) => [vendor, connector.planOffboarding]),
    );
    plan = planOffboarding(pulled.directory, email, planners, { access: pulled.access });
  } catch (error) {
    if (!(error instanceof IdentityError)) throw error;
    terminal.err(style.red(`rollcall: cannot offboard ${email}: ${error.message}`));
    return EXIT.notFoundOrFailed;
  }
  terminal.out([...renderFindings(plan.blockers, plan.warnings), ...renderPlan(plan)]);
  const unavailable = pulled.pulls.filter((pull) => pull.status !== "ok").map((p) => p.vendor);
  if (unavailable.length > 0) {
    terminal.err(
      style.yellow(
        `rollcall: the plan does not cover ${unavailable.join(", ")}: it could not be read`,
      ),
    );
  }
  if (plan.blockers.length > 0) {
    terminal.err(
      style.red("rollcall: nothing was changed: resolve the blockers above, then plan again"),
    );
    return EXIT.notFoundOrFailed;
  }
  if (!apply) {
    terminal.err("Nothing was changed. Run again with --apply to carry out this plan.");
    return pulled.partial ? EXIT.partial : EXIT.ok;
  }
  const result = await executeOffboarding(plan, announcedExecutors(session));
  terminal.out(renderOutcomes(result));
  if (result.outcomes.some((outcome) => outcome.status === "failed")) {
    return EXIT.notFoundOrFailed;
  }
  return pulled.partial ? EXIT.partial : EXIT.ok;
}
