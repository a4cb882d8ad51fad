import { join } from "node:path";
import type { BenchOptions } from "../bench-options";
import { runChild } from "../child-process";
import { failed, info, type Figure } from "../figure";
import { formatMegabytes, formatSeconds } from "../format-units";
import { REPO_ROOT } from "../repo-paths";
import { runCommand } from "../run-command";
import type { SnapshotScaleResult } from "../snapshot-scale-child";
import { median, rotated } from "../statistics";

const section = "cli" as const;
const CLI = join(REPO_ROOT, "tools/rollcall/dist/cli.mjs");
// No vendor variables: `directory` runs on its embedded simulators, as a first-time user sees it.
const env = { PATH: process.env.PATH ?? "", NO_COLOR: "1" };

interface Timed {
  readonly label: string;
  readonly args: readonly string[];
}

const STARTUP: readonly Timed[] = [
  { label: "node -e ''", args: ["-e", ""] },
  { label: "rollcall --help", args: [CLI, "--help"] },
  { label: "rollcall directory", args: [CLI, "directory"] },
];

/** Time to the first line of output: the built binary against bare Node startup, same rounds. */
async function startup(rounds: number): Promise<Figure[]> {
  const times = new Map<string, number[]>(STARTUP.map((timed) => [timed.label, []]));
  for (let round = 0; round < rounds; round++) {
    for (const timed of rotated(STARTUP, round)) {
      const run = await runCommand(process.execPath, timed.args, { cwd: REPO_ROOT, env });
      if (run.exitCode !== 0)
        throw new Error(`${timed.label} exited ${run.exitCode}: ${run.stderr}`);
      // `node -e ''` prints nothing: its whole run is the startup being compared with.
      times.get(timed.label)!.push(run.firstStdoutMs ?? run.wallMs);
    }
  }
  const node = times.get(STARTUP[0]!.label)!;
  return STARTUP.slice(1).map((timed) => {
    const own = times.get(timed.label)!;
    return info({
      section,
      name: `${timed.label}: time to first output line`,
      value: formatSeconds(median(own)),
      ratio: median(own.map((ms, round) => ms / node[round]!)),
      baseline: "node -e '' (start to exit)",
    });
  });
}

/** A generated organisation's snapshot written twice to the store, then the two diffed. */
async function snapshotScale(people: number): Promise<Figure[]> {
  const result = await runChild<SnapshotScaleResult>("snapshot-scale-child.ts", {
    args: [String(people)],
    nodeFlags: ["--max-old-space-size=8192"],
  });
  const scale = `${result.people.toLocaleString("en-US")} people, ${result.accounts.toLocaleString("en-US")} accounts`;
  return [
    info({
      section,
      name: `snapshot written, ${scale}`,
      value: `${formatSeconds(result.firstWriteMs)}; the next one ${formatSeconds(result.secondWriteMs)}; file with both ${formatMegabytes(result.fileBytes)}`,
    }),
    info({
      section,
      name: `diff of the two snapshots (load both + diffAccess)`,
      value: `${formatSeconds(result.diffMs)} → ${result.changes.toLocaleString("en-US")} changes; peak RSS ${formatMegabytes(result.maxRssBytes)}`,
    }),
  ];
}

/** The CLI as users run it: startup of the built binary, and the snapshot store at scale. */
export async function runCli(options: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  try {
    figures.push(...(await startup(options.quick ? 3 : 9)));
  } catch (error) {
    figures.push(failed(section, "rollcall startup", (error as Error).message));
  }
  figures.push(...(await snapshotScale(options.quick ? 5_000 : 50_000)));
  return figures;
}
