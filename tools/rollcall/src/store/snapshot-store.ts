// The snapshot store as the commands use it: a file opened, brought up to date, read or appended
// to, and (after an append) saved atomically.
import type { Database } from "sql.js";
import type { PulledDirectory } from "../pull";
import type { SecretScrubber } from "../secret-scrubber";
import { migrate, schemaVersion, SCHEMA_VERSION } from "./schema";
import { listSnapshots, loadSnapshot, type SnapshotSummary } from "./read-snapshot";
import { openDatabaseFile, saveDatabaseFile } from "./sqlite-file";
import { insertSnapshot, type SnapshotMeta } from "./write-snapshot";

export class SnapshotStore {
  readonly #db: Database;
  readonly path: string;

  private constructor(db: Database, path: string) {
    this.#db = db;
    this.path = path;
  }

  /**
   * Opens the store at `path` (nothing yet: an empty store, written on the first append). An
   * older schema is migrated in memory and written back with the next append.
   */
  static async open(path: string): Promise<SnapshotStore> {
    const db = await openDatabaseFile(path);
    try {
      migrate(db, path);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SnapshotStore(db, path);
  }

  /** Adds a snapshot and saves the file: afterwards it is on disk whole, or the old file stands. */
  append(pulled: PulledDirectory, meta: SnapshotMeta, scrubber: SecretScrubber): number {
    const id = insertSnapshot(this.#db, pulled, meta, scrubber);
    saveDatabaseFile(this.#db, this.path);
    return id;
  }

  list(): SnapshotSummary[] {
    return listSnapshots(this.#db);
  }

  load(summary: SnapshotSummary) {
    return loadSnapshot(this.#db, summary);
  }

  get version(): number {
    return schemaVersion(this.#db);
  }

  close(): void {
    this.#db.close();
  }
}

export { SCHEMA_VERSION };
