import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs one of the bench's own TypeScript modules (path relative to src/) in a fresh Node process via
 * tsx, optionally sends it one message (credentials travel this way, never in argv), and resolves with
 * the first message it sends back. A child that exits without answering rejects with its exit code.
 */
export function runChild<T>(
  module: string,
  options: { args?: readonly string[]; nodeFlags?: readonly string[]; send?: unknown } = {},
): Promise<T> {
  const script = fileURLToPath(new URL(module, new URL("./", import.meta.url)));
  const child = fork(script, [...(options.args ?? [])], {
    execArgv: ["--import", "tsx", ...(options.nodeFlags ?? [])],
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  if (options.send !== undefined) child.send(options.send as never);
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    child.once("message", (message) => {
      answered = true;
      resolve(message as T);
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (answered) return;
      const last = stderr.trim().split("\n").slice(-3).join(" | ");
      reject(
        new Error(
          `${module} exited (${signal ?? code}) without a result${last ? `: ${last}` : ""}`,
        ),
      );
    });
  });
}
