// A small hand-built organisation for the review renderer: every finding the report lists, in
// records written here, so each test says exactly what it starts from.
import {
  buildAccessGraph,
  buildDirectory,
  defineAccount,
  email,
  timestampFromIso,
  type AccessRecords,
  type Account,
  type AccountStatus,
  type RoleLevel,
} from "@rollcall/core";
import type { ReviewInput, ReviewVendor } from "../../src/review/index";

export const NOW = new Date("2026-06-30T12:00:00Z");

/** The evidence files the README promises beside the page, in the order they are written. */
export const EVIDENCE_FILES = [
  "matrix.csv",
  "grants.csv",
  "changes.csv",
  "dormant.csv",
  "orphans.csv",
  "leavers.csv",
];

interface AccountSpec {
  readonly vendor: "alpha" | "beta" | "gamma";
  readonly id: string;
  readonly address?: string;
  readonly name?: string;
  readonly level?: RoleLevel;
  readonly role?: string;
  readonly status?: AccountStatus;
  readonly lastLogin?: string;
  readonly groups?: readonly string[];
}

export function account(spec: AccountSpec): Account {
  return defineAccount({
    source: { vendor: spec.vendor, kind: `${spec.vendor}.user`, id: spec.id },
    raw: {},
    emails: spec.address === undefined ? [] : [email(spec.address, "login")],
    names: {
      display: spec.name ?? null,
      given: null,
      family: null,
      derived: [],
    },
    status: spec.status ?? "active",
    role: { level: spec.level ?? "member", raw: spec.role ?? spec.level ?? "member" },
    groups: (spec.groups ?? []).map((name) => ({ id: name, name })),
    lastLoginAt: spec.lastLogin === undefined ? null : timestampFromIso(spec.lastLogin),
  });
}

export const VENDORS: readonly ReviewVendor[] = [
  { id: "alpha", name: "Alpha Cloud", complete: true },
  { id: "beta", name: "Beta Pager", complete: true },
  { id: "gamma", name: "Gamma Ops", complete: true },
];

/**
 * Olga owns Alpha; Adam is a Beta admin; Mo is a member everywhere; Lea is disabled in Beta but
 * still a Gamma admin (a leaver); an Alpha account with no address is an orphan. Alpha reports
 * logins (Mo's is old, Olga's recent, Adam's missing); Beta and Gamma do not.
 */
export function organisation(): Account[] {
  return [
    account({
      vendor: "alpha",
      id: "a1",
      address: "olga@x.example",
      name: "Olga Owner",
      level: "owner",
      role: "Owner",
      lastLogin: "2026-06-20T09:00:00Z",
    }),
    account({
      vendor: "alpha",
      id: "a2",
      address: "mo@x.example",
      name: "Mo Member",
      lastLogin: "2026-01-01T00:00:00Z",
    }),
    account({ vendor: "alpha", id: "a3", address: "adam@x.example", name: "Adam Admin" }),
    account({
      vendor: "alpha",
      id: "a4",
      name: "Nobody's",
      level: "admin",
      role: "Admin",
      groups: ["Ops"],
      lastLogin: "2026-06-29T00:00:00Z",
    }),
    account({
      vendor: "beta",
      id: "b1",
      address: "adam@x.example",
      name: "Adam Admin",
      level: "admin",
      role: "Admin",
    }),
    account({
      vendor: "beta",
      id: "b2",
      address: "lea@x.example",
      name: "Lea Leaver",
      status: "disabled",
    }),
    account({ vendor: "beta", id: "b3", address: "mo@x.example", name: "Mo Member" }),
    account({
      vendor: "gamma",
      id: "g1",
      address: "lea@x.example",
      name: "Lea Leaver",
      level: "admin",
      role: "Administrator",
    }),
  ];
}

export function reviewInput(
  accounts: readonly Account[] = organisation(),
  overrides: Partial<ReviewInput> = {},
  records: readonly AccessRecords[] = [],
): ReviewInput {
  const directory = buildDirectory(accounts, { vendors: VENDORS.map((vendor) => vendor.id) });
  return {
    generatedAt: NOW,
    directory,
    access: buildAccessGraph(directory, records),
    vendors: VENDORS,
    ...overrides,
  };
}

/** The CSV file's rows as cells (no quoted commas in these fixtures' values unless a test says). */
export function csvRows(csv: string): string[][] {
  return csv
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));
}
