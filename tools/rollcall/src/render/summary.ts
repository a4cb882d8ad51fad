// The numbers under the directory table, also part of the JSON output.
import { accountsByVendor, peopleMissingFromVendors, type ContactMatch } from "@rollcall/core";
import type { PulledDirectory } from "../pull";
import { style, type Line } from "../terminal";
import type { CliVendor } from "../vendors";

export interface DirectorySummary {
  readonly people: number;
  /** Accounts per readable vendor; unavailable vendors are absent. */
  readonly accountsByVendor: Partial<Record<CliVendor, number>>;
  /** People with accounts in some of the readable vendors but not all. */
  readonly inSomeVendors: number;
  readonly contactOnlyMatches: readonly ContactMatch[];
  /** Records the adapters could not read, plus problems the directory build found. */
  readonly unreadableRecords: number;
  readonly unavailableVendors: readonly CliVendor[];
}

export function summarise({ pulls, directory }: PulledDirectory): DirectorySummary {
  const counts: Partial<Record<CliVendor, number>> = {};
  const readable: CliVendor[] = [];
  for (const pull of pulls) {
    if (pull.status !== "ok") continue;
    readable.push(pull.vendor);
    counts[pull.vendor] = accountsByVendor(directory, pull.vendor).length;
  }
  return {
    people: directory.people.length,
    accountsByVendor: counts,
    inSomeVendors: readable.length < 2 ? 0 : peopleMissingFromVendors(directory, readable).length,
    contactOnlyMatches: directory.people.flatMap((person) => person.contactMatches),
    unreadableRecords: directory.issues.length,
    unavailableVendors: pulls.filter((pull) => pull.status !== "ok").map((pull) => pull.vendor),
  };
}

export function describeContactMatch(match: ContactMatch): string {
  const { vendor, kind, id } = match.account;
  return `${match.email} is a ${match.via} address on ${kind} ${id} (${vendor}), whose person is ${match.personId}`;
}

export function renderSummary(pulled: PulledDirectory): Line[] {
  const summary = summarise(pulled);
  const accounts = pulled.pulls.map((pull) =>
    pull.status === "ok"
      ? `${pull.vendor} ${summary.accountsByVendor[pull.vendor] ?? 0}`
      : `${pull.vendor} unavailable`,
  );
  const lines: Line[] = [
    [style.bold("People:"), ` ${summary.people}`],
    [style.bold("Accounts:"), ` ${accounts.join(", ")}`],
    [style.bold("In some vendors but not all:"), ` ${summary.inSomeVendors}`],
    [style.bold("Contact-only matches:"), ` ${summary.contactOnlyMatches.length}`],
    ...summary.contactOnlyMatches.map((match) => `  ${describeContactMatch(match)}`),
    [style.bold("Records that could not be read:"), ` ${summary.unreadableRecords}`],
    ...pulled.directory.issues.map(
      (issue) =>
        `  ${issue.vendor} ${issue.kind}${issue.id ? ` ${issue.id}` : ""}: ${issue.reason}`,
    ),
  ];
  for (const pull of pulled.pulls) {
    if (pull.status !== "ok") {
      lines.push(style.red(`${pull.vendor}! unavailable: ${pull.error}`));
    }
  }
  return lines;
}
