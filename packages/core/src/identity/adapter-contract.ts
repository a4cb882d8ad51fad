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
