// Runs the CLI the way the tests need it: `runCli` calls `main()` in this process with captured
// streams (fast, and visible to mutation testing, which switches mutants inside this process);
// `spawnCli` runs the real binary in a child process, for what only a real process shows
// (test/bin.test.ts).
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import type { AllSimulators } from "@rollcall/simulators";
import { main } from "../src/main";

const BIN = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

const VENDOR_VARIABLES = [
  "EAGLE_API_KEY",
  "EAGLE_BASE_URL",
  "ROOTLY_API_TOKEN",
  "ROOTLY_BASE_URL",
  "OPSGENIE_API_KEY",
  "OPSGENIE_REGION",
  "OPSGENIE_BASE_URL",
  "UPTRENDS_USERNAME",
  "UPTRENDS_PASSWORD",
  "UPTRENDS_BASE_URL",
];

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Whether something still accepts connections at `url` (a fresh socket, never a pooled one). */
function accepting(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * `rollcall ...args` in this process, its output captured as a pipe would see it (no colour), with
 * exactly `env` as its environment, so nothing on this machine decides where it connects. Fails
 * the test if the command left one of the simulators it started running.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    writeOut: (text) => void (stdout += text),
    writeErr: (text) => void (stderr += text),
    outIsTty: false,
    errIsTty: false,
    env: { ...env },
  });
  // The embedded simulators it announced must be stopped when the command ends.
  for (const [, url] of stderr.matchAll(/simulator \((http:\/\/127\.0\.0\.1:\d+)/g)) {
    if (await accepting(url!)) throw new Error(`rollcall ${args.join(" ")} left ${url} running`);
  }
  return { code, stdout, stderr };
}

/**
 * Spawns the built binary (`node dist/cli.mjs ...args`) asynchronously (the simulators answering it live in this
 * process, so a synchronous spawn would deadlock). Inherited vendor variables are dropped so only
 * `env` decides where the CLI connects. `onSpawn` sees the child first (to close its stdout early).
 */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string> = {},
  onSpawn: (child: ReturnType<typeof spawn>) => void = () => {},
): Promise<CliRun> {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of VENDOR_VARIABLES) delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    onSpawn(child);
  });
}

export { simulatorEnv } from "./simulator-env";

/** Every secret in `env`, to check that none leaks into output. */
export function secretsIn(sims: AllSimulators): string[] {
  return [
    sims.eagle.credentials.apiKey,
    sims.rootly.credentials.token,
    sims.opsgenie.credentials.apiKey,
    sims.uptrends.credentials.password,
    sims.uptrends.credentials.authorization.replace(/^Basic /, ""),
  ];
}
