// Small pieces every section shows alike: dates, vendor names, privilege badges, accounts.
import type { AccountSource, Privilege, VendorId } from "@rollcall/core";
import { html, type Html } from "./html";
import type { ReviewVendor } from "./input";

/** "2026-11-30 08:52 UTC": one unambiguous form for every date in the report. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type VendorNames = (vendor: VendorId | null) => string;

export function vendorNames(vendors: readonly ReviewVendor[]): VendorNames {
  const names = new Map(vendors.map((vendor) => [vendor.id, vendor.name]));
  return (vendor) => (vendor === null ? "" : (names.get(vendor) ?? vendor));
}

/** What a badge says: the word is always there, the colour only repeats it. */
export type BadgeLevel = Privilege | "none" | "not-read";

const BADGE_TEXT: Readonly<Record<BadgeLevel, string>> = {
  owner: "owner",
  admin: "admin",
  member: "member",
  limited: "limited",
  unknown: "unrated",
  none: "none",
  "not-read": "not read",
};

export function badge(level: BadgeLevel, note?: string): Html {
  const suffix = note === undefined ? "" : ` (${note})`;
  // A level this code does not know (a newer core) still shows its own name.
  return html`<span class="badge b-${level}">${BADGE_TEXT[level] ?? level}${suffix}</span>`;
}

export function accountLabel(source: AccountSource): string {
  return `${source.kind} ${source.id}`;
}
