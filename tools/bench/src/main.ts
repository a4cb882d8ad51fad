// `pnpm bench [--only <section>] [--quick] [--json]`: what Rollcall's layers cost, as ratios against
// baselines measured in the same run. See README.md for what each figure means.
import { BenchUsageError, parseBenchOptions, USAGE, type BenchOptions } from "./bench-options";
import { failed, reasonOf, type Figure, type SectionId } from "./figure";
import { renderTable, summarize } from "./report-table";
// Loaded on demand: a section whose packages are not built yet must not stop the others.
const SECTIONS: Record<SectionId, () => Promise<(options: BenchOptions) => Promise<Figure[]>>> = {
  overhead: async () => (await import("./sections/call-overhead")).runCallOverhead,
  bundle: async () => (await import("./sections/bundle-size")).runBundleSize,
  codegen: async () => (await import("./sections/codegen-time")).runCodegenTime,
  typecheck: async () => (await import("./sections/typecheck-cost")).runTypecheckCost,
  directory: async () => (await import("./sections/directory-scale")).runDirectoryScale,
  pagination: async () => (await import("./sections/pagination")).runPagination,
  cli: async () => (await import("./sections/cli")).runCli,
  throughput: async () => (await import("./sections/throughput")).runThroughput,
};

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    return 2;
  }

  const figures: Figure[] = [];
  const started = performance.now();
  for (const id of options.sections) {
    process.stderr.write(`bench: ${id}…\n`);
    try {
      const run = await SECTIONS[id]();
      figures.push(...(await run(options)));
    } catch (error) {
      // One broken section (a client not built yet, say) must not hide the others' numbers.
      const reason = reasonOf(error);
      figures.push(failed(id, `${id} section`, reason));
    }
  }
  const seconds = (performance.now() - started) / 1000;

  if (options.json) {
    const document = { quick: options.quick, seconds, node: process.version, figures };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${renderTable(figures)}\n\n${summarize(figures)} — ${seconds.toFixed(0)} s${options.quick ? " (--quick: smoke numbers)" : ""}\n`,
    );
  }
  // A MISS is a finding, not a failure of the bench; an ERROR means a figure is missing.
  return figures.some((figure) => figure.verdict === "ERROR") ? 1 : 0;
}

process.exitCode = await main();
