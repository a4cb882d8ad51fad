/** One printed row: a measured value, its baseline ratio when it has one, and the target it answers to. */
export interface Figure {
  section: SectionId;
  name: string;
  /** Human-readable measured value, e.g. "41 200 ops/s" or "1.84 s". */
  value: string;
  /** Subject ÷ baseline measured in the same run (median of per-round ratios), when there is one. */
  ratio?: number;
  /** What the ratio is against, e.g. "bare openapi-fetch". */
  baseline?: string;
  target?: Target;
  /** PASS / MISS when there is a target; INFO otherwise; ERROR when the figure could not be measured. */
  verdict: Verdict;
  /** Anything the reader needs to interpret the row (cache misses, stale output, skipped vendors…). */
  note?: string;
}

export type Verdict = "PASS" | "MISS" | "INFO" | "ERROR";

export const SECTION_IDS = [
  "overhead",
  "bundle",
  "codegen",
  "typecheck",
  "directory",
  "pagination",
  "cli",
  "throughput",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** A bound on a measured number: `at-least` for throughput ratios, `at-most` for times and sizes. */
export interface Target {
  kind: "at-least" | "at-most";
  limit: number;
  /** How the limit reads in the table, e.g. "≥ 0.95×" or "≤ 2 s". */
  label: string;
}

export function atLeast(limit: number, label: string): Target {
  return { kind: "at-least", limit, label };
}

export function atMost(limit: number, label: string): Target {
  return { kind: "at-most", limit, label };
}

export function verdictFor(target: Target, measured: number): Verdict {
  if (!Number.isFinite(measured)) return "ERROR";
  const ok = target.kind === "at-least" ? measured >= target.limit : measured <= target.limit;
  return ok ? "PASS" : "MISS";
}

/** A figure judged against a target by `measured` (which may differ from the printed value). */
export function judged(
  figure: Omit<Figure, "verdict" | "target">,
  target: Target,
  measured: number,
): Figure {
  return { ...figure, target, verdict: verdictFor(target, measured) };
}

export function info(figure: Omit<Figure, "verdict">): Figure {
  return { ...figure, verdict: "INFO" };
}

/** A row standing for something that could not be measured, saying why. */
export function failed(section: SectionId, name: string, reason: string): Figure {
  return { section, name, value: "—", verdict: "ERROR", note: reason };
}

/** The first useful line of whatever a measurement threw (esbuild failures carry their text apart). */
export function reasonOf(error: unknown): string {
  const esbuildErrors = (error as { errors?: { text?: string }[] } | null)?.errors;
  const text = esbuildErrors?.[0]?.text;
  if (typeof text === "string") return text;
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : String(error);
}
