import type { AccountSource } from "./account";

/** One string per vendor record, for maps keyed by account. */
export function sourceKey(source: AccountSource): string {
  return `${source.vendor}\u0000${source.kind}\u0000${source.id}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order accounts by vendor, kind, then id — the order people's accounts are listed in. */
export function compareSources(a: AccountSource, b: AccountSource): number {
  return (
    compareStrings(a.vendor, b.vendor) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.id, b.id)
  );
}

/**
 * Orders two records that tie on everything else by their content, so input order cannot show.
 * Content JSON cannot write (a BigInt, a cycle) reads as empty: such records tie, never throw.
 */
export function compareContent(a: unknown, b: unknown): number {
  return compareStrings(contentOf(a), contentOf(b));
}

function contentOf(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? "";
  } catch {
    return "";
  }
}

export { compareStrings };
