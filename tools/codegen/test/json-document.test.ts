// How every codegen reader follows a bundled spec's internal $refs: JSON Pointer escapes decoded,
// chains followed to the end, and a cycle ending instead of hanging codegen.
import { describe, expect, it } from "vitest";
import { isRecord, resolve } from "../src/json-document";

describe("isRecord", () => {
  it("takes only plain objects as JSON objects", () => {
    expect(isRecord({ $ref: "#/a" })).toBe(true);
    expect(isRecord([{ $ref: "#/a" }])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord("#/a")).toBe(false);
  });
});

describe("resolve", () => {
  it("decodes ~1 as / and ~0 as ~ in each pointer segment", () => {
    const document = {
      paths: { "/users/{id}": { get: { operationId: "getUser" } } },
      components: { schemas: { "a~b": { type: "string" } } },
    };
    expect(resolve(document, { $ref: "#/paths/~1users~1{id}/get" })).toEqual({
      operationId: "getUser",
    });
    expect(resolve(document, { $ref: "#/components/schemas/a~0b" })).toEqual({ type: "string" });
  });

  it("follows a chain of refs to the value at its end, and leaves a value without $ref as it is", () => {
    // 21 hops: the ref given → ref0 → … → ref19 → the schema
    const schemas: Record<string, unknown> = { target: { type: "integer" } };
    for (let i = 0; i <= 19; i++) {
      schemas[`ref${i}`] = {
        $ref: i === 19 ? "#/components/schemas/target" : `#/components/schemas/ref${i + 1}`,
      };
    }
    const document = { components: { schemas } };
    expect(resolve(document, { $ref: "#/components/schemas/ref0" })).toEqual({ type: "integer" });
    const plain = { type: "string" };
    expect(resolve(document, plain)).toBe(plain);
    expect(resolve(document, { $ref: 7 })).toEqual({ $ref: 7 });
    expect(resolve(document, { $ref: "#/components/schemas/missing" })).toBeUndefined();
  });

  it("ends on a cycle of refs instead of recursing forever", () => {
    const document = {
      components: {
        schemas: { a: { $ref: "#/components/schemas/b" }, b: { $ref: "#/components/schemas/a" } },
      },
    };
    expect(resolve(document, { $ref: "#/components/schemas/a" })).toHaveProperty("$ref");
  });
});
