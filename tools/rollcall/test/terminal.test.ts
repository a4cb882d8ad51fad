import { describe, expect, it } from "vitest";
import { neutralise } from "../src/neutralise";
import { colourAllowed, printer, style, type OutputStreams } from "../src/terminal";

function capture(isTty: boolean, env: Record<string, string> = {}) {
  const written = { out: "", err: "" };
  const streams: OutputStreams = {
    writeOut: (text) => void (written.out += text),
    writeErr: (text) => void (written.err += text),
    outIsTty: isTty,
    errIsTty: isTty,
    env,
  };
  const terminal = printer(streams, { out: (text) => text, err: (text) => text });
  return { terminal, written };
}

describe("colourAllowed", () => {
  it("colours a terminal, never a pipe or file, and honours NO_COLOR", () => {
    expect(colourAllowed(true, {})).toBe(true);
    expect(colourAllowed(false, {})).toBe(false);
    expect(colourAllowed(true, { NO_COLOR: "1" })).toBe(false);
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
});
