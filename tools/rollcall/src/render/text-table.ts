// Plain aligned columns for the terminal. Widths count code points, so "Tomás" lines up.

const width = (text: string) => [...text].length;

/** Pads plain text; `paint` styles a cell after padding so escape codes do not skew widths. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  paintHeader: (text: string) => string = (text) => text,
): string {
  const widths = header.map((cell, column) =>
    Math.max(width(cell), ...rows.map((row) => width(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - width(cell)))
      .join("  ")
      .trimEnd();
  return [paintHeader(line(header)), ...rows.map(line)].join("\n") + "\n";
}
