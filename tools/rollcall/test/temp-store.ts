// A fresh folder per test with the path of a store in it (not created), removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

export interface TempStore {
  readonly dir: string;
  /** `<dir>/rollcall.db` */
  readonly path: string;
}

export function useTempStore(): TempStore {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "rollcall-store-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    get path() {
      return join(dir, "rollcall.db");
    },
  };
}
