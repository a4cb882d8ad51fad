import { describe, expect, it } from "vitest";
import { findExampleFailures } from "../src/example-checks";

/** A minimal bundled spec with one operation whose 200 response carries the given example. */
function specWith(schemas: Record<string, unknown>, schemaRef: string, value: unknown) {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/pets": {
        get: {
          operationId: "listPets",
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { $ref: `#/components/schemas/${schemaRef}` },
                  examples: { sample: { value } },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}

const base = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string" } },
};

describe("findExampleFailures", () => {
  it("rejects a property the schema does not declare, naming spec, operation, example and path", async () => {
    const failures = await findExampleFailures(
      "specs/x.yaml",
      specWith({ Base: base }, "Base", { id: "1", nickname: "rex" }),
    );
    expect(failures).toEqual([
      'specs/x.yaml: listPets response 200 application/json example "sample" at /: has property "nickname" that the schema does not declare',
    ]);
  });

  it("accepts properties declared across allOf members, and still rejects undeclared ones", async () => {
    const schemas = {
      Base: base,
      Dog: {
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { properties: { bark: { type: "boolean" } } },
        ],
      },
    };
    expect(
      await findExampleFailures("x", specWith(schemas, "Dog", { id: "1", bark: true })),
    ).toEqual([]);
    const failures = await findExampleFailures("x", specWith(schemas, "Dog", { id: "1", meow: 1 }));
    expect(failures.join("\n")).toContain('"meow"');
  });

  it("picks the oneOf branch by discriminator and closes it", async () => {
    const schemas = {
      Cat: {
        type: "object",
        required: ["kind"],
        properties: { kind: { const: "cat" }, purrs: { type: "boolean" } },
      },
      Dog: {
        type: "object",
        required: ["kind"],
        properties: { kind: { const: "dog" }, barks: { type: "boolean" } },
      },
      Pet: {
        oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
        discriminator: {
          propertyName: "kind",
          mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" },
        },
      },
    };
    expect(
      await findExampleFailures("x", specWith(schemas, "Pet", { kind: "dog", barks: true })),
    ).toEqual([]);
    const wrongBranch = await findExampleFailures(
      "x",
      specWith(schemas, "Pet", { kind: "dog", purrs: true }),
    );
    expect(wrongBranch.join("\n")).toContain('"purrs"');
    const unknownKind = await findExampleFailures("x", specWith(schemas, "Pet", { kind: "fish" }));
    expect(unknownKind.length).toBeGreaterThan(0);
  });

  it("closes nested objects and array items too", async () => {
    const schemas = {
      List: {
        type: "object",
        properties: { data: { type: "array", items: { $ref: "#/components/schemas/Base" } } },
      },
      Base: base,
    };
    const failures = await findExampleFailures(
      "x",
      specWith(schemas, "List", { data: [{ id: "1", extra: 2 }] }),
    );
    expect(failures.join("\n")).toContain("at /data/0");
  });

  it("leaves explicitly open maps open (additionalProperties: true)", async () => {
    const schemas = { Bag: { type: "object", additionalProperties: true } };
    expect(await findExampleFailures("x", specWith(schemas, "Bag", { anything: 1 }))).toEqual([]);
  });

  it("checks schema-level examples and reports unused component examples", async () => {
    const spec = specWith({ Base: { ...base, examples: [{ id: 5 }] } }, "Base", { id: "1" });
    (spec.components as Record<string, unknown>)["examples"] = { Orphan: { value: {} } };
    const failures = await findExampleFailures("x", spec);
    expect(failures).toContain("x: schema Base examples[0] at /id: must be string");
    expect(failures).toContain(
      "x: components.examples.Orphan is never used, so it cannot be checked",
    );
  });

  it("validates parameter examples against the parameter schema", async () => {
    const spec = specWith({ Base: base }, "Base", { id: "1" });
    (spec.paths["/pets"].get as Record<string, unknown>)["parameters"] = [
      { name: "limit", in: "query", schema: { type: "integer", maximum: 100 }, example: 500 },
    ];
    expect(await findExampleFailures("x", spec)).toEqual([
      'x: listPets parameter query "limit" example at /: must be <= 100',
    ]);
  });
});
