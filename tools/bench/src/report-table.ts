import type { Figure } from "./figure";
import { formatRatio } from "./format-units";

const HEADERS = ["section", "figure", "measured", "ratio", "vs baseline", "target", "verdict"];

/** The figures as one aligned plain-text table, notes listed underneath by row number. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure, index) => [
    figure.section,
    figure.note === undefined ? figure.name : `${figure.name} [${noteNumber(figures, index)}]`,
    figure.value,
    figure.ratio === undefined ? "" : formatRatio(figure.ratio),
    figure.baseline ?? "",
    figure.target?.label ?? "",
    figure.verdict,
  ]);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  const notes = figures
    .filter((figure) => figure.note !== undefined)
    .map((figure, index) => `[${index + 1}] ${figure.note}`);
  return [
    line(HEADERS),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
    ...(notes.length > 0 ? ["", ...notes] : []),
  ].join("\n");
}

function noteNumber(figures: readonly Figure[], index: number): number {
  return figures.slice(0, index + 1).filter((figure) => figure.note !== undefined).length;
}

/** One-line tally, e.g. "12 PASS, 1 MISS, 4 INFO, 0 ERROR". */
export function summarize(figures: readonly Figure[]): string {
  const count = (verdict: Figure["verdict"]) => figures.filter((f) => f.verdict === verdict).length;
  return `${count("PASS")} PASS, ${count("MISS")} MISS, ${count("INFO")} INFO, ${count("ERROR")} ERROR`;
}
