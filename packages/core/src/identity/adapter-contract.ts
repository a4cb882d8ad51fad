// What every vendor adapter's `pullAccounts` reports while it runs; its result is `AdapterResult`.

/** What `pullAccounts` reports after each page it fetched. */
export interface PullProgress<Item> {
  vendor: string;
  /** 1-based page number. */
  page: number;
  /** The raw records on that page. */
  items: readonly Item[];
}

/** Options every vendor's `pullAccounts` accepts. */
export interface PullOptions<Item> {
  /** Called after each page, e.g. to show progress. */
  onPage?: (progress: PullProgress<Item>) => void;
}

/**
 * The reads of a pull run side by side: every one's value in order, once all have ended. The first
 * failure (in order) is thrown only then, so no read is left running behind a failed pull.
 */
export async function allSettledInOrder<const T extends readonly unknown[]>(reads: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(reads);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as never;
}
