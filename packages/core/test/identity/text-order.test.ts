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
});
