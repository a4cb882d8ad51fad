// Pulls every vendor at once and builds the directory from what came back. A vendor that fails
// is reported and left out; the others still make a directory.
import {
  buildAccessGraph,
  buildDirectory,
  type AccessGraph,
  type AccessRecords,
  type Account,
  type AccountIssue,
  type Directory,
} from "@rollcall/core";
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
      /** The teams, schedules and roles the connector read, beside its accounts. */
      readonly access: AccessRecords;
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
  /** Who holds what: the accounts' roles and groups, and what connectors read besides. */
  readonly access: AccessGraph;
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
    const { accounts, issues, entitlements, grants } = result;
    const unread = issues.length > 0 ? `, ${issues.length} unreadable` : "";
    terminal.err(`${vendor}: ${accounts.length} accounts from ${pages} page(s)${unread}`);
    const access = { entitlements: entitlements ?? [], grants: grants ?? [] };
    return { vendor, source, status: "ok", accounts, issues, access, pages };
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
  return assembleDirectory(pulls);
}

/** The directory and access graph of what the vendors returned: fresh, or loaded from a snapshot. */
export function assembleDirectory(pulls: readonly VendorPull[]): PulledDirectory {
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
  const access = buildAccessGraph(
    directory,
    pulls.flatMap((pull) => (pull.status === "ok" ? [pull.access] : [])),
  );
  return { pulls, directory, access, partial: pulls.some((pull) => pull.status !== "ok") };
}
