import { createRequire } from "node:module";
import { join } from "node:path";
import type { BenchOptions } from "../bench-options";
import { atMost, failed, info, judged, type Figure } from "../figure";
import { formatSeconds } from "../format-units";
import { BENCH_DIR } from "../repo-paths";
import { runCommand } from "../run-command";
import { median, rotated } from "../statistics";

const section = "typecheck" as const;

interface TscRun {
  wallMs: number;
  instantiations: number;
  checkMs: number;
}

/**
 * `tsc --noEmit --extendedDiagnostics` on fixtures/consumer.ts (all four clients in use) against the
 * same tsc on an empty file, interleaved; wall time, tsc's own check time and type instantiations.
 */
export async function runTypecheckCost(options: BenchOptions): Promise<Figure[]> {
  const rounds = options.quick ? 2 : 5;
  const tsc = createRequire(join(BENCH_DIR, "package.json")).resolve("typescript/bin/tsc");
  const projects = { empty: "tsconfig.empty.json", consumer: "tsconfig.consumer.json" } as const;
  const runs = { empty: [] as TscRun[], consumer: [] as TscRun[] };
  for (let round = 0; round < rounds; round++) {
    for (const which of rotated(["empty", "consumer"] as const, round)) {
      const run = await runCommand(
        process.execPath,
        [tsc, "--noEmit", "--extendedDiagnostics", "-p", join("fixtures", projects[which])],
        { cwd: BENCH_DIR },
      );
      if (run.exitCode !== 0) {
        const firstError = run.stdout.split("\n").find((line) => line.includes("error TS"));
        return [
          failed(section, `tsc on ${projects[which]}`, firstError ?? `tsc exited ${run.exitCode}`),
        ];
      }
      runs[which].push({
        wallMs: run.wallMs,
        instantiations: diagnostic(run.stdout, "Instantiations"),
        checkMs: diagnostic(run.stdout, "Check time") * 1000,
      });
    }
  }
  const wall = median(runs.consumer.map((run) => run.wallMs));
  const instantiations = median(runs.consumer.map((run) => run.instantiations));
  const emptyInstantiations = median(runs.empty.map((run) => run.instantiations));
  return [
    judged(
      {
        section,
        name: "tsc, consumer of all four clients (wall)",
        value: `${formatSeconds(wall)} (empty file ${formatSeconds(median(runs.empty.map((r) => r.wallMs)))})`,
        ratio: median(runs.consumer.map((run, i) => run.wallMs / runs.empty[i]!.wallMs)),
        baseline: "tsc on an empty file",
      },
      atMost(3000, "≤ 3 s"),
      wall,
    ),
    info({
      section,
      name: "tsc check time (tsc's own figure)",
      value: `${formatSeconds(median(runs.consumer.map((r) => r.checkMs)))} (empty file ${formatSeconds(median(runs.empty.map((r) => r.checkMs)))})`,
    }),
    info({
      section,
      name: "type instantiations",
      value: `${instantiations.toLocaleString("en-US")} (empty file ${emptyInstantiations.toLocaleString("en-US")})`,
      ratio: instantiations / Math.max(1, emptyInstantiations),
      baseline: "tsc on an empty file",
    }),
  ];
}

/** A number from tsc's extended diagnostics ("Instantiations:   1234", "Check time:  0.52s"). */
function diagnostic(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(output);
  if (match === null) throw new Error(`tsc printed no "${label}" diagnostic`);
  return Number(match[1]);
}
