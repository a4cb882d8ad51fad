// One snapshot writes the store at a time: a second waits for a live writer, takes over from a
// dead one at once, and gives up with a clear error rather than waiting forever.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../src/store/store-error";
import { withStoreLock, type LockHolder } from "../src/store/store-lock";
import { useTempStore } from "./temp-store";

const temp = useTempStore();
let store: string;
let lock: string;
beforeEach(() => {
  store = temp.path;
  lock = `${store}.lock`;
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  return child.pid!;
}

function writeLock(holder: unknown, ageMs = 0): void {
  writeFileSync(lock, typeof holder === "string" ? holder : JSON.stringify(holder));
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(lock, when, when);
}

const fast = { pollMs: 5 };

describe("the store's write lock", () => {
  it("is held while the work runs and removed afterwards, also when the work throws", async () => {
    let heldBy: LockHolder | undefined;
    await withStoreLock(store, () => {
      heldBy = JSON.parse(readFileSync(lock, "utf8"));
    });
    expect(heldBy).toEqual({ pid: process.pid, host: hostname() });
    expect(existsSync(lock)).toBe(false);

    await expect(
      withStoreLock(store, () => {
        throw new Error("the pull failed");
      }),
    ).rejects.toThrow("the pull failed");
    expect(existsSync(lock)).toBe(false);
  });

  it("makes a second writer wait for the first, and says once whom it waits for", async () => {
    const order: string[] = [];
    const waitedFor: LockHolder[] = [];
    let releaseFirst!: () => void;
    const first = withStoreLock(store, async () => {
      order.push("first starts");
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push("first ends");
    });
    const second = withStoreLock(store, () => void order.push("second runs"), {
      ...fast,
      onWait: (holder) => waitedFor.push(holder),
    });
    // longer than a moment: by default a writer waits up to 10 minutes
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(order).toEqual(["first starts"]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "first ends", "second runs"]);
    expect(waitedFor).toEqual([{ pid: process.pid, host: hostname() }]);
  });

  it("takes over at once from a writer on this machine that died holding it", async () => {
    // also when another writer died while taking over from it, leaving its breaker lock
    for (const breakerLeft of [false, true]) {
      writeLock({ pid: deadPid(), host: hostname() });
      const breaker = JSON.stringify({ pid: deadPid(), host: hostname() });
      if (breakerLeft) writeFileSync(`${lock}.break`, breaker);
      let ran = false;
      await withStoreLock(store, () => void (ran = true), { waitMs: 0 });
      expect(ran).toBe(true);
      expect(existsSync(lock)).toBe(false);
      expect(existsSync(`${lock}.break`)).toBe(false);
    }
  });

  it("waits, within its wait, while a live writer is clearing a stale lock, then takes over", async () => {
    // the dead writer's lock, and the breaker another writer (alive: this process) took to clear
    // it. Waiting means pausing between attempts and giving up in time, not spinning.
    writeLock({ pid: deadPid(), host: hostname() });
    const breaker = `${lock}.break`;
    writeFileSync(breaker, JSON.stringify({ pid: process.pid, host: hostname() }));
    await expect(withStoreLock(store, () => {}, { ...fast, waitMs: 30 })).rejects.toThrow(
      StoreError,
    );
    expect(existsSync(lock)).toBe(true);
    expect(existsSync(breaker)).toBe(true);

    let ran = false;
    const writer = withStoreLock(store, () => void (ran = true), fast);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toBe(false);
    rmSync(breaker);
    await writer;
    expect(ran).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it("fails with a StoreError naming the lock when it cannot create it", async () => {
    const missing = join(temp.dir, "no-such-folder", "rollcall.db");
    await expect(withStoreLock(missing, () => {}, { ...fast, waitMs: 30 })).rejects.toThrow(
      new StoreError(
        `cannot lock the store (${missing}.lock): ENOENT: no such file or directory, open '${missing}.lock'`,
      ),
    );
  });

  it("gives up after its wait with an error naming the live holder and the lock to delete", async () => {
    writeLock({ pid: process.pid, host: hostname() });
    const failure = withStoreLock(store, () => {}, { ...fast, waitMs: 30 });
    await expect(failure).rejects.toThrow(StoreError);
    await expect(failure).rejects.toThrow(
      `being written by process ${process.pid} on ${hostname()}; try again when it has finished (if nothing is writing it, delete ${lock})`,
    );
    expect(existsSync(lock)).toBe(true);
  });

  it("honours another machine's lock (a shared drive) until it is an hour old", async () => {
    writeLock({ pid: 1, host: "build-agent-7" }, 59 * 60 * 1000);
    await expect(withStoreLock(store, () => {}, { ...fast, waitMs: 30 })).rejects.toThrow(
      "process 1 on build-agent-7",
    );
    writeLock({ pid: 1, host: "build-agent-7" }, 61 * 60 * 1000);
    let ran = false;
    await withStoreLock(store, () => void (ran = true), { waitMs: 0 });
    expect(ran).toBe(true);
  });

  it("treats a lock with no readable holder as a crash between create and write after 10 s", async () => {
    const waitedFor: unknown[] = [];
    const onWait = (holder: LockHolder) => void waitedFor.push(holder);
    for (const unreadable of [
      "",
      '{"pid":7}',
      '{"host":"build-agent-7"}',
      '{"pid":"7","host":"x"}',
    ]) {
      writeLock(unreadable, 1000);
      await expect(withStoreLock(store, () => {}, { ...fast, waitMs: 30, onWait })).rejects.toThrow(
        "being written by another process;",
      );
    }
    // nobody to name while it waits
    expect(waitedFor).toEqual([]);
    writeLock("{not json", 11_000);
    let ran = false;
    await withStoreLock(store, () => void (ran = true), { waitMs: 0 });
    expect(ran).toBe(true);
  });

  it("leaves alone, on release, a lock that is no longer its own", async () => {
    for (const other of [
      { pid: process.pid + 1, host: "elsewhere" },
      { pid: process.pid + 1, host: hostname() },
      { pid: process.pid, host: "elsewhere" },
    ]) {
      await withStoreLock(store, () => writeLock(other));
      expect(JSON.parse(readFileSync(lock, "utf8"))).toEqual(other);
      rmSync(lock);
    }
    // and finishes quietly when its lock was removed under it
    await expect(withStoreLock(store, () => rmSync(lock))).resolves.toBeUndefined();
  });
});
