import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/identity/bounded-memo";

describe("boundedMemo", () => {
  it("computes each key once, null and undefined answers included", () => {
    const asked: string[] = [];
    const memo = boundedMemo((key) => (asked.push(key), key === "none" ? null : key.length));
    expect([memo("en"), memo("en"), memo("none"), memo("none"), memo("fr-FR")]).toEqual([
      2,
      2,
      null,
      null,
      5,
    ]);
    expect(asked).toEqual(["en", "none", "fr-FR"]);
  });

  it("forgets everything at its limit instead of growing without bound", () => {
    const asked: string[] = [];
    const memo = boundedMemo((key) => (asked.push(key), key), 3);
    for (const key of ["a", "b", "c", "d", "a"]) memo(key);
    // "d" found the memory full and emptied it, so "a" is computed again.
    expect(asked).toEqual(["a", "b", "c", "d", "a"]);
    memo("d");
    expect(asked).toHaveLength(5);
  });
});
