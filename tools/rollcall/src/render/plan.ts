// `rollcall offboard`: the plan, and after --apply what happened to each step.
import type { OffboardingPlan, OffboardingResult } from "@rollcall/core";
import { style, type Line } from "../terminal";
import { describeContactMatch } from "./summary";

export function renderPlan(plan: OffboardingPlan): Line[] {
  const who = plan.displayName ? `${plan.displayName} <${plan.email}>` : plan.email;
  const lines: Line[] = [style.bold(`Offboarding plan for ${who}: ${plan.steps.length} step(s)`)];
  plan.steps.forEach((step, index) => {
    lines.push(`  ${index + 1}. [${step.vendor}] ${step.description}`);
  });
  if (plan.reviewContacts.length > 0) {
    lines.push(
      style.bold("Other people's accounts naming this address (not changed; review them):"),
    );
    for (const match of plan.reviewContacts) lines.push(`  - ${describeContactMatch(match)}`);
  }
  return lines;
}

export function renderOutcomes(result: OffboardingResult): Line[] {
  const lines: Line[] = [style.bold("Outcome:")];
  result.outcomes.forEach((outcome, index) => {
    const label =
      outcome.status === "done"
        ? style.green("done   ")
        : outcome.status === "failed"
          ? style.red("FAILED ")
          : style.yellow("skipped");
    const why = outcome.error ? ` — ${outcome.error.name}: ${outcome.error.message}` : "";
    lines.push([
      "  ",
      label,
      ` ${index + 1}. [${outcome.step.vendor}] ${outcome.step.description}${why}`,
    ]);
  });
  const counts = { done: 0, failed: 0, skipped: 0 };
  for (const outcome of result.outcomes) counts[outcome.status] += 1;
  lines.push(`${counts.done} done, ${counts.failed} failed, ${counts.skipped} skipped`);
  return lines;
}
