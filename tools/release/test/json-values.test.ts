// sameJson decides whether an enum, a security requirement or an unknown keyword changed: key
// order must not count, and anything else that differs must.
import { describe, expect, it } from "vitest";
import { asArray, asObject, isObject, sameJson } from "../src/json-values";

describe("sameJson", () => {
  it("ignores the order of object keys, at every depth", () => {
    expect(sameJson({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
  });

  it.each([
    ["list order", [1, 2], [2, 1]],
    ["list members", [1], [2]],
    ["list boundaries", [1, 2], [12]],
    ["a missing list member", [undefined], []],
    ["null and an empty object", null, {}],
    ["a number and its text", 1, "1"],
    ["a nested value", { a: { b: 1 } }, { a: { b: 2 } }],
    ["a key", { a: 1 }, { b: 1 }],
  ])("tells apart %s", (_name, a, b) => {
    expect(sameJson(a, b)).toBe(false);
  });

  it("compares recursive values without looping", () => {
    const loop = (label: string) => {
      const node: Record<string, unknown> = { label };
      node.self = node;
      return node;
    };
    expect(sameJson(loop("a"), loop("a"))).toBe(true);
    expect(sameJson(loop("a"), loop("b"))).toBe(false);
  });
});

describe("the shape guards", () => {
  it("take only plain objects as objects, and only arrays as lists", () => {
    expect([isObject({}), isObject([]), isObject(null), isObject("a")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(asObject([1])).toEqual({});
    expect(asArray({ length: 1 })).toEqual([]);
  });
});
