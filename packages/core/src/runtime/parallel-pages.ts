import { notRepeating, paginationFailure, requirePositive, type FetchedPage } from "./pagination";

/** One page by its 0-based index, with the listing's total as that page states it. */
export interface IndexedPage<T, B> {
  items: readonly T[];
  /** The page's position as the request named it (its offset or page number). */
  cursor: number;
  /** The total item count the page states; undefined when it states none. */
  total: unknown;
  /** The whole response body, handed on with the page. */
  body: B;
}

export interface ParallelPagesOptions<T, B> {
  /** Fetches the page at 0-based `index` (offset index × pageSize, or page number index + 1). */
  fetchPage: (index: number) => Promise<IndexedPage<T, B>>;
  pageSize: number;
  /** Pages in flight at once (≥ 1). */
  concurrency: number;
  /** Runaway guard: a total needing more pages than this is an error (default 10 000). */
  maxPages?: number;
  vendor?: string;
}

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Pages of a listing whose first page states the total: the rest are fetched `concurrency` at a
 * time and yielded in order, so memory holds at most `concurrency` pages. Every page must agree
 * with the total (the same total, a full page before the last, exactly the remainder on the last),
 * else a {@link PaginationError} `inconsistent-total`: the list changed or the total lies, and the
 * walk cannot know what it missed. A page repeating the one before is `repeated-page`, as in
 * {@link pages}. When the first page states no usable total, the walk goes one page at a time and
 * stops at an empty or short page.
 */
export async function* parallelPages<T, B>(
  options: ParallelPagesOptions<T, B>,
): AsyncGenerator<FetchedPage<T, number> & { body: B }, void, undefined> {
  const { fetchPage, pageSize, concurrency, vendor, maxPages = 10_000 } = options;
  requirePositive(vendor, { concurrency, maxPages, pageSize });
  const fail = paginationFailure(vendor);

  const first = await fetchPage(0);
  const total = first.total;
  const known = isCount(total);
  const pageCount = known ? Math.max(1, Math.ceil(total / pageSize)) : Infinity;
  if (known && pageCount > maxPages)
    throw fail("max-pages", 1, `the total of ${total} items needs more than ${maxPages} pages`);
  const width = known ? concurrency : 1;

  // Fetches ahead of the page being yielded, never more than `width` at once.
  const inFlight: Promise<IndexedPage<T, B>>[] = [Promise.resolve(first)];
  let requested = 1;
  const topUp = () => {
    while (requested < pageCount && inFlight.length < width) {
      const page = fetchPage(requested++);
      // Awaited in order later; until then a failure must not count as unhandled.
      page.catch(() => undefined);
      inFlight.push(page);
    }
  };

  let previous: string | undefined;
  let itemsSoFar = 0;
  try {
    for (let index = 0; index < pageCount; index++) {
      if (index >= maxPages)
        throw fail("max-pages", maxPages, `still more pages after ${maxPages} (raise maxPages)`);
      topUp();
      const { items, total: stated, body, cursor } = await inFlight.shift()!;
      const pageNumber = index + 1;
      if (known) {
        const expected = index < pageCount - 1 ? pageSize : total - index * pageSize;
        if (stated !== total || items.length !== expected) {
          throw fail(
            "inconsistent-total",
            pageNumber,
            `page ${pageNumber} has ${items.length} items and states a total of ` +
              `${String(stated).slice(0, 20)}, where page 1 stated ${total} (the list changed or the total is wrong)`,
          );
        }
      }
      previous = notRepeating(fail, items, previous, pageNumber);
      itemsSoFar += items.length;
      if (items.length) yield { items, cursor, pageNumber, itemsSoFar, body };
      if (!known && items.length < pageSize) return;
    }
  } finally {
    // A consumer that stops early, or a failure: pages still in flight are dropped unread.
    inFlight.length = 0;
  }
}
