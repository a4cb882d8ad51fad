// The CSV evidence beside the page, one file per section, written with the CLI's own CSV rows
// (formula cells defused) and control characters shown as `\uXXXX`, as on a terminal.
import { neutralise } from "../neutralise";
import { csvRow } from "../render/directory-csv";
import { emailOf, roleOf } from "../render/roles";
import { accountCanAct, type AccessEntry } from "@rollcall/core";
import { changeEntitlement, changePerson } from "./change-labels";
import type { ReviewFindings } from "./findings";
import { personLabel } from "./holdings";
import type { EvidenceFile } from "./input";
import { formatDay } from "./labels";

function csvFile(
  fileName: string,
  header: readonly string[],
  rows: readonly string[][],
): EvidenceFile {
  const lines = [header, ...rows].map((row) => csvRow(row.map(neutralise)));
  return { fileName, csv: lines.map((line) => `${line}\r\n`).join("") };
}

const GRANT_HEADER = [
  "vendor",
  "account_kind",
  "account_id",
  "entitlement_kind",
  "entitlement_id",
  "entitlement_name",
  "privilege",
  "via",
  "usable",
];

function grantCells({ grant, entitlement, active }: AccessEntry): string[] {
  return [
    entitlement.vendor,
    grant.account.kind,
    grant.account.id,
    entitlement.kind,
    entitlement.id,
    entitlement.name,
    grant.privilege,
    grant.via,
    active ? "yes" : "no",
  ];
}

function matrixCsv({ matrix, input }: ReviewFindings): EvidenceFile {
  const rows = matrix.map((row) => [
    personLabel(row.person),
    emailOf(row.person),
    ...row.cells.map((cell) =>
      cell.state !== "held"
        ? cell.state
        : `${cell.privilege}${cell.active ? "" : " (inactive)"}${cell.teamAdmin ? " (team admin)" : ""}`,
    ),
  ]);
  return csvFile("matrix.csv", ["name", "email", ...input.vendors.map((v) => v.id)], rows);
}

function grantsCsv({ input }: ReviewFindings): EvidenceFile {
  const people = new Map(input.directory.people.map((person) => [person.id, person]));
  const rows = input.access.entries.map((entry) => {
    const person = entry.personId === null ? undefined : people.get(entry.personId);
    return [
      entry.personId ?? "",
      person === undefined ? "" : personLabel(person),
      ...grantCells(entry),
    ];
  });
  return csvFile("grants.csv", ["person_id", "name", ...GRANT_HEADER], rows);
}

function changesCsv({ changes }: ReviewFindings): EvidenceFile {
  const header = [
    "type",
    "vendor",
    "person",
    "account_kind",
    "account_id",
    "entitlement",
    "from",
    "to",
  ];
  const rows = (changes?.changes ?? []).map((change) => [
    change.type,
    change.vendor ?? "",
    changePerson(change),
    change.account?.kind ?? "",
    change.account?.id ?? "",
    changeEntitlement(change),
    change.from ?? "",
    change.to ?? "",
  ]);
  // Vendors not compared are stated, one row each, so the file alone never reads as "no change".
  for (const vendor of changes?.unknownVendors ?? [])
    rows.push(["not-compared", vendor, "", "", "", "", "", ""]);
  return csvFile("changes.csv", header, rows);
}

function dormantCsv({ dormant }: ReviewFindings): EvidenceFile {
  const rows = dormant.accounts.map(({ person, account, lastLogin, days }) => [
    "dormant",
    account.source.vendor,
    personLabel(person),
    account.source.kind,
    account.source.id,
    roleOf(account),
    account.status,
    lastLogin === null ? "none recorded" : formatDay(lastLogin),
    days === null ? "" : String(days),
  ]);
  for (const vendor of dormant.notReported)
    rows.push(["not-reported", vendor, "", "", "", "", "", "", ""]);
  const header = [
    "finding",
    "vendor",
    "person",
    "account_kind",
    "account_id",
    "role",
    "status",
    "last_login",
    "days_since",
  ];
  return csvFile("dormant.csv", header, rows);
}

function orphansCsv({ orphans }: ReviewFindings): EvidenceFile {
  const accounts = orphans.accounts.flatMap((person) =>
    person.accounts.map((account) => [
      "account",
      account.source.vendor,
      account.source.kind,
      account.source.id,
      "",
      "",
      roleOf(account),
      account.role.level,
      "",
      accountCanAct(account) ? "yes" : "no",
    ]),
  );
  const grants = orphans.grants.map((entry) => ["grant", ...grantCells(entry)]);
  return csvFile("orphans.csv", ["type", ...GRANT_HEADER], [...accounts, ...grants]);
}

function leaversCsv({ leavers }: ReviewFindings): EvidenceFile {
  const rows = leavers.flatMap((leaver) =>
    [...leaver.usable, ...leaver.inactive].map((entry) => [
      leaver.person.id,
      personLabel(leaver.person),
      leaver.disabledIn.join(" "),
      ...grantCells(entry),
    ]),
  );
  return csvFile("leavers.csv", ["person_id", "name", "disabled_in", ...GRANT_HEADER], rows);
}

export function reviewEvidence(findings: ReviewFindings): EvidenceFile[] {
  return [matrixCsv, grantsCsv, changesCsv, dormantCsv, orphansCsv, leaversCsv].map((file) =>
    file(findings),
  );
}
