// One throughput run in its own process: every vendor's `pullAccounts` against its simulator,
// either ours (all vendors at once, each client paced by its limiter at the simulators' time
// scale) or the naive loop (one vendor after another, limiter off). Run by the "throughput"
// section, which sends a ThroughputJob over IPC (credentials never go in argv).
import type { ApiClientOptions } from "@rollcall/core";
import { CONNECTORS } from "./connectors";

export interface ThroughputJob {
  mode: "ours" | "naive";
  timeScale: number;
  vendors: { id: string; baseUrl: string; settings: Record<string, string> }[];
}

/** What one vendor's pull did, as its client saw it. */
export interface VendorPullRun {
  vendor: string;
  accounts: number;
  /** Requests sent, retries included. */
  requests: number;
  /** Requests sent once each (first attempts): what the pull needed. */
  calls: number;
  /** 429s answered to a first attempt or a retry. */
  throttled: number;
  /** 429s that reached the caller as the call's result. */
  throttledToCaller: number;
  /** POST attempts after the first: a POST sent twice. */
  postResends: number;
  ms: number;
  error?: string;
}

export interface ThroughputRun {
  ms: number;
  vendors: VendorPullRun[];
}

async function pullOne(
  job: ThroughputJob,
  target: ThroughputJob["vendors"][number],
): Promise<VendorPullRun> {
  const connector = CONNECTORS.find((candidate) => candidate.id === target.id)!;
  const run: VendorPullRun = {
    ...{ vendor: target.id, accounts: 0, requests: 0, calls: 0, throttled: 0 },
    ...{ throttledToCaller: 0, postResends: 0, ms: 0 },
  };
  const options: ApiClientOptions = {
    baseUrl: target.baseUrl,
    rateLimit: job.mode === "ours" ? { timeScale: job.timeScale } : false,
    hooks: {
      onRequest: ({ attempt, method }) => {
        run.requests++;
        if (attempt === 1) run.calls++;
        else if (method === "POST") run.postResends++;
      },
      onRetry: ({ status }) => {
        if (status === 429) run.throttled++;
      },
      onResponse: ({ status }) => {
        if (status === 429) (run.throttled++, run.throttledToCaller++);
      },
    },
  };
  const started = performance.now();
  try {
    const result = await connector.pullAccounts(connector.createClient(target.settings, options));
    run.accounts = result.accounts.length;
  } catch (error) {
    run.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
  run.ms = performance.now() - started;
  return run;
}

process.once("message", async (message) => {
  const job = message as ThroughputJob;
  const started = performance.now();
  const vendors: VendorPullRun[] = [];
  if (job.mode === "ours")
    vendors.push(...(await Promise.all(job.vendors.map((v) => pullOne(job, v)))));
  else for (const target of job.vendors) vendors.push(await pullOne(job, target));
  const result: ThroughputRun = { ms: performance.now() - started, vendors };
  process.send?.(result, () => process.exit(0));
});
