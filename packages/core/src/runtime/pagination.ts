import { ClientValidationError, PaginationError, type PaginationFailure } from "./errors";

/** One page as a vendor's fetcher returns it. */
export interface Page<T, C> {
  items: readonly T[];
  /** Cursor of the next page; undefined when the server says there is none. */
  next: C | undefined;
}

export interface PaginateOptions<T, C> {
  /** Fetches the page at `cursor` (the `first` cursor for the first page). */
  fetchPage: (cursor: C, pageIndex: number) => Promise<Page<T, C>>;
  /** Cursor of the first page, e.g. `{ offset: 0 }` or `1`. */
  first: C;
  /** When set, a page with fewer items than this is the last one (saves a request). */
  pageSize?: number;
  /** Runaway guard: more pages than this is an error (default 10 000). */
  maxPages?: number;
  /** Vendor id for errors. */
  vendor?: string;
  /** How to compare cursors for the repeated-cursor guard (default: JSON). */
  cursorKey?: (cursor: C) => string;
}

/** Refuses paging options that are not positive integers, naming the first such field. */
export function requirePositive(vendor: string | undefined, fields: Record<string, number>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new ClientValidationError({
        vendor: vendor ?? "unknown",
        operation: "paginate",
        field,
        message: `must be a positive integer, got ${String(value)}`,
      });
    }
  }
}

/** Builds a walk's PaginationErrors. */
export const paginationFailure =
  (vendor: string | undefined) => (reason: PaginationFailure, pagesFetched: number, why: string) =>
    new PaginationError({
      vendor,
      reason,
      pagesFetched,
      message: `${vendor ?? "pagination"}: ${why}`,
    });

/** What the repeated-page check keeps of the page before: its items and its first item's JSON. */
export interface PageSeen {
  readonly items: readonly unknown[];
  readonly first: string | undefined;
}

/**
 * The page's {@link PageSeen}, for the next page's check (undefined when empty), after throwing
 * `repeated-page` when its items repeat the page before (`previous`): the server ignored the
 * cursor. Only a page whose length and first item match the one before is compared whole, so a
 * walk serialises one item per page, not every item.
 */
export function notRepeating(
  fail: ReturnType<typeof paginationFailure>,
  items: readonly unknown[],
  previous: PageSeen | undefined,
  pageNumber: number,
): PageSeen | undefined {
  if (!items.length) return undefined;
  const seen = { items, first: JSON.stringify(items[0]) };
  if (
    previous !== undefined &&
    previous.items.length === items.length &&
    previous.first === seen.first &&
    JSON.stringify(previous.items) === JSON.stringify(items)
  ) {
    throw fail(
      "repeated-page",
      pageNumber,
      `page ${pageNumber} repeats page ${pageNumber - 1} (the server ignored the cursor)`,
    );
  }
  return seen;
}

/** A page as {@link pages} yields it, with progress counters. */
export interface FetchedPage<T, C> {
  items: readonly T[];
  cursor: C;
  /** 1-based number of this page. */
  pageNumber: number;
  /** Items yielded so far, this page included. */
  itemsSoFar: number;
}

/**
 * Pages of a listing, fetched one at a time as the loop asks for them (so memory holds one page).
 * Stops after an empty page, a page shorter than `pageSize`, or one without a next cursor; throws a
 * {@link PaginationError} if the server repeats a cursor, answers a new cursor with the same items as
 * the page before (it ignores the cursor), or exceeds `maxPages` (default 10 000).
 */
export async function* pages<T, C>(
  options: PaginateOptions<T, C>,
): AsyncGenerator<FetchedPage<T, C>, void, undefined> {
  const { fetchPage, pageSize, vendor, maxPages = 10_000 } = options;
  requirePositive(vendor, { maxPages, pageSize: pageSize ?? 1 });
  const keyOf = options.cursorKey ?? ((cursor: C) => JSON.stringify(cursor) ?? String(cursor));
  const seen = new Set<string>();
  const fail = paginationFailure(vendor);
  let cursor = options.first;
  let itemsSoFar = 0;
  // The previous page: a server that ignores the cursor answers the same page again.
  let previous: PageSeen | undefined;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > maxPages)
      throw fail("max-pages", maxPages, `still more pages after ${maxPages} (raise maxPages)`);
    const key = keyOf(cursor);
    if (seen.has(key)) {
      throw fail("repeated-cursor", pageNumber - 1, `cursor ${key.slice(0, 100)} came back`);
    }
    seen.add(key);
    const { items, next } = await fetchPage(cursor, pageNumber - 1);
    previous = notRepeating(fail, items, previous, pageNumber);
    itemsSoFar += items.length;
    if (items.length) yield { items, cursor, pageNumber, itemsSoFar };
    if (!items.length || next === undefined || items.length < (pageSize ?? 0)) return;
    cursor = next;
  }
}

/** Items of a listing, one at a time, fetching each page only when the previous one is used up. */
export async function* paginate<T, C>(
  options: PaginateOptions<T, C>,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(options)) yield* page.items;
}
