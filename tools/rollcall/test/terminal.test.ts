import { describe, expect, it } from "vitest";
import { neutralise } from "../src/neutralise";
import { colourAllowed, printer, style, type OutputStreams } from "../src/terminal";

function capture(
  isTty: boolean | { out: boolean; err: boolean },
  env: Record<string, string> = {},
  scrubbing = { out: (text: string) => text, err: (text: string) => text },
) {
  const written = { out: "", err: "" };
  const tty = typeof isTty === "boolean" ? { out: isTty, err: isTty } : isTty;
  const streams: OutputStreams = {
    writeOut: (text) => void (written.out += text),
    writeErr: (text) => void (written.err += text),
    outIsTty: tty.out,
    errIsTty: tty.err,
    env,
  };
  const terminal = printer(streams, scrubbing);
  return { terminal, written };
}

describe("colourAllowed", () => {
  it("colours a terminal, never a pipe or file, and honours NO_COLOR", () => {
    expect(colourAllowed(true, {})).toBe(true);
    expect(colourAllowed(false, {})).toBe(false);
    expect(colourAllowed(true, { NO_COLOR: "1" })).toBe(false);
    // no-color.org: only a non-empty NO_COLOR turns colour off
    expect(colourAllowed(true, { NO_COLOR: "" })).toBe(true);
  });
});

describe("neutralise", () => {
  it("shows C0, DEL, C1 and bidi controls as \\u escapes and leaves other text alone", () => {
    expect(neutralise("a\u001b]0;t\u0007\r\n\t\u007f\u009b\u202e\u2066\u200f z é 中")).toBe(
      "a\\u001b]0;t\\u0007\\u000d\\u000a\\u0009\\u007f\\u009b\\u202e\\u2066\\u200f z é 中",
    );
    expect(neutralise(neutralise("\u001b[2J"))).toBe("\\u001b[2J");
  });
});

describe("printer", () => {
  it("colours styled pieces on a terminal, but never the text inside them", () => {
    const { terminal, written } = capture(true);
    terminal.out([[style.red("x\u001b[8m"), " y"]]);
    expect(written.out).toBe("\u001b[31mx\\u001b[8m\u001b[39m y\n");
  });

  it("writes plain text to a pipe, one line per line, and shows line breaks inside a line", () => {
    const { terminal, written } = capture(false);
    terminal.out([style.bold("a\nb"), "c\r"], "\r\n");
    terminal.err([style.red("e\u009b31m")]);
    expect(written.out).toBe("a\\u000ab\r\nc\\u000d\r\n");
    expect(written.err).toBe("e\\u009b31m\n");
  });

  it("colours each stream by whether it is a terminal: `rollcall directory > file` keeps stderr coloured", () => {
    const { terminal, written } = capture({ out: false, err: true });
    terminal.out([[style.bold("People:"), " 3"]]);
    terminal.err([style.dim("eagle: page 1"), style.yellow(" warn"), style.green(" ok")]);
    expect(written.out).toBe("People: 3\n");
    expect(written.err).toBe(
      "\u001b[2meagle: page 1\u001b[22m\u001b[33m warn\u001b[39m\u001b[32m ok\u001b[39m\n",
    );
  });

  it("scrubs stdout and stderr each with its own scrubber, before neutralising", () => {
    const { terminal, written } = capture(
      false,
      {},
      {
        out: (text) => text.replace("k1", "[OUT]"),
        err: (text) => text.replace("k2", "[ERR]"),
      },
    );
    terminal.out(["k1 k2"]);
    terminal.err("k1 k2\u001b");
    expect(written).toEqual({ out: "[OUT] k2\n", err: "k1 [ERR]\\u001b\n" });
  });
});
