// `rollcall directory`: one row per person, the most they can do in each vendor, how many teams and
// schedules they are in, then the summary.
import { summariseAccess, type Person, type PersonAccessSummary } from "@rollcall/core";
import type { PulledDirectory } from "../pull";
import type { Line } from "../terminal";
import type { CliVendor } from "../vendors";
import { renderSummary } from "./summary";
import { emailOf, nameOf } from "./roles";
import { textTable } from "./text-table";

export const UNAVAILABLE = "unavailable";

/**
 * A person's cell in a vendor's column: the highest privilege they can use over the vendor, and
 * "team admin" when they administer a team there; "inactive" when their accounts there are all
 * disabled or pending invitations; blank when they have none.
 */
export function privilegeCell(
  person: Person,
  vendor: CliVendor,
  summary: PersonAccessSummary | undefined,
): string {
  const held = summary?.privileges[vendor];
  if (held !== undefined) {
    return summary!.teamAdminIn.includes(vendor) ? `${held}, team admin` : held;
  }
  return person.accounts.some((account) => account.source.vendor === vendor) ? "inactive" : "";
}

function schedulesCell(summary: PersonAccessSummary | undefined): string {
  const count = String(summary?.schedules ?? 0);
  return summary?.onCallNow === true ? `${count} (on call)` : count;
}

export function renderDirectoryTable(pulled: PulledDirectory): Line[] {
  const summaries = summariseAccess(pulled.access);
  const header = [
    "Name",
    "Email",
    ...pulled.pulls.map((pull) => (pull.status === "ok" ? pull.vendor : `${pull.vendor}!`)),
    "Teams",
    "Schedules",
  ];
  const rows = pulled.directory.people.map((person) => {
    const summary = summaries.get(person.id);
    return [
      nameOf(person),
      emailOf(person),
      ...pulled.pulls.map((pull) =>
        pull.status === "ok" ? privilegeCell(person, pull.vendor, summary) : UNAVAILABLE,
      ),
      String(summary?.teams ?? 0),
      schedulesCell(summary),
    ];
  });
  return [...textTable(header, rows), "", ...renderSummary(pulled)];
}
