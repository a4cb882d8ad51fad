// `rollcall access` and the `grants` of `directory --json` / `whois --json`: what a person holds.
import type { AccessEntry, OffboardingFinding } from "@rollcall/core";
import { style, type Line } from "../terminal";
import { textTable } from "./text-table";

/** One grant for scripts; a schedule's also says whether its holder is on call now. */
export function grantJson({ grant, entitlement }: AccessEntry) {
  return {
    vendor: entitlement.vendor,
    kind: entitlement.kind,
    id: entitlement.id,
    name: entitlement.name,
    privilege: grant.privilege,
    via: grant.via,
    ...(entitlement.kind === "schedule" && { onCallNow: grant.onCallNow === true }),
  };
}

/** Most privileged first, as the access graph orders them; disabled accounts' grants marked. */
export function renderGrants(entries: readonly AccessEntry[]): Line[] {
  if (entries.length === 0)
    return ["No grants: none of their accounts holds a role or membership."];
  const rows = entries.map(({ grant, entitlement, active }) => [
    entitlement.vendor,
    entitlement.kind,
    entitlement.name,
    grant.privilege,
    [active ? "" : "inactive account", grant.onCallNow === true ? "on call now" : ""]
      .filter(Boolean)
      .join(", "),
    grant.via,
  ]);
  return textTable(["Vendor", "Kind", "Name", "Privilege", "Note", "Via"], rows);
}

/** Blockers in red, then warnings: printed before the plan's steps. */
export function renderFindings(
  blockers: readonly OffboardingFinding[],
  warnings: readonly OffboardingFinding[],
): Line[] {
  const lines: Line[] = [];
  if (blockers.length > 0) {
    lines.push(style.red(`Blocked: ${blockers.length} thing(s) must change first`));
    for (const blocker of blockers) lines.push(`  ! [${blocker.vendor}] ${blocker.message}`);
  }
  if (warnings.length > 0) {
    lines.push(style.bold(`Will break (review): ${warnings.length}`));
    for (const warning of warnings) lines.push(`  - [${warning.vendor}] ${warning.message}`);
  }
  return lines;
}
