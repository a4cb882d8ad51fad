// `rollcall directory`: one row per person, one column per vendor, then the summary.
import type { PulledDirectory } from "../pull";
import type { Line } from "../terminal";
import { renderSummary } from "./summary";
import { emailOf, nameOf, rolesIn } from "./roles";
import { textTable } from "./text-table";

export const UNAVAILABLE = "unavailable";

export function renderDirectoryTable(pulled: PulledDirectory): Line[] {
  const header = [
    "Name",
    "Email",
    ...pulled.pulls.map((pull) => (pull.status === "ok" ? pull.vendor : `${pull.vendor}!`)),
  ];
  const rows = pulled.directory.people.map((person) => [
    nameOf(person),
    emailOf(person),
    ...pulled.pulls.map((pull) =>
      pull.status === "ok" ? (rolesIn(person, pull.vendor) ?? "") : UNAVAILABLE,
    ),
  ]);
  return [...textTable(header, rows), "", ...renderSummary(pulled)];
}
