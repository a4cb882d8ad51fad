// Where output goes. Results go to stdout, everything else to stderr, so
// `rollcall directory --json | jq` sees only JSON. `printer` is the only code that writes to the
// streams: every piece of text passes through `neutralise` there, so no command can print a
// vendor's escape sequence, carriage return or line break raw. Commands hand over lines of
// pieces; line breaks and colours are added here, after neutralising, and nowhere else.
import { neutralise } from "./neutralise";

export type StyleName = "bold" | "dim" | "red" | "yellow" | "green";

/** Text in one style; coloured only when the stream is a terminal and NO_COLOR is unset. */
export interface Styled {
  readonly style: StyleName;
  readonly text: string;
}

export type Span = string | Styled;

/** One line of output: its pieces, printed one after another. A line break in them is shown. */
export type Line = Span | readonly Span[];

const styled =
  (name: StyleName) =>
  (text: string): Styled => ({ style: name, text });

/** Build styled pieces: `[style.bold("People:"), " 25"]`. */
export const style = {
  bold: styled("bold"),
  dim: styled("dim"),
  red: styled("red"),
  yellow: styled("yellow"),
  green: styled("green"),
};

export interface Terminal {
  /** Writes result lines to stdout, each ended by `lineEnd` (CSV uses "\r\n"). */
  out(lines: readonly Line[], lineEnd?: "\n" | "\r\n"): void;
  /** Writes one line of progress, warnings or errors to stderr. */
  err(line: Line): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The raw streams, for `printer` alone. */
export interface OutputStreams {
  writeOut(text: string): void;
  writeErr(text: string): void;
  readonly outIsTty: boolean;
  readonly errIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Removes secrets from text before it is printed (see SecretScrubber). */
export interface Scrubbing {
  /** For stdout: must leave JSON valid. */
  out(text: string): string;
  err(text: string): string;
}

const SGR: Record<StyleName, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
};

/** Colour only on a TTY and only when NO_COLOR is unset (https://no-color.org). */
export function colourAllowed(isTty: boolean, env: OutputStreams["env"]): boolean {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return isTty && !noColor;
}

/** One line as it is written: each piece scrubbed, then neutralised, then coloured if allowed. */
function lineText(line: Line, scrub: (text: string) => string, colour: boolean): string {
  const spans = (Array.isArray(line) ? line : [line]) as readonly Span[];
  let text = "";
  for (const span of spans) {
    const plain = typeof span === "string" ? span : span.text;
    const safe = neutralise(scrub(plain));
    if (typeof span === "string" || !colour) text += safe;
    else text += `\u001b[${SGR[span.style][0]}m${safe}\u001b[${SGR[span.style][1]}m`;
  }
  return text;
}

/** The one output boundary: a Terminal that scrubs and neutralises everything it writes. */
export function printer(streams: OutputStreams, scrubbing: Scrubbing): Terminal {
  const colourOut = colourAllowed(streams.outIsTty, streams.env);
  const colourErr = colourAllowed(streams.errIsTty, streams.env);
  return {
    out: (lines, lineEnd = "\n") => {
      const text = lines.map((line) => lineText(line, scrubbing.out, colourOut) + lineEnd);
      streams.writeOut(text.join(""));
    },
    err: (line) => streams.writeErr(`${lineText(line, scrubbing.err, colourErr)}\n`),
    env: streams.env,
  };
}

/**
 * Result lines for a JSON value. JSON.stringify escapes every C0 character inside strings, so its
 * line breaks are layout only; what is left (DEL, C1, bidi) `neutralise` writes as JSON's own
 * `\uXXXX` escapes, so the printed JSON parses back to exactly the same strings.
 */
export function jsonLines(value: unknown): string[] {
  return JSON.stringify(value, null, 2).split("\n");
}
