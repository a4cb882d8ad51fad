// Pulls every vendor at once and builds the directory from what came back. A vendor that fails
// is reported and left out; the others still make a directory.
import { buildDirectory, type Account, type AccountIssue, type Directory } from "@rollcall/core";
import type { VendorConnection } from "./connections";
import { describeFailure, type SecretScrubber } from "./secret-scrubber";
import { style, type Terminal } from "./terminal";
import type { CliVendor } from "./vendors";

export type VendorPull =
  | {
      readonly vendor: CliVendor;
      readonly source: string;
      readonly status: "ok";
      readonly accounts: readonly Account[];
      readonly issues: readonly AccountIssue[];
      readonly pages: number;
    }
  | {
      readonly vendor: CliVendor;
      readonly source: string;
      readonly status: "unavailable";
      /** One line, secrets removed. */
      readonly error: string;
    };

export interface PulledDirectory {
  /** In column order, one per requested vendor. */
  readonly pulls: readonly VendorPull[];
  readonly directory: Directory;
  /** True when at least one vendor could not be read. */
  readonly partial: boolean;
}

async function pullOne(
  connection: VendorConnection,
  terminal: Terminal,
  scrubber: SecretScrubber,
): Promise<VendorPull> {
  const { vendor, source } = connection;
  let pages = 0;
  let records = 0;
  try {
    if (connection.client === undefined) throw connection.failure;
    const result = await connection.client.pull(({ page, items }) => {
      pages += 1;
      records += items.length;
      terminal.err(style.dim(`${vendor}: page ${page} fetched (${records} records so far)`));
    });
    const { accounts, issues } = result;
    const unread = issues.length > 0 ? `, ${issues.length} unreadable` : "";
    terminal.err(`${vendor}: ${accounts.length} accounts from ${pages} page(s)${unread}`);
    return { vendor, source, status: "ok", accounts, issues, pages };
  } catch (failure) {
    const error = describeFailure(failure, scrubber);
    terminal.err(style.red(`${vendor}: unavailable — ${error}`));
    return { vendor, source, status: "unavailable", error };
  }
}

export async function pullDirectory(
  connections: readonly VendorConnection[],
  terminal: Terminal,
  scrubber: SecretScrubber,
): Promise<PulledDirectory> {
  const pulls = await Promise.all(
    connections.map((connection) => pullOne(connection, terminal, scrubber)),
  );
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const readable: CliVendor[] = [];
  for (const pull of pulls) {
    if (pull.status !== "ok") continue;
    accounts.push(...pull.accounts);
    issues.push(...pull.issues);
    readable.push(pull.vendor);
  }
  const directory = buildDirectory(accounts, { vendors: readable, issues });
  return { pulls, directory, partial: pulls.some((pull) => pull.status !== "ok") };
}
