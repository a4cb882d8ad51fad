import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, rotated } from "../src/statistics";

describe("median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("ignores one wild outlier (why the bench reports medians)", () => {
    expect(median([10, 11, 9, 10, 500])).toBe(10);
  });

  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("rotated", () => {
  it("puts every subject first once over as many rounds as there are subjects", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 12 }), (items) => {
        const firsts = items.map((_, round) => rotated(items, round)[0]);
        expect(new Set(firsts)).toEqual(new Set(items));
        for (let round = 0; round < items.length; round++) {
          expect([...rotated(items, round)].sort()).toEqual([...items].sort());
        }
      }),
    );
  });
});
