// Connects, pulls and runs the command the arguments asked for.
import type { DataInvocation } from "./args";
import { accessCommand } from "./commands/access";
import { diffCommand } from "./commands/diff";
import { directoryCommand } from "./commands/directory";
import { historyCommand } from "./commands/history";
import { offboardCommand } from "./commands/offboard";
import { reviewCommand } from "./commands/review";
import { scimCommand } from "./commands/scim";
import { snapshotCommand } from "./commands/snapshot";
import { whoisCommand } from "./commands/whois";
import type { VendorEnvironment } from "./env-config";
import type { SecretScrubber } from "./secret-scrubber";
import { withDirectory } from "./session";
import type { Terminal } from "./terminal";

export function runCommand(
  invocation: DataInvocation,
  environment: VendorEnvironment,
  terminal: Terminal,
  scrubber: SecretScrubber,
): Promise<number> {
  // The store's own commands read no vendor.
  if (invocation.kind === "history") {
    return historyCommand(terminal, invocation.store, invocation.json);
  }
  if (invocation.kind === "diff") return diffCommand(terminal, invocation);
  return withDirectory(invocation, environment, terminal, scrubber, (session) => {
    switch (invocation.kind) {
      case "directory":
        return directoryCommand(session, invocation.format);
      case "access":
        return accessCommand(session, invocation.email, invocation.json);
      case "whois":
        return whoisCommand(session, invocation.email, invocation.json);
      case "offboard":
        return offboardCommand(session, invocation.email, invocation.apply);
      case "scim":
        return scimCommand(session);
      case "review":
        return reviewCommand(session, { out: invocation.out, store: invocation.store });
      case "snapshot":
        return snapshotCommand(session, invocation.store);
    }
  });
}
