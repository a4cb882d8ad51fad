// Where `snapshot`, `history`, `diff` and `review` find the store: --store, else ROLLCALL_STORE
// when it holds more than spaces, else rollcall.db in the working folder.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { storePath } from "../src/store/store-path";

describe("the store's path", () => {
  it("is --store when given, whatever ROLLCALL_STORE says", () => {
    expect(storePath("team.db", { ROLLCALL_STORE: "/srv/rollcall.db" })).toBe(resolve("team.db"));
  });

  it("is ROLLCALL_STORE without the spaces around it", () => {
    expect(storePath(undefined, { ROLLCALL_STORE: " \t/srv/rollcall.db  " })).toBe(
      "/srv/rollcall.db",
    );
  });

  it("is rollcall.db in the working folder when ROLLCALL_STORE is unset or blank", () => {
    expect(storePath(undefined, {})).toBe(resolve("rollcall.db"));
    expect(storePath(undefined, { ROLLCALL_STORE: "  " })).toBe(resolve("rollcall.db"));
  });
});
