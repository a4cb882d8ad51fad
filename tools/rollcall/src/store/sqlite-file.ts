// The SQLite engine (sql.js: SQLite compiled to WebAssembly, so it installs with no compiler and
// no download beyond the npm registry) and the file it lives in. sql.js keeps the database in
// memory: a file is read whole when opened and written whole when saved — to a temporary file
// beside it, flushed to disk, then renamed over the old one, so a crash at any moment leaves
// either the old file or the new one, never a mix.
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import type { Database, SqlJsStatic } from "sql.js";
import { StoreError } from "./store-error";

let engine: Promise<SqlJsStatic> | undefined;

/** Loaded on first use only: help, usage errors and the other commands never pay for it. */
function sqlite(): Promise<SqlJsStatic> {
  engine ??= import("sql.js").then((module) => module.default());
  return engine;
}

function readIfPresent(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StoreError(`cannot read the store ${path}: ${(error as Error).message}`);
  }
}

/** The database in `path`, or a new empty one when there is no such file yet. */
export async function openDatabaseFile(path: string): Promise<Database> {
  const SQL = await sqlite();
  const bytes = readIfPresent(path);
  const db = new SQL.Database(bytes);
  try {
    // sql.js only notices a file that is not SQLite when it first reads it.
    db.exec("SELECT count(*) FROM sqlite_master");
    // The database is in memory already and reaches disk only through saveDatabaseFile: a
    // rollback journal on sql.js's in-memory file system would only copy every page twice.
    db.exec("PRAGMA journal_mode = MEMORY");
    // Index pages of a large snapshot are inserted out of order: keep them cached (64 MB).
    db.exec("PRAGMA cache_size = -65536");
  } catch {
    db.close();
    throw new StoreError(`${path} is not a rollcall store (not an SQLite database)`);
  }
  return db;
}

function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Makes a rename durable: on POSIX the directory entry is flushed separately (best effort). */
function syncDirectory(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), "r");
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces `path` with the database's bytes atomically: all of it or none of it. */
export function saveDatabaseFile(db: Database, path: string): void {
  const bytes = db.export();
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(temporary, "w", 0o600);
    try {
      writeFully(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new StoreError(`cannot write the store ${path}: ${(error as Error).message}`);
  }
  syncDirectory(path);
}
