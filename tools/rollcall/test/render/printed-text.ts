// What printed lines read as, styles dropped: the render tests compare text, not styling.
import type { Line } from "../../src/terminal";

export const text = (lines: readonly Line[]): string[] =>
  lines.map((line) =>
    (Array.isArray(line) ? line : [line])
      .map((span) => (typeof span === "string" ? span : span.text))
      .join(""),
  );
