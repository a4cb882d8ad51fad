// Where output goes, and whether it may be coloured. Results go to stdout, everything else to
// stderr, so `rollcall directory --json | jq` sees only JSON.

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

export interface Terminal {
  /** Writes result text as is (callers add newlines). */
  out(text: string): void;
  /** Writes one line of progress, warnings or errors. */
  err(line: string): void;
  readonly outStyle: Style;
  readonly errStyle: Style;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const sgr = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
};

const identity = (text: string) => text;
const PLAIN: Style = {
  bold: identity,
  dim: identity,
  red: identity,
  yellow: identity,
  green: identity,
};

/** Colour only on a TTY and only when NO_COLOR is unset (https://no-color.org). */
export function styleFor(isTty: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return isTty && !noColor ? COLOURS : PLAIN;
}

/**
 * `rollcall directory | head` closes the pipe early: that is the reader's choice, not a crash.
 * Later writes are dropped and the command still finishes (an offboarding keeps going).
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

export function processTerminal(): Terminal {
  const env = process.env;
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  return {
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(`${line}\n`),
    outStyle: styleFor(process.stdout.isTTY === true, env),
    errStyle: styleFor(process.stderr.isTTY === true, env),
    env,
  };
}
