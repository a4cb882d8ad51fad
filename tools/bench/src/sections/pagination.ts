import { isSimulatedVendor, startSimulator } from "@rollcall/simulators";
import type { Connector } from "@rollcall/core";
import { CONNECTORS } from "../connectors";
import { REGISTRY_VENDORS } from "../registry";
import type { BenchOptions } from "../bench-options";
import { runChild } from "../child-process";
import { atMost, failed, info, judged, reasonOf, type Figure } from "../figure";
import { formatMegabytes, formatRate, formatSeconds } from "../format-units";
import type { PaginationJob, PaginationResult } from "../pagination-child";
import { median } from "../statistics";

const section = "pagination" as const;
const COUNTS = [10_000, 50_000] as const;
const PAGE_SIZE = 100;
const MAX_HEAP_GROWTH = 2;

/**
 * The simulator's credentials as the connector's settings, read one by one: the credentials object
 * redacts itself when serialised, and the job crosses to the child as a message.
 */
function settingsOf(connector: Connector, credentials: object): Record<string, string> {
  const read = (option: string) => (credentials as Record<string, unknown>)[option];
  return Object.fromEntries(
    connector.settings
      .filter(({ option }) => typeof read(option) === "string")
      .map(({ option }) => [option, read(option) as string]),
  );
}

/**
 * Lists every generated user through each paged vendor's `listAllUsers` against its simulator,
 * against a raw fetch loop over the same pages, at 10k and 50k users: pages/s and whether the heap
 * high-water mark stays flat as the listing grows 5×.
 */
export async function runPagination(options: BenchOptions): Promise<Figure[]> {
  const rounds = options.quick ? 1 : 3;
  const figures: Figure[] = [];
  for (const [index, { id: vendor, package: packageName }] of REGISTRY_VENDORS.entries()) {
    // Every vendor whose package lists its users page by page and that has a simulator.
    const { listAllUsers } = (await import(packageName)) as { listAllUsers?: unknown };
    const connector = CONNECTORS[index]!;
    if (typeof listAllUsers !== "function" || !isSimulatedVendor(vendor)) continue;
    const runs = new Map<number, PaginationResult>();
    try {
      for (const count of COUNTS) {
        // Pages per second is this section's subject, not the vendors' limits (the throughput
        // section measures those): thousands of pages would run into them.
        const options = { generatedUsers: count, validateResponses: false, limits: false };
        const simulator = await startSimulator(vendor, options as never);
        try {
          const job: PaginationJob = {
            vendor,
            baseUrl: simulator.url,
            settings: settingsOf(connector, simulator.credentials),
            pageSize: PAGE_SIZE,
            rounds,
          };
          runs.set(
            count,
            await runChild<PaginationResult>("pagination-child.ts", {
              nodeFlags: ["--expose-gc"],
              send: job,
            }),
          );
        } finally {
          await simulator.close();
        }
      }
    } catch (error) {
      figures.push(failed(section, `${vendor} listAllUsers`, reasonOf(error)));
      continue;
    }
    for (const [count, result] of runs) {
      const pagesPerSecond = (runs: PaginationResult["client"]) =>
        median(runs.map((run) => run.pages / (run.ms / 1000)));
      const client = pagesPerSecond(result.client);
      const raw = pagesPerSecond(result.raw);
      const items = result.client[0]!.items;
      figures.push(
        info({
          section,
          name: `${vendor} listAllUsers, ${count.toLocaleString("en-US")} users`,
          value: `${formatRate(client, "pages")} (${formatSeconds(median(result.client.map((r) => r.ms)))})`,
          ratio: client / raw,
          baseline: "raw fetch page loop",
          ...(items === count
            ? {}
            : { note: `${vendor}: listed ${items} users, expected ${count}` }),
        }),
      );
    }
    const heap = (count: number) =>
      median(runs.get(count)!.client.map((run) => run.peakHeapDeltaBytes));
    const rawHeap = (count: number) =>
      median(runs.get(count)!.raw.map((run) => run.peakHeapDeltaBytes));
    const [small, large] = COUNTS;
    const growth = heap(large) / Math.max(1, heap(small));
    figures.push(
      judged(
        {
          section,
          name: `${vendor} peak live heap while iterating, ${large / 1000}k vs ${small / 1000}k`,
          value: `${formatMegabytes(heap(large))} vs ${formatMegabytes(heap(small))} (raw loop ${formatMegabytes(rawHeap(large))} vs ${formatMegabytes(rawHeap(small))})`,
          ratio: growth,
          baseline: `${small / 1000}k listing`,
        },
        atMost(MAX_HEAP_GROWTH, `≤ ${MAX_HEAP_GROWTH}× (5× = linear)`),
        growth,
      ),
    );
  }
  return figures;
}
