// One writer at a time. sql.js holds the store in memory and a snapshot writes the whole file
// back, so two snapshots saving at once would each write their own copy and the later rename
// would drop the other's snapshot. A writer holds `<store>.lock` (created exclusively) from the
// moment it reads the file until its rename lands.
//
// Why not proper-lockfile: it tells a stale lock by an mtime its holder refreshes on a timer, and
// a snapshot's insert is one synchronous SQLite transaction that can run for minutes on a large
// organisation, so the timer would not fire and the lock would look abandoned. Here a lock names
// its holder's host and pid: on the same host a dead holder is noticed at once (the usual end of
// a killed snapshot), and a lock from another host is honoured until it is an hour old.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { StoreError } from "./store-error";

export interface StoreLockOptions {
  /** Longest wait for another writer (default 10 minutes). */
  readonly waitMs?: number;
  /** Called once when the lock is held by another live writer and this one starts waiting. */
  readonly onWait?: (holder: LockHolder) => void;
  /** Pause between attempts (default 250 ms). */
  readonly pollMs?: number;
}

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

const FOREIGN_LOCK_STALE_MS = 60 * 60 * 1000;
// A lock file without a readable holder was cut short by a crash between create and write.
const UNREADABLE_LOCK_STALE_MS = 10_000;

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return Number.isInteger(holder.pid) && typeof holder.host === "string"
      ? { pid: holder.pid!, host: holder.host }
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether the lock at `path` has been abandoned by its holder. */
function isStale(path: string, holder: LockHolder | undefined): boolean {
  if (holder === undefined) return ageMs(path) > UNREADABLE_LOCK_STALE_MS;
  if (holder.host === hostname()) return !isAlive(holder.pid);
  return ageMs(path) > FOREIGN_LOCK_STALE_MS;
}

/** Creates the lock file exclusively: true when this process now holds it. */
function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new StoreError(`cannot lock the store (${path}): ${(error as Error).message}`);
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock. Two writers may find the same lock stale at once: each first takes a
 * short-lived breaker lock, and checks again under it, so neither removes a lock the other has
 * just created. False when another live writer holds the breaker: the caller then waits as for
 * any holder, rather than spinning until that writer is done (or, for a breaker left on a shared
 * drive by another machine, for an hour).
 */
function breakStale(path: string, self: LockHolder): boolean {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, self)) {
    if (!isStale(breaker, readHolder(breaker))) return false;
    rmSync(breaker, { force: true });
    return true;
  }
  try {
    if (isStale(path, readHolder(path))) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
  return true;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` holding the store's write lock, and releases it however `work` ends. */
export async function withStoreLock<T>(
  store: string,
  work: () => Promise<T> | T,
  options: StoreLockOptions = {},
): Promise<T> {
  const path = `${store}.lock`;
  const self: LockHolder = { pid: process.pid, host: hostname() };
  const deadline = Date.now() + (options.waitMs ?? 10 * 60 * 1000);
  let waiting = false;
  while (!tryCreate(path, self)) {
    const holder = readHolder(path);
    if (isStale(path, holder) && breakStale(path, self)) continue;
    if (Date.now() >= deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host}` : "another process";
      throw new StoreError(
        `the store ${store} is being written by ${who}; try again when it has finished (if nothing is writing it, delete ${path})`,
      );
    }
    if (!waiting && holder !== undefined) options.onWait?.(holder);
    waiting = true;
    await pause(options.pollMs ?? 250);
  }
  try {
    return await work();
  } finally {
    // Only our own lock: never one a writer took over after ours was judged stale.
    const holder = readHolder(path);
    if (holder?.pid === self.pid && holder.host === self.host) rmSync(path, { force: true });
  }
}
