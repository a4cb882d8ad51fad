// What every data command shares: check the environment, say where each vendor comes from,
// connect, pull, and always stop the simulators afterwards.
import type { SourceOptions } from "./args";
import { openConnections, type Connections } from "./connections";
import type { VendorEnvironment } from "./env-config";
import { pullDirectory, type PulledDirectory } from "./pull";
import type { SecretScrubber } from "./secret-scrubber";
import type { Terminal } from "./terminal";

export interface Session {
  readonly terminal: Terminal;
  readonly scrubber: SecretScrubber;
  readonly connections: Connections;
  readonly pulled: PulledDirectory;
}

export async function withDirectory(
  source: SourceOptions,
  environment: VendorEnvironment,
  terminal: Terminal,
  scrubber: SecretScrubber,
  run: (session: Session) => Promise<number>,
): Promise<number> {
  const connections = await openConnections(source.vendors, environment, source.simulate, scrubber);
  try {
    for (const connection of connections.list) {
      terminal.err(`${connection.vendor}: ${connection.source}`);
    }
    const pulled = await pullDirectory(connections.list, terminal, scrubber);
    return await run({ terminal, scrubber, connections, pulled });
  } finally {
    await connections.close();
  }
}
