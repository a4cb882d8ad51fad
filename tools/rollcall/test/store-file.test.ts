// The store's file on disk: a path that cannot be read or written is a clear StoreError naming it,
// and a write that fails leaves no temporary file behind and the old store as it was.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, schemaVersion } from "../src/store/schema";
import { SnapshotStore } from "../src/store/snapshot-store";
import { openDatabaseFile, saveDatabaseFile } from "../src/store/sqlite-file";
import { StoreError } from "../src/store/store-error";
import { useTempStore } from "./temp-store";

const temp = useTempStore();

describe("the store's file", () => {
  it("refuses a path it cannot read, naming it", async () => {
    mkdirSync(temp.path);
    const error = await SnapshotStore.open(temp.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(
      new RegExp(`^cannot read the store ${temp.path}: EISDIR`),
    );
  });

  it("fails a write it cannot finish with a StoreError, leaving no temporary file beside it", async () => {
    // A directory stands where the store should go: the rename over it fails.
    mkdirSync(temp.path);
    writeFileSync(join(temp.path, "keep"), "x");
    const db = await openDatabaseFile(join(temp.dir, "absent.db"));
    try {
      expect(() => saveDatabaseFile(db, temp.path)).toThrow(
        new RegExp(`^cannot write the store ${temp.path}: `),
      );
      expect(() => saveDatabaseFile(db, temp.path)).toThrow(StoreError);
    } finally {
      db.close();
    }
    expect(readdirSync(temp.dir)).toEqual(["rollcall.db"]);
    expect(readFileSync(join(temp.path, "keep"), "utf8")).toBe("x");
  });

  it("writes a new store whole, with only the store itself left in its folder", async () => {
    const db = await openDatabaseFile(temp.path);
    try {
      db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (42);");
      saveDatabaseFile(db, temp.path);
    } finally {
      db.close();
    }
    expect(readdirSync(temp.dir)).toEqual(["rollcall.db"]);
    const reopened = await openDatabaseFile(temp.path);
    try {
      expect(reopened.exec("SELECT x FROM t")[0]?.values).toEqual([[42]]);
    } finally {
      reopened.close();
    }
  });

  it("fails a write into a folder that does not exist with a StoreError", async () => {
    const db = await openDatabaseFile(temp.path);
    const path = join(temp.dir, "missing", "rollcall.db");
    try {
      expect(() => saveDatabaseFile(db, path)).toThrow(StoreError);
    } finally {
      db.close();
    }
  });
});

describe("the store's migrations", () => {
  const names = (db: Awaited<ReturnType<typeof openDatabaseFile>>, type: string) =>
    (
      db.exec(`SELECT name FROM sqlite_master WHERE type = '${type}' ORDER BY name`)[0]?.values ??
      []
    ).flat();

  it("gives a new store its tables and the look-up indexes by snapshot", async () => {
    const db = await openDatabaseFile(temp.path);
    try {
      migrate(db, temp.path);
      expect(names(db, "index")).toEqual(
        expect.arrayContaining([
          "accounts_by_snapshot",
          "grants_by_snapshot",
          "issues_by_snapshot",
        ]),
      );
    } finally {
      db.close();
    }
  });

  it("rolls back a migration that fails part-way, leaving the store at its version", async () => {
    const db = await openDatabaseFile(temp.path);
    try {
      migrate(db, temp.path, 1);
      // Migration 2's last index cannot be made: a table already has its name.
      db.exec("CREATE TABLE issues_by_snapshot (x)");
      expect(() => migrate(db, temp.path)).toThrow(/issues_by_snapshot/);
      expect(schemaVersion(db)).toBe(1);
      expect(names(db, "index")).not.toContain("accounts_by_snapshot");
    } finally {
      db.close();
    }
  });
});
