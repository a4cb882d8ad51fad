// The process's own stdout, stderr and environment: what `src/cli.ts` (the binary) hands to `main`. Kept
// apart from the printer so the tests can run `main` in-process with captured streams; only the
// real binary reaches this file (test/bin.test.ts).
import type { OutputStreams } from "./terminal";

/**
 * `rollcall directory | head` closes the pipe early: that is the reader's choice, not a crash.
 * Later writes are dropped and the command still finishes (an offboarding keeps going).
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

export function processStreams(): OutputStreams {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  return {
    writeOut: (text) => void process.stdout.write(text),
    writeErr: (text) => void process.stderr.write(text),
    outIsTty: process.stdout.isTTY === true,
    errIsTty: process.stderr.isTTY === true,
    env: process.env,
  };
}
