// What `--help` prints, per command and at the top level.
import { CLI_VENDORS, CONNECTORS } from "./vendors";

export type CommandName =
  | "directory"
  | "whois"
  | "access"
  | "offboard"
  | "scim"
  | "review"
  | "snapshot"
  | "history"
  | "diff";

export const COMMAND_NAMES: readonly CommandName[] = [
  "directory",
  "whois",
  "access",
  "offboard",
  "scim",
  "review",
  "snapshot",
  "history",
  "diff",
];

const SOURCE_OPTIONS = `  --vendor <id>   only read these vendors (${CLI_VENDORS.join(", ")});
                  repeat it or give a comma list
  --simulate      use the built-in simulators for every vendor, whatever the environment says
  -h, --help      show this help`;

const titles = CONNECTORS.map((connector) => connector.title);
const TOP = `rollcall — one people directory across ${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}

Usage: rollcall <command> [options]

Commands:
  directory         everyone, with their role in each vendor
  whois <email>     one person: their accounts and roles, and contact-only matches
  access <email>    one person's grants: roles, teams, groups and schedules in every vendor
  offboard <email>  plan (and with --apply, carry out) removing a person everywhere
  scim              the directory as a SCIM 2.0 ListResponse of Users (JSON)
  review            write the access review: an HTML report and CSV evidence files
  snapshot          pull every vendor and record it in the snapshot store
  history           list the snapshots in the store
  diff [FROM] [TO]  what changed between two snapshots (default: the last two)

Options:
  -h, --help        show help (also after any command)
  --version         print the version

Each vendor with credentials in the environment is read from the real service; the others from
built-in simulators seeded with a demo organisation. See the README for the variables.
Exit codes: 0 ok, 1 not found or a step failed, 2 usage error, 3 partial directory.`;

const STORE_OPTION = `  --store <path>  the snapshot store (an SQLite file); default: $ROLLCALL_STORE, else
                  rollcall.db in the current directory`;

const COMMANDS: Record<CommandName, string> = {
  directory: `Usage: rollcall directory [--json | --csv] [--vendor <id>] [--simulate]

One row per person, one column per vendor showing their role there, then a summary.

Options:
  --json          print the directory as JSON
  --csv           print one CSV row per person
${SOURCE_OPTIONS}`,
  whois: `Usage: rollcall whois <email> [--json] [--vendor <id>] [--simulate]

The person who has <email>: their accounts and roles per vendor, and contact-only matches.
Exits 1 when nobody has the address.

Options:
  --json          print the person as JSON
${SOURCE_OPTIONS}`,
  access: `Usage: rollcall access <email> [--json] [--vendor <id>] [--simulate]

Everything the person who has <email> holds: each vendor's role, and the teams, groups and
schedules they are in, with the privilege each gives them, most privileged first.
Exits 1 when nobody has the address.

Options:
  --json          print the person's grants as JSON
${SOURCE_OPTIONS}`,
  offboard: `Usage: rollcall offboard <email> [--apply] [--vendor <id>] [--simulate]

Prints what removing the person who has <email> would break, then the plan for removing them
from every vendor. Nothing changes unless --apply is given; then each step runs in turn and its
outcome is reported. While a blocker stands (they are the only owner or admin of a vendor or
team, or on call now) nothing runs, with or without --apply. Exits 1 when nobody has the
address, a blocker stands or a step failed.

Options:
  --apply         carry the plan out
${SOURCE_OPTIONS}`,
  scim: `Usage: rollcall scim [--vendor <id>] [--simulate]

Writes the directory as a SCIM 2.0 ListResponse of Users (JSON) to stdout.

Options:
${SOURCE_OPTIONS}`,
  review: `Usage: rollcall review [--out <dir>] [--store <path>] [--vendor <id>] [--simulate]

Writes the access review an auditor receives into <dir>: review.html (one self-contained page,
nothing fetched when it is opened: summary, the people x vendors matrix with each privilege,
admins and owners first, dormant accounts, orphaned accounts and grants, leavers still holding
access, and what changed since the store's last snapshot) and its evidence as CSV (matrix,
grants, changes, dormant, orphans, leavers). The store is only read. Prints the paths written. Exits 3 when a vendor could not be read (the report says so on every page section).

Options:
  --out <dir>     the folder to write (default ./rollcall-review-<date>; created if missing)
${STORE_OPTION}
${SOURCE_OPTIONS}`,
  snapshot: `Usage: rollcall snapshot [--store <path>] [--vendor <id>] [--simulate]

Pulls every vendor, as directory does, and records people, accounts, entitlements, grants,
contact-only matches, unreadable records and whether each vendor's pull was complete as one new
snapshot in the store. Prints the snapshot's id and counts. The store is written whole or not at
all. Exits 3 when a vendor could not be read (the snapshot records it as incomplete).

Options:
${STORE_OPTION}
${SOURCE_OPTIONS}`,
  history: `Usage: rollcall history [--json] [--store <path>]

Lists the snapshots in the store, oldest first: id, time, people, accounts, vendors complete.

Options:
  --json          print the list as JSON
${STORE_OPTION}
  -h, --help      show this help`,
  diff: `Usage: rollcall diff [FROM] [TO] [--json | --csv] [--store <path>]

What changed from snapshot FROM to snapshot TO: people who joined or left, accounts added or
removed, grants gained or lost, and privilege changes. With no ids: the last two snapshots; with
one: from it to the last. A vendor not read completely in either snapshot is reported as unknown
and contributes no changes. Exits 1 when the store has fewer than two snapshots.

Options:
  --json          print the changes as JSON
  --csv           print one CSV row per change
${STORE_OPTION}
  -h, --help      show this help`,
};

export function helpText(command?: CommandName): string {
  return command === undefined ? TOP : COMMANDS[command];
}
