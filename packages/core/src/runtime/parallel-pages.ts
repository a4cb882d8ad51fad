import {
  notRepeating,
  paginationFailure,
  requirePositive,
  type FetchedPage,
  type PageSeen,
} from "./pagination";

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
  /**
   * Fetches the page at 0-based `index` (offset index × pageSize, or page number index + 1).
   * `signal` aborts when the walk no longer needs the page (it ended, failed or was stopped).
   */
  fetchPage: (index: number, signal: AbortSignal) => Promise<IndexedPage<T, B>>;
  pageSize: number;
  /** Pages in flight at once (≥ 1). */
  concurrency: number;
  /** Runaway guard: a total needing more pages than this is an error (default 10 000). */
  maxPages?: number;
  vendor?: string;
  /**
   * When the first page states no usable total, fetch ahead anyway: right for offsets, whose next
   * cursor never depends on the page before. Otherwise such a walk goes one page at a time.
   */
  lookAhead?: boolean;
}

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Pages of a listing whose first page states the total: the rest are fetched `concurrency` at a
 * time and yielded in order, so memory holds at most `2 × concurrency` pages. Every page must agree
 * with the total (the same total, a full page before the last, exactly the remainder on the last),
 * else a {@link PaginationError} `inconsistent-total`: the list changed or the total lies, and the
 * walk cannot know what it missed. A page repeating the one before is `repeated-page`, as in
 * {@link pages}. When the first page states no usable total, the walk stops at an empty or short
 * page, and goes one page at a time unless `lookAhead`: then each full page doubles how far ahead it
 * fetches (from 2, up to `concurrency`), so a one-page listing costs one request and a long one asks
 * for at most `concurrency - 1` past its end, which are aborted.
 */
export async function* parallelPages<T, B>(
  options: ParallelPagesOptions<T, B>,
): AsyncGenerator<FetchedPage<T, number> & { body: B }, void, undefined> {
  const { fetchPage, pageSize, concurrency, vendor, maxPages = 10_000, lookAhead } = options;
  requirePositive(vendor, { concurrency, maxPages, pageSize });
  const fail = paginationFailure(vendor);
  const unneeded = new AbortController();

  const first = await fetchPage(0, unneeded.signal);
  const total = first.total;
  const known = isCount(total);
  const pageCount = known ? Math.max(1, Math.ceil(total / pageSize)) : Infinity;
  if (known && pageCount > maxPages)
    throw fail("max-pages", 1, `the total of ${total} items needs more than ${maxPages} pages`);
  // Without a total, nothing is asked for until the first page proves full.
  let width = known ? concurrency : 0;

  // Pages asked for and not yet yielded, in order. A request is sent as soon as one settles, not
  // when the caller reads a page, so a slow page holds up only the yield; at most `width` are in
  // flight and `2 × width` held, which keeps memory flat.
  const ahead: Promise<IndexedPage<T, B>>[] = [];
  let requested = 1;
  let open = 0;
  let stopped = false;
  const settled = () => {
    open -= 1;
    launch();
  };
  const failed = () => {
    open -= 1;
    stopped = true; // the walk throws when it reaches this page: ask for nothing more
  };
  const launch = () => {
    const end = Math.min(pageCount, maxPages);
    while (!stopped && requested < end && open < width && ahead.length < 2 * width) {
      open += 1;
      const page = fetchPage(requested++, unneeded.signal);
      // Awaited in order later; until then a failure must not count as unhandled.
      page.then(settled, failed);
      ahead.push(page);
    }
  };

  let previous: PageSeen | undefined;
  let itemsSoFar = 0;
  try {
    for (let index = 0; index < pageCount; index++) {
      if (index >= maxPages)
        throw fail("max-pages", maxPages, `still more pages after ${maxPages} (raise maxPages)`);
      launch();
      const page = index === 0 ? first : await ahead.shift()!;
      launch();
      const { items, total: stated, body, cursor } = page;
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
      if (!known) {
        if (items.length < pageSize) return;
        width = lookAhead ? Math.min(concurrency, Math.max(2, width * 2)) : 1;
      }
    }
  } finally {
    // The end, a consumer that stops early, or a failure: pages still in flight are not needed.
    stopped = true;
    ahead.length = 0;
    unneeded.abort();
  }
}
