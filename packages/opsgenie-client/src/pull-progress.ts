// TODO(core): every vendor package reports pull progress with this shape; core could own it.
/** What `pullAccounts` reports after each page it fetched. */
export interface PullProgress<Item> {
  vendor: string;
  /** 1-based page number. */
  page: number;
  /** The raw records on that page. */
  items: readonly Item[];
}

/** Options of `pullAccounts`. */
export interface PullOptions<Item> {
  /** Called after each page, e.g. to show progress. */
  onPage?: (progress: PullProgress<Item>) => void;
}
