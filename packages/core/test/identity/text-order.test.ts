import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACKED_UNITS, PACKED_WORDS, orderByText, packText } from "../../src/identity/text-order";
import { UnionFind } from "../../src/identity/union-find";

const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function order(texts: readonly string[]): number[] {
  const words = new Int32Array(texts.length * PACKED_WORDS);
  texts.forEach((text, i) => packText(text, words, i * PACKED_WORDS));
  return Array.from(orderByText(texts.length, words, (i) => texts[i]!));
}

/** What a stable sort by code units gives. */
const stable = (texts: readonly string[]) =>
  texts.map((_, i) => i).sort((x, y) => byUnits(texts[x]!, texts[y]!) || x - y);

describe("orderByText", () => {
  // Units around the packing's edges: the last packed one (125), the first merged ones, surrogates.
  const unit = fc.constantFrom("", "a", "b", "}", "~", "\u007f", "é", "\ud83d", "\ude00", "\uffff");
  const text = fc.oneof(
    fc.array(unit, { maxLength: 6 }).map((units) => units.join("")),
    fc.string({ unit: "binary", maxLength: 30 }),
    // Long shared prefixes, so the packed words tie and the strings decide.
    fc
      .tuple(
        fc.constantFrom("", "x".repeat(PACKED_UNITS - 1), "y".repeat(PACKED_UNITS + 3)),
        fc.string({ maxLength: 4 }),
      )
      .map(([prefix, rest]) => prefix + rest),
  );

  it("gives the order a stable sort by code units gives", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (texts) => {
        expect(order(texts)).toEqual(stable(texts));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps equal texts in input order", () => {
    expect(order(["b", "a", "b", "a"])).toEqual([1, 3, 0, 2]);
  });

  it("orders texts alike in their first units by what follows", () => {
    const texts = ["person.12@corp", "person.1@corp", "person.123@corp", "person.12"];
    expect(order(texts)).toEqual(stable(texts));
    const long = "z".repeat(PACKED_UNITS);
    expect(order([`${long}b`, `${long}a`, long])).toEqual([2, 1, 0]);
  });

  it("orders units past the packed range by the strings", () => {
    const texts = ["a\u00ffb", "a\u00ffa", "a\u007f", "a~", "a}"];
    expect(order(texts)).toEqual([4, 3, 2, 1, 0]);
  });

  it("orders the lowest units after the end of a text and before every other unit", () => {
    const texts = ["a", "\u0001", "\u0000a", "", "\u0000"];
    expect(order(texts)).toEqual([3, 4, 2, 1, 0]);
  });

  it("reads no text whose packed words already tell it apart from the others", () => {
    // Distinct texts of up to PACKED_UNITS units, each below 126: the packed words decide alone.
    const packable = fc.constantFrom("\u0000", "\u0001", " ", "a", "b", "|", "}");
    const texts = fc.uniqueArray(
      fc.array(packable, { maxLength: PACKED_UNITS }).map((units) => units.join("")),
      { minLength: 2, maxLength: 40 },
    );
    fc.assert(
      fc.property(texts, (list) => {
        const words = new Int32Array(list.length * PACKED_WORDS);
        list.forEach((text, i) => packText(text, words, i * PACKED_WORDS));
        const read: number[] = [];
        const sorted = orderByText(list.length, words, (i) => {
          read.push(i);
          return list[i]!;
        });
        expect(read).toEqual([]);
        expect(Array.from(sorted)).toEqual(stable(list));
      }),
      { numRuns: 200 },
    );
    const words = new Int32Array(2 * PACKED_WORDS);
    const edge = ["}a", "}b"];
    edge.forEach((text, i) => packText(text, words, i * PACKED_WORDS));
    expect(Array.from(orderByText(2, words, () => expect.unreachable()))).toEqual([0, 1]);
  });

  it("packs a text into its own PACKED_WORDS words and nowhere else", () => {
    const words = new Int32Array(3 * PACKED_WORDS).fill(-1);
    packText("y".repeat(PACKED_UNITS + 8), words, PACKED_WORDS);
    expect(Array.from(words.subarray(0, PACKED_WORDS))).toEqual(Array(PACKED_WORDS).fill(-1));
    expect(Array.from(words.subarray(2 * PACKED_WORDS))).toEqual(Array(PACKED_WORDS).fill(-1));
    // Packed last to first, as a caller may: each text keeps its own words.
    const texts = ["b".repeat(PACKED_UNITS + 4), "a", "c".repeat(PACKED_UNITS + 4), "ab"];
    const backwards = new Int32Array(texts.length * PACKED_WORDS);
    for (let i = texts.length - 1; i >= 0; i--) packText(texts[i]!, backwards, i * PACKED_WORDS);
    expect(Array.from(orderByText(texts.length, backwards, (i) => texts[i]!))).toEqual([
      1, 3, 0, 2,
    ]);
  });

  it("orders thousands of texts that differ only in their last digits", () => {
    const texts = Array.from({ length: 5000 }, (_, n) => `user.${(n * 7919) % 5000}@example.com`);
    expect(order(texts)).toEqual(stable(texts));
  });
});

describe("UnionFind.flatten", () => {
  it("points every item at its set's root, and finds the same roots after", () => {
    const sets = new UnionFind(6);
    sets.union(0, 1);
    sets.union(2, 1);
    sets.union(4, 5);
    const roots = Array.from(sets.flatten(6));
    expect(roots[0]).toBe(roots[1]);
    expect(roots[2]).toBe(roots[1]);
    expect(roots[4]).toBe(roots[5]);
    expect(new Set(roots).size).toBe(3);
    expect(roots.map((_, i) => sets.find(i))).toEqual(roots);
  });

  it("points an item two joins below its root straight at that root", () => {
    // Two pairs, then the pairs joined: one item of the second pair ends up two levels down.
    const sets = new UnionFind(4);
    sets.union(0, 1);
    sets.union(2, 3);
    sets.union(0, 2);
    const root = sets.find(0);
    expect(Array.from(sets.flatten(4))).toEqual([root, root, root, root]);
  });
});
