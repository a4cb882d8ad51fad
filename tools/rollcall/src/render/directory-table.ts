// `rollcall directory`: one row per person, one column per vendor, then the summary.
import type { PulledDirectory } from "../pull";
import type { Style } from "../terminal";
import { renderSummary } from "./summary";
import { emailOf, nameOf, rolesIn } from "./roles";
import { textTable } from "./text-table";

export const UNAVAILABLE = "unavailable";

export function renderDirectoryTable(pulled: PulledDirectory, style: Style): string {
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
  return textTable(header, rows, style.bold) + "\n" + renderSummary(pulled, style);
}
