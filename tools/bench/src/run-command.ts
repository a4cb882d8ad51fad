import { spawn } from "node:child_process";

export interface CommandRun {
  wallMs: number;
  /** From spawn to the first byte on stdout; null when it printed nothing. */
  firstStdoutMs: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (no shell), timing it from spawn to exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let firstStdoutMs: number | null = null;
    child.stdout.on("data", (chunk: Buffer) => {
      firstStdoutMs ??= performance.now() - started;
      stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("error", reject);
    child.once("close", (exitCode) =>
      resolve({
        wallMs: performance.now() - started,
        firstStdoutMs,
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}
