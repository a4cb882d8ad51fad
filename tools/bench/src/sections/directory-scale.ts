import type { BenchOptions } from "../bench-options";
import { runChild } from "../child-process";
import type { DirectoryScaleResult } from "../directory-scale-child";
import { atMost, info, judged, type Figure } from "../figure";
import { formatMegabytes, formatRatio, formatSeconds } from "../format-units";
import { median } from "../statistics";

const section = "directory" as const;
const SIZES = [10_000, 100_000, 1_000_000] as const;

/**
 * buildDirectory at 10k, 100k and 1M synthetic accounts, then buildAccessGraph over five grants
 * per account (5M at 1M), each size in its own process.
 */
export async function runDirectoryScale(options: BenchOptions): Promise<Figure[]> {
  const repetitions = (count: number) =>
    options.quick
      ? count >= 1_000_000
        ? 1
        : 3
      : count >= 1_000_000
        ? 3
        : count >= 100_000
          ? 5
          : 9;
  const results: DirectoryScaleResult[] = [];
  for (const count of SIZES) {
    results.push(
      await runChild<DirectoryScaleResult>("directory-scale-child.ts", {
        args: [String(count), String(repetitions(count))],
        nodeFlags: ["--expose-gc", "--max-old-space-size=8192"],
      }),
    );
  }

  const figures: Figure[] = [];
  for (const result of results) {
    const ms = median(result.buildMs);
    const ratio = median(result.buildMs.map((time, i) => time / result.baselineMs[i]!));
    const name = `buildDirectory, ${result.count.toLocaleString("en-US")} accounts`;
    const value = `${formatSeconds(ms)} → ${result.people.toLocaleString("en-US")} people`;
    const row = { section, name, value, ratio, baseline: "one-pass Map group-by" };
    figures.push(result.count === 1_000_000 ? judged(row, atMost(2000, "≤ 2 s"), ms) : info(row));
    figures.push(
      info({
        section,
        name: `memory, ${result.count.toLocaleString("en-US")} accounts`,
        value: `peak RSS ${formatMegabytes(result.maxRssBytes)}; directory retains ${formatMegabytes(result.retainedHeapBytes)} heap (accounts ${formatMegabytes(result.accountsHeapBytes)})`,
      }),
    );
  }
  for (const result of results) {
    const ms = median(result.accessMs);
    const ratio = median(result.accessMs.map((time, i) => time / result.accessBaselineMs[i]!));
    figures.push(
      info({
        section,
        name: `buildAccessGraph, ${result.count.toLocaleString("en-US")} accounts`,
        value: `${formatSeconds(ms)} → ${result.grants.toLocaleString("en-US")} grants joined to people`,
        ratio,
        baseline: "one-pass Map group-by of the grants",
      }),
    );
  }
  for (let i = 1; i < results.length; i++) {
    const smaller = results[i - 1]!;
    const larger = results[i]!;
    const scale = larger.count / smaller.count;
    const timeGrowth = median(larger.buildMs) / median(smaller.buildMs) / scale;
    const memoryGrowth = larger.retainedHeapBytes / Math.max(1, smaller.retainedHeapBytes) / scale;
    const accessGrowth = median(larger.accessMs) / median(smaller.accessMs) / scale;
    const floorGrowth = median(larger.baselineMs) / median(smaller.baselineMs);
    figures.push(
      judged(
        {
          section,
          name: `time growth ${smaller.count.toLocaleString("en-US")} → ${larger.count.toLocaleString("en-US")}`,
          value: `${formatRatio(median(larger.buildMs) / median(smaller.buildMs))} for ${scale}× the accounts`,
          ratio: timeGrowth,
          baseline: "linear growth",
        },
        atMost(1.2, "≤ 1.2× linear"),
        timeGrowth,
      ),
      // The same step for the one-pass group-by: how much of the growth the machine's caches
      // impose on any pass over these accounts, measured in the same run.
      info({
        section,
        name: `group-by floor time growth ${smaller.count.toLocaleString("en-US")} → ${larger.count.toLocaleString("en-US")}`,
        value: `${formatRatio(floorGrowth)} for ${scale}× the accounts`,
        ratio: floorGrowth / scale,
        baseline: "linear growth",
      }),
      info({
        section,
        name: `access-graph time growth ${smaller.count.toLocaleString("en-US")} → ${larger.count.toLocaleString("en-US")}`,
        value: `${formatRatio(median(larger.accessMs) / median(smaller.accessMs))} for ${scale}× the accounts`,
        ratio: accessGrowth,
        baseline: "linear growth",
      }),
      info({
        section,
        name: `retained-heap growth ${smaller.count.toLocaleString("en-US")} → ${larger.count.toLocaleString("en-US")}`,
        value: `${formatRatio(larger.retainedHeapBytes / Math.max(1, smaller.retainedHeapBytes))} for ${scale}×`,
        ratio: memoryGrowth,
        baseline: "linear growth",
      }),
    );
  }
  return figures;
}
