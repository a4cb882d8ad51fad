import type { BenchOptions } from "../bench-options";
import { atMost, failed, judged, type Figure } from "../figure";
import { formatSeconds } from "../format-units";
import { REPO_ROOT } from "../repo-paths";
import { runCommand, type CommandRun } from "../run-command";
import { median, rotated } from "../statistics";

const section = "codegen" as const;
const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

interface Timed {
  label: string;
  command: string;
  args: string[];
}

const NODE_STARTUP: Timed = { label: "node -e 0", command: process.execPath, args: ["-e", "0"] };

/**
 * Wall time of (a) regenerating every vendor — `--check --force`: lint, bundle, generate and format all
 * four specs with the stamp cache ignored, everything but the write — (b) the everyday no-op check the
 * stamps make cheap, and (c) a fully cached `pnpm build`, each interleaved with `node -e 0`.
 */
export async function runCodegenTime(options: BenchOptions): Promise<Figure[]> {
  const rounds = options.quick ? 2 : 5;
  const codegen: Timed = {
    label: "regenerate all four specs (codegen --check --force)",
    command: process.execPath,
    args: ["tools/codegen/bin/codegen.mjs", "--check", "--force"],
  };
  const noop: Timed = {
    label: "codegen --check, nothing changed (stamps current)",
    command: process.execPath,
    args: ["tools/codegen/bin/codegen.mjs", "--check"],
  };
  const build: Timed = { label: "pnpm build, turbo cache hit", command: "pnpm", args: ["build"] };

  const figures: Figure[] = [];
  const staleNote = (run: CommandRun) =>
    run.exitCode === 0
      ? undefined
      : `codegen --check exited ${run.exitCode}: generated files are stale or a spec failed lint`;
  figures.push(await timeAgainstStartup(codegen, rounds, 2000, staleNote));
  figures.push(await timeAgainstStartup(noop, rounds, 2000, staleNote));

  // One untimed build first, so the timed ones are the cache hit users get on a second run.
  const warm = await runCommand(build.command, build.args, { cwd: REPO_ROOT, env });
  if (warm.exitCode !== 0) {
    figures.push(
      failed(
        section,
        build.label,
        `pnpm build failed (exit ${warm.exitCode}); fix the build first`,
      ),
    );
    return figures;
  }
  figures.push(await timeAgainstStartup(build, rounds, 1500, cacheMissNote));
  return figures;
}

async function timeAgainstStartup(
  subject: Timed,
  rounds: number,
  limitMs: number,
  noteFor: (run: CommandRun) => string | undefined,
): Promise<Figure> {
  const times = new Map<Timed, number[]>([
    [NODE_STARTUP, []],
    [subject, []],
  ]);
  const notes = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    for (const timed of rotated([NODE_STARTUP, subject], round)) {
      const run = await runCommand(timed.command, timed.args, { cwd: REPO_ROOT, env });
      times.get(timed)!.push(run.wallMs);
      if (timed === subject) {
        const note = noteFor(run);
        if (note !== undefined) notes.add(note);
      }
    }
  }
  const startup = times.get(NODE_STARTUP)!;
  const wall = times.get(subject)!;
  const ms = median(wall);
  return {
    ...judged(
      {
        section,
        name: subject.label,
        value: `${formatSeconds(ms)} (node startup ${formatSeconds(median(startup))})`,
        ratio: median(wall.map((time, round) => time / startup[round]!)),
        baseline: "node -e 0",
      },
      atMost(limitMs, `≤ ${formatSeconds(limitMs)}`),
      ms,
    ),
    ...(notes.size > 0 ? { note: [...notes].join("; ") } : {}),
  };
}

/** turbo prints "Cached:    9 cached, 9 total"; anything short of all cached is not a no-op build. */
function cacheMissNote(run: CommandRun): string | undefined {
  if (run.exitCode !== 0) return `pnpm build exited ${run.exitCode}`;
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(run.stdout + run.stderr);
  if (match === null) return "could not read turbo's cache summary";
  return match[1] === match[2]
    ? undefined
    : `some rounds were not full cache hits (${match[1]}/${match[2]} cached) — files changed during the run`;
}
