// Member lists as vendors nest them: a team's `members: [{ user: { id }, role }]`, a schedule's
// `rotations[].participants[]`, an escalation's `rules[].recipient`. One reader for all of them,
// so a connector says where its members are instead of reshaping its records.
import { isRecord } from "../is-record";
import { valueAt } from "./account-fields";

/**
 * A path to a record's member entries: dotted keys, where `[]` after a key walks into each item of
 * that list (`rotations[].participants`). A list at the end is its entries; anything else one entry.
 */
export type EntryPath = string;

/** Keeps the entries whose value at `path` is one of `equals` (`{ path: "type", equals: ["user"] }`). */
export interface EntryFilter {
  readonly path: string;
  readonly equals: readonly string[];
}

/** The entries at `path` in `record`: none when any step is missing or of the wrong shape. */
export function entriesAt(record: unknown, path: EntryPath): unknown[] {
  const [first = "", ...rest] = path.split("[].");
  let items: unknown[] = [valueAt(record, first)];
  for (const part of rest)
    items = items.flatMap((item) =>
      Array.isArray(item) ? item.map((entry: unknown) => valueAt(entry, part)) : [],
    );
  return items.flatMap((item) => (Array.isArray(item) ? item : item === undefined ? [] : [item]));
}

/** Whether an entry passes a filter (every entry when there is none). */
export function entryMatches(entry: unknown, filter: EntryFilter | undefined): boolean {
  if (filter === undefined) return true;
  const value = isRecord(entry) ? valueAt(entry, filter.path) : undefined;
  return typeof value === "string" && filter.equals.includes(value);
}
