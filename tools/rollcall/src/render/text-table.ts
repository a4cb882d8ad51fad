// Plain aligned columns for the terminal. Widths count code points of the text as it will be
// shown (control characters become `\uXXXX` escapes), so "Tomás" and escaped cells line up.
import { neutralise } from "../neutralise";
import { style, type Line } from "../terminal";

const width = (text: string) => [...neutralise(text)].length;

/** One line per row, the header in bold. A cell cannot add a line: its line breaks are shown. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): Line[] {
  const widths = header.map((cell, column) =>
    Math.max(width(cell), ...rows.map((row) => width(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - width(cell)))
      .join("  ")
      .trimEnd();
  return [style.bold(line(header)), ...rows.map(line)];
}
