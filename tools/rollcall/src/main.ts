// Entry point: parse, check the environment, run one command, return the exit code.
import packageJson from "../package.json" with { type: "json" };
import { parseInvocation, type DataInvocation } from "./args";
import { readVendorEnvironment, type VendorEnvironment } from "./env-config";
import { EXIT } from "./exit-codes";
import { helpText } from "./help-text";
import { describeFailure, SecretScrubber } from "./secret-scrubber";
import { processStreams } from "./process-streams";
import { printer, style, type OutputStreams, type Terminal } from "./terminal";
import { UsageError } from "./usage-error";

function usageFailure(error: UsageError, terminal: Terminal): number {
  terminal.err(style.red(`rollcall: ${error.message}`));
  const help = error.command === undefined ? "rollcall --help" : `rollcall ${error.command} --help`;
  terminal.err(`Run '${help}' for usage.`);
  return EXIT.usage;
}

interface Prepared {
  readonly invocation: DataInvocation;
  readonly environment: VendorEnvironment;
}

/** Parses and checks everything up front: a UsageError here means nothing was contacted. */
function prepare(argv: readonly string[], terminal: Terminal): Prepared | number {
  const invocation = parseInvocation(argv);
  if (invocation.kind === "help") {
    terminal.out(helpText(invocation.command).split("\n"));
    return EXIT.ok;
  }
  if (invocation.kind === "version") {
    terminal.out([packageJson.version]);
    return EXIT.ok;
  }
  try {
    return { invocation, environment: readVendorEnvironment(terminal.env) };
  } catch (error) {
    // Point the hint at the command the user ran; its help lists the variables.
    if (error instanceof UsageError) throw new UsageError(error.message, invocation.kind);
    throw error;
  }
}

export async function main(
  argv: readonly string[],
  streams: OutputStreams = processStreams(),
): Promise<number> {
  const scrubber = new SecretScrubber();
  // Everything printed goes through here: stdout loses known secrets, stderr also credential
  // shapes, and both every control character (see neutralise).
  const terminal = printer(streams, {
    out: (text) => scrubber.scrubKnown(text),
    err: (text) => scrubber.scrub(text),
  });
  let prepared: Prepared | number;
  try {
    prepared = prepare(argv, terminal);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error, terminal);
    throw error;
  }
  if (typeof prepared === "number") return prepared;

  try {
    // Loaded only now, so help and usage errors never load the clients or the simulators.
    const { runCommand } = await import("./run-command");
    return await runCommand(prepared.invocation, prepared.environment, terminal, scrubber);
  } catch (error) {
    terminal.err(style.red(`rollcall: ${describeFailure(error, scrubber)}`));
    return EXIT.notFoundOrFailed;
  }
}
