// One auto-paginated listing size for one vendor, in its own process so its heap is its own. Run by
// the "pagination" section, which sends a PaginationJob over IPC (the credential never goes in argv).
import { createOpsgenieClient, listAllUsers as listOpsgenieUsers } from "@rollcall/opsgenie-client";
import { createRootlyClient, listAllUsers as listRootlyUsers } from "@rollcall/rootly-client";

export interface PaginationJob {
  vendor: "opsgenie" | "rootly";
  baseUrl: string;
  credential: string;
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

async function throughClient(job: PaginationJob): Promise<ListingRun> {
  const watch = new HeapWatch();
  const started = performance.now();
  let items = 0;
  if (job.vendor === "opsgenie") {
    const client = createOpsgenieClient({ apiKey: job.credential, baseUrl: job.baseUrl });
    for await (const user of listOpsgenieUsers(client, { pageSize: job.pageSize })) {
      if (user.username === undefined) throw new Error("a listed user has no username");
      if (++items % SAMPLE_EVERY === 0) watch.sample();
    }
  } else {
    const client = createRootlyClient({ token: job.credential, baseUrl: job.baseUrl });
    for await (const user of listRootlyUsers(client, { pageSize: job.pageSize })) {
      if (user.id === undefined) throw new Error("a listed user has no id");
      if (++items % SAMPLE_EVERY === 0) watch.sample();
    }
  }
  watch.sample();
  const ms = performance.now() - started - watch.gcMs;
  return { items, pages: Math.ceil(items / job.pageSize), ms, peakHeapDeltaBytes: watch.peak };
}

/** The baseline: the same pages with fetch + .json(), nothing kept. */
async function throughRawFetch(job: PaginationJob): Promise<ListingRun> {
  const watch = new HeapWatch();
  const started = performance.now();
  let items = 0;
  let pages = 0;
  for (;;) {
    const batch = await rawPage(job, pages);
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

async function rawPage(job: PaginationJob, index: number): Promise<number> {
  if (job.vendor === "opsgenie") {
    const query = new URLSearchParams({
      limit: String(job.pageSize),
      offset: String(index * job.pageSize),
      apiKey: job.credential,
    });
    const response = await fetch(`${job.baseUrl}/v1.2/json/user?${query}`);
    if (!response.ok) throw new Error(`OpsGenie page ${index} failed with ${response.status}`);
    return ((await response.json()) as { users: unknown[] }).users.length;
  }
  const query = new URLSearchParams({
    "page[number]": String(index + 1),
    "page[size]": String(job.pageSize),
  });
  const response = await fetch(`${job.baseUrl}/v1/users?${query}`, {
    headers: { Authorization: `Bearer ${job.credential}`, Accept: "application/vnd.api+json" },
  });
  if (!response.ok) throw new Error(`Rootly page ${index + 1} failed with ${response.status}`);
  return ((await response.json()) as { data: unknown[] }).data.length;
}

process.once("message", async (message) => {
  const job = message as PaginationJob;
  await rawPage(job, 0); // the simulator builds its users on first read: keep that out of the timing
  const result: PaginationResult = { client: [], raw: [] };
  for (let round = 0; round < job.rounds; round++) {
    if (round % 2 === 0) result.raw.push(await throughRawFetch(job));
    result.client.push(await throughClient(job));
    if (round % 2 === 1) result.raw.push(await throughRawFetch(job));
  }
  process.send?.(result, () => process.exit(0));
});
