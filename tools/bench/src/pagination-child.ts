// One auto-paginated listing size for one vendor, in its own process so its heap is its own. Run by
// the "pagination" section, which sends a PaginationJob over IPC (the credential never goes in argv).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Connector, ListOptions, PaginationRule } from "@rollcall/core";
import { credentialsOf } from "./descriptor-auth";
import { REGISTRY_VENDORS } from "./registry";
import { REPO_ROOT } from "./repo-paths";

export interface PaginationJob {
  /** A registry id whose package exports `listAllUsers`. */
  vendor: string;
  baseUrl: string;
  /** The simulator's credentials, by client option: they never go in argv. */
  settings: Record<string, string>;
  pageSize: number;
  rounds: number;
}

export interface ListingRun {
  items: number;
  pages: number;
  ms: number;
  /**
   * Highest live heap (heapUsed right after a full GC) seen while iterating, minus the same just
   * before: what the listing keeps, not how much garbage happened to await collection.
   */
  peakHeapDeltaBytes: number;
}

export interface PaginationResult {
  client: ListingRun[];
  raw: ListingRun[];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const SAMPLE_EVERY = 1000;

/** Tracks the live-heap high-water mark while a listing runs; its GC time is kept out of the timing. */
class HeapWatch {
  readonly #start: number;
  #peak = 0;
  gcMs = 0;
  constructor() {
    gc();
    this.#start = process.memoryUsage().heapUsed;
  }
  sample(): void {
    const before = performance.now();
    gc();
    this.#peak = Math.max(this.#peak, process.memoryUsage().heapUsed - this.#start);
    this.gcMs += performance.now() - before;
  }
  get peak(): number {
    return this.#peak;
  }
}

/** The vendor's package (its connector and listing) and its generated paging facts. */
interface Lister {
  connector: Connector;
  listAllUsers: (client: unknown, options: ListOptions) => AsyncIterable<unknown>;
  path: string;
  rule: PaginationRule;
}

async function listerOf(vendor: string): Promise<Lister> {
  const row = REGISTRY_VENDORS.find((candidate) => candidate.id === vendor);
  if (!row) throw new Error(`${vendor} is not in the vendor registry`);
  const { connector, listAllUsers } = (await import(row.package)) as Lister;
  // The spec's paging of the users listing, as codegen wrote it for the client.
  const file = pathToFileURL(join(REPO_ROOT, row.directory, "src/generated/operations.ts")).href;
  const { operations } = (await import(file)) as {
    operations: Record<string, { id: string; path: string; pagination?: PaginationRule }>;
  };
  const list = Object.values(operations).find((op) => op.id === "listUsers" && op.pagination);
  if (!list?.pagination) throw new Error(`${vendor} has no paged listUsers operation`);
  return { connector, listAllUsers, path: list.path, rule: list.pagination };
}

async function throughClient(job: PaginationJob, lister: Lister): Promise<ListingRun> {
  const watch = new HeapWatch();
  const started = performance.now();
  let items = 0;
  const client = lister.connector.createClient(job.settings, { baseUrl: job.baseUrl });
  for await (const user of lister.listAllUsers(client, { pageSize: job.pageSize })) {
    if (typeof user !== "object" || user === null) throw new Error("a listed user is no object");
    if (++items % SAMPLE_EVERY === 0) watch.sample();
  }
  watch.sample();
  const ms = performance.now() - started - watch.gcMs;
  return { items, pages: Math.ceil(items / job.pageSize), ms, peakHeapDeltaBytes: watch.peak };
}

/** The baseline: the same pages with fetch + .json(), nothing kept. */
async function throughRawFetch(job: PaginationJob, lister: Lister): Promise<ListingRun> {
  const watch = new HeapWatch();
  const started = performance.now();
  let items = 0;
  let pages = 0;
  for (;;) {
    const batch = await rawPage(job, lister, pages);
    pages++;
    const before = items;
    items += batch;
    // Sampled on the same item cadence as the client listing, so both pay the same GC time.
    if (Math.floor(items / SAMPLE_EVERY) > Math.floor(before / SAMPLE_EVERY)) watch.sample();
    if (batch < job.pageSize) break;
  }
  watch.sample();
  const ms = performance.now() - started - watch.gcMs;
  return { items, pages, ms, peakHeapDeltaBytes: watch.peak };
}

/** One page by hand: the spec's page parameters, the credentials where the vendor's docs put them. */
async function rawPage(job: PaginationJob, lister: Lister, index: number): Promise<number> {
  const { rule, connector } = lister;
  const descriptor = connector.descriptor!;
  const { headers, query } = credentialsOf(descriptor, job.settings);
  const position =
    rule.offset === undefined
      ? { [rule.page!]: String(index + 1) }
      : { [rule.offset]: String(index * job.pageSize) };
  const params = new URLSearchParams({ [rule.size]: String(job.pageSize), ...position, ...query });
  const response = await fetch(`${job.baseUrl}${lister.path}?${params}`, {
    headers: { ...descriptor.headers, ...headers },
  });
  if (!response.ok) throw new Error(`${job.vendor} page ${index} failed with ${response.status}`);
  let items: unknown = await response.json();
  for (const key of rule.items.split(".")) items = (items as Record<string, unknown>)?.[key];
  return Array.isArray(items) ? items.length : 0;
}

process.once("message", async (message) => {
  const job = message as PaginationJob;
  const lister = await listerOf(job.vendor);
  await rawPage(job, lister, 0); // the simulator builds its users on first read: keep that out of the timing
  const result: PaginationResult = { client: [], raw: [] };
  for (let round = 0; round < job.rounds; round++) {
    if (round % 2 === 0) result.raw.push(await throughRawFetch(job, lister));
    result.client.push(await throughClient(job, lister));
    if (round % 2 === 1) result.raw.push(await throughRawFetch(job, lister));
  }
  process.send?.(result, () => process.exit(0));
});
