// `rollcall directory --csv`: RFC 4180 rows (the terminal ends each with CRLF), one per person.
// Control characters in a cell are shown as `\uXXXX` escapes when printed, like everywhere else.
import type { PulledDirectory } from "../pull";
import { UNAVAILABLE } from "./directory-table";
import { emailOf, nameOf, rolesIn } from "./roles";

export function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderDirectoryCsv(pulled: PulledDirectory): string[] {
  const header = ["name", "email", ...pulled.pulls.map((pull) => pull.vendor)];
  const rows = pulled.directory.people.map((person) => [
    nameOf(person),
    emailOf(person),
    ...pulled.pulls.map((pull) =>
      pull.status === "ok" ? (rolesIn(person, pull.vendor) ?? "") : UNAVAILABLE,
    ),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(","));
}
