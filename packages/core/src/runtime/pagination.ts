import { ClientValidationError, PaginationError } from "./errors";

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

/** A page as {@link pages} yields it, with progress counters. */
export interface FetchedPage<T, C> {
  items: readonly T[];
  cursor: C;
  /** 1-based number of this page. */
  pageNumber: number;
  /** Items yielded so far, this page included. */
  itemsSoFar: number;
}

const DEFAULT_MAX_PAGES = 10_000;

/**
 * Pages of a listing, fetched one at a time as the loop asks for them (so memory holds one page).
 * Stops after an empty page, a page shorter than `pageSize`, or one without a next cursor; throws a
 * {@link PaginationError} if the server repeats a cursor or exceeds `maxPages`.
 */
export async function* pages<T, C>(
  options: PaginateOptions<T, C>,
): AsyncGenerator<FetchedPage<T, C>, void, undefined> {
  const { fetchPage, pageSize, vendor } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw invalid(vendor, "maxPages", `must be a positive integer, got ${String(maxPages)}`);
  }
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1)) {
    throw invalid(vendor, "pageSize", `must be a positive integer, got ${String(pageSize)}`);
  }
  const keyOf = options.cursorKey ?? ((cursor: C) => JSON.stringify(cursor) ?? String(cursor));
  const seen = new Set<string>();
  let cursor = options.first;
  let itemsSoFar = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    if (pageNumber > maxPages) {
      throw new PaginationError({
        vendor,
        reason: "max-pages",
        pagesFetched: pageNumber - 1,
        message: `${vendor ?? "pagination"}: still more pages after ${maxPages}; stopping (raise maxPages if the listing is really this long)`,
      });
    }
    const key = keyOf(cursor);
    if (seen.has(key)) {
      throw new PaginationError({
        vendor,
        reason: "repeated-cursor",
        pagesFetched: pageNumber - 1,
        message: `${vendor ?? "pagination"}: the server pointed back to an already-fetched page (cursor ${key.slice(0, 100)}) after ${pageNumber - 1} pages`,
      });
    }
    seen.add(key);
    const page = await fetchPage(cursor, pageNumber - 1);
    itemsSoFar += page.items.length;
    if (page.items.length > 0) yield { items: page.items, cursor, pageNumber, itemsSoFar };
    const last =
      page.items.length === 0 ||
      page.next === undefined ||
      (pageSize !== undefined && page.items.length < pageSize);
    if (last) return;
    cursor = page.next as C;
  }
}

/** Items of a listing, one at a time, fetching each page only when the previous one is used up. */
export async function* paginate<T, C>(
  options: PaginateOptions<T, C>,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(options)) yield* page.items;
}

function invalid(
  vendor: string | undefined,
  field: string,
  message: string,
): ClientValidationError {
  return new ClientValidationError({
    vendor: vendor ?? "unknown",
    operation: "paginate",
    field,
    message,
  });
}
