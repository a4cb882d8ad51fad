// Writes one snapshot into an open store, in one transaction: the adapter results per vendor (to
// load the snapshot back exactly) and the relational rows (to query it with SQL).
import { gzipSync } from "node:zlib";
import type { AdapterResult, Directory } from "@rollcall/core";
import type { Database, SqlValue } from "sql.js";
import { assembleDirectory, type PulledDirectory, type VendorPull } from "../pull";
import type { SecretScrubber } from "../secret-scrubber";
import { redactDeep } from "./redact";

export interface SnapshotMeta {
  /** ISO 8601, UTC. */
  readonly takenAt: string;
  readonly rollcallVersion: string;
}

/** "simulators", "vendors" or "mixed": where the snapshot's data came from. */
function sourceOf(pulls: readonly VendorPull[]): string {
  const simulated = pulls.filter((pull) => pull.source.startsWith("simulator")).length;
  if (simulated === pulls.length) return "simulators";
  return simulated === 0 ? "vendors" : "mixed";
}

/** Inserts rows through one prepared statement per table. */
class Inserter {
  readonly #statement;
  constructor(db: Database, table: string, columns: readonly string[]) {
    const marks = columns.map(() => "?").join(", ");
    this.#statement = db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${marks})`);
  }
  row(values: SqlValue[]): void {
    this.#statement.run(values);
  }
  done(): void {
    this.#statement.free();
  }
}

const flag = (value: boolean | undefined): number | null =>
  value === undefined ? null : value ? 1 : 0;

function adapterResult(pull: VendorPull & { status: "ok" }): AdapterResult {
  return {
    accounts: [...pull.accounts],
    issues: [...pull.issues],
    entitlements: [...(pull.access.entitlements ?? [])],
    grants: [...(pull.access.grants ?? [])],
  };
}

function insertDirectoryRows(db: Database, id: number, directory: Directory): void {
  const people = new Inserter(db, "people", [
    "snapshot_id",
    "person_id",
    "primary_email",
    "display_name",
    "emails_json",
  ]);
  const accounts = new Inserter(db, "accounts", [
    "snapshot_id",
    "vendor",
    "kind",
    "account_id",
    "person_id",
    "display_name",
    "status",
    "role_level",
    "role_name",
    "last_login_at",
    "created_at",
    "emails_json",
  ]);
  const matches = new Inserter(db, "contact_matches", [
    "snapshot_id",
    "person_id",
    "email",
    "vendor",
    "account_kind",
    "account_id",
    "via",
    "account_person_id",
  ]);
  for (const person of directory.people) {
    // A person with no login/primary address is an account nobody claims.
    const claimed = person.emails.length > 0 ? person.id : null;
    if (claimed !== null) {
      people.row([
        id,
        person.id,
        person.primaryEmail,
        person.displayName,
        JSON.stringify(person.emails),
      ]);
    }
    for (const account of person.accounts) {
      const { vendor, kind, id: accountId } = account.source;
      const emails = account.emails.map(({ value, kind: emailKind }) => ({
        value,
        kind: emailKind,
      }));
      accounts.row([
        id,
        vendor,
        kind,
        accountId,
        claimed,
        account.names.display,
        account.status,
        account.role.level,
        account.role.raw,
        account.lastLoginAt?.iso ?? null,
        account.createdAt?.iso ?? null,
        JSON.stringify(emails),
      ]);
    }
    for (const match of person.contactMatches) {
      const { vendor, kind, id: accountId } = match.account;
      matches.row([id, person.id, match.email, vendor, kind, accountId, match.via, match.personId]);
    }
  }
  const issues = new Inserter(db, "issues", [
    "snapshot_id",
    "vendor",
    "kind",
    "record_id",
    "reason",
  ]);
  for (const issue of directory.issues) {
    issues.row([id, issue.vendor, issue.kind, issue.id ?? null, issue.reason]);
  }
  for (const inserter of [people, accounts, matches, issues]) inserter.done();
}

function insertAccessRows(db: Database, id: number, pulled: PulledDirectory): void {
  const entitlements = new Inserter(db, "entitlements", [
    "snapshot_id",
    "vendor",
    "kind",
    "entitlement_id",
    "name",
    "privilege",
    "vendor_wide",
  ]);
  for (const item of pulled.access.entitlements) {
    const wide = item.vendorWide === true || item.kind === "role" || item.kind === "permission";
    entitlements.row([
      id,
      item.vendor,
      item.kind,
      item.id,
      item.name,
      item.privilege,
      wide ? 1 : 0,
    ]);
  }
  const grants = new Inserter(db, "grants", [
    "snapshot_id",
    "vendor",
    "account_kind",
    "account_id",
    "entitlement_kind",
    "entitlement_id",
    "privilege",
    "via",
    "on_call_now",
    "person_id",
    "active",
  ]);
  for (const { grant, personId, active } of pulled.access.entries) {
    grants.row([
      id,
      grant.account.vendor,
      grant.account.kind,
      grant.account.id,
      grant.entitlement.kind,
      grant.entitlement.id,
      grant.privilege,
      grant.via,
      grant.entitlement.kind === "schedule" ? (flag(grant.onCallNow) ?? 0) : null,
      personId,
      active ? 1 : 0,
    ]);
  }
  entitlements.done();
  grants.done();
}

/**
 * Adds a snapshot of `pulled` and returns its id. Everything is inserted inside one transaction;
 * on any error it is rolled back and the store is as it was.
 */
export function insertSnapshot(
  db: Database,
  pulled: PulledDirectory,
  meta: SnapshotMeta,
  scrubber: SecretScrubber,
): number {
  // The vendors' results, scrubbed, and the directory rebuilt from them: every row below comes
  // from this copy, so the rows and the stored results always agree.
  const safe = assembleDirectory(redactDeep(pulled.pulls, scrubber) as VendorPull[]);
  db.exec("BEGIN");
  try {
    db.run("INSERT INTO snapshots (taken_at, source, rollcall_version) VALUES (?, ?, ?)", [
      meta.takenAt,
      sourceOf(safe.pulls),
      meta.rollcallVersion,
    ]);
    const id = Number(db.exec("SELECT last_insert_rowid()")[0]!.values[0]![0]);
    const pulls = new Inserter(db, "vendor_pulls", [
      "snapshot_id",
      "position",
      "vendor",
      "source",
      "complete",
      "error",
      "pages",
      "result_json_gz",
    ]);
    safe.pulls.forEach((pull, position) => {
      const ok = pull.status === "ok";
      pulls.row([
        id,
        position,
        pull.vendor,
        pull.source,
        ok ? 1 : 0,
        ok ? null : pull.error,
        ok ? pull.pages : null,
        ok ? gzipSync(JSON.stringify(adapterResult(pull))) : null,
      ]);
    });
    pulls.done();
    insertDirectoryRows(db, id, safe.directory);
    insertAccessRows(db, id, safe);
    db.exec("COMMIT");
    return id;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
