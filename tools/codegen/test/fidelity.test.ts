import { describe, expect, it } from "vitest";
import { findFidelityGaps, parseFidelityFixture, type FidelityFixture } from "../src/fidelity";

// A vendor that publishes: User {id: string required, name: string|null optional, age: integer}
// and a request body UserCreate {name: string required}.
const fixture: FidelityFixture = {
  vendor: "acme",
  sources: { "acme-openapi": "Acme's OpenAPI document" },
  schemas: {
    User: {
      from: "acme-openapi #/components/schemas/user",
      direction: "response",
      fields: {
        id: { type: "string", nullable: false, required: true },
        name: { type: "string", nullable: true, required: false },
        age: { type: "integer", nullable: false, required: false },
      },
    },
    UserCreate: {
      from: "acme-openapi #/components/schemas/new_user",
      direction: "request",
      fields: { name: { type: "string", nullable: false, required: true } },
    },
  },
};

function spec(
  user: Record<string, unknown>,
  create: Record<string, unknown> = {
    type: "object",
    additionalProperties: false,
    required: ["name"],
    properties: { name: { type: "string" } },
  },
  notes: string[] = [],
): Record<string, unknown> {
  return {
    "x-rollcall-notes": notes,
    components: { schemas: { User: user, UserCreate: create, Age: { type: "integer" } } },
  };
}

const faithfulUser = {
  type: "object",
  required: ["id"],
  properties: {
    id: { type: "string" },
    name: { type: ["string", "null"] },
    age: { $ref: "#/components/schemas/Age" },
  },
};

describe("findFidelityGaps", () => {
  it("finds nothing when our spec says what the vendor says, through refs and allOf", () => {
    expect(findFidelityGaps(fixture, spec(faithfulUser))).toEqual([]);
    const split = {
      allOf: [
        { type: "object", required: ["id"], properties: { id: { type: "string" } } },
        {
          type: "object",
          properties: {
            name: { oneOf: [{ type: "string" }, { type: "null" }] },
            age: { type: "integer" },
          },
        },
      ],
    };
    expect(findFidelityGaps(fixture, spec(split))).toEqual([]);
  });

  it("reports a field made non-null, required, retyped, missing or invented", () => {
    const drifted = {
      type: "object",
      required: ["id", "name"],
      properties: {
        id: { type: "integer" },
        name: { type: "string" },
        extra: { type: "string" },
      },
    };
    expect(findFidelityGaps(fixture, spec(drifted))).toEqual([
      "User.id: type is integer, the vendor says string",
      "User.name: nullable is false, the vendor says true",
      "User.name: required is true, the vendor says false",
      "User.age: the vendor has it, our spec does not",
      "User.extra: in our spec, but not in the vendor's",
    ]);
  });

  it("accepts a divergence only where x-rollcall-notes names the field", () => {
    const drifted = {
      ...faithfulUser,
      properties: { ...faithfulUser.properties, name: { type: "string" } },
    };
    expect(findFidelityGaps(fixture, spec(drifted))).toEqual([
      "User.name: nullable is false, the vendor says true",
    ]);
    const explained = spec(drifted, undefined, ["`User.name` is never null in practice because…"]);
    expect(findFidelityGaps(fixture, explained)).toEqual([]);
    // A note that mentions the field without naming it as `Schema.field` does not count.
    expect(
      findFidelityGaps(fixture, spec(drifted, undefined, ["name is never null"])),
    ).toHaveLength(1);
  });

  it("wants responses open to unknown attributes and requests closed to them", () => {
    const closedUser = { ...faithfulUser, additionalProperties: false };
    const openCreate = {
      type: "object",
      required: ["name"],
      properties: { name: { type: "string" } },
    };
    expect(findFidelityGaps(fixture, spec(closedUser, openCreate))).toEqual([
      "User: a response schema must allow unknown attributes",
      "UserCreate: a request schema must refuse unknown attributes",
    ]);
  });

  it("reports a request field the vendor requires but ours leaves optional", () => {
    const loose = {
      type: "object",
      additionalProperties: false,
      properties: { name: { type: "string" } },
    };
    expect(findFidelityGaps(fixture, spec(faithfulUser, loose))).toEqual([
      "UserCreate.name: required is false, the vendor says true",
    ]);
  });

  it("reports a schema the fixture names that the spec lacks", () => {
    const document = {
      components: { schemas: { User: faithfulUser, Age: { type: "integer" } } },
    };
    expect(findFidelityGaps(fixture, document)).toEqual(["UserCreate: not in components.schemas"]);
  });
});

describe("parseFidelityFixture", () => {
  it("names the entry that is malformed", () => {
    expect(() => parseFidelityFixture({ ...fixture, sources: {} }, "f.json")).toThrow(
      'f.json: schemas.User.from must start with one of the ids in "sources"',
    );
    const badField = {
      ...fixture,
      schemas: { User: { ...fixture.schemas["User"], fields: { id: { type: "text" } } } },
    };
    expect(() => parseFidelityFixture(badField, "f.json")).toThrow(
      "f.json: schemas.User.fields.id needs type (a JSON type), nullable and required",
    );
    expect(parseFidelityFixture(fixture, "f.json")).toBe(fixture);
  });
});

describe("findFidelityGaps reads a type however the spec says it", () => {
  const facts = (fields: Record<string, [string, boolean]>): FidelityFixture => ({
    vendor: "acme",
    sources: { doc: "Acme's document" },
    schemas: {
      Thing: {
        from: "doc #/thing",
        direction: "response",
        fields: Object.fromEntries(
          Object.entries(fields).map(([name, [type, nullable]]) => [
            name,
            { type: type as "string", nullable, required: false },
          ]),
        ),
      },
    },
  });
  const thing = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    components: {
      schemas: {
        Thing: { type: "object", properties },
        Age: { type: "integer" },
        "a/b~c": { type: "string" },
        ...extra,
      },
    },
  });

  it("from enums, consts, items, properties, unions and escaped refs", () => {
    const expected = facts({
      count: ["integer", false],
      ratio: ["number", false],
      flag: ["boolean", false],
      kind: ["string", true],
      list: ["array", false],
      meta: ["object", false],
      bag: ["object", false],
      age: ["integer", true],
      code: ["string", false],
      pair: ["array", false],
    });
    const document = thing({
      count: { enum: [1, 2] },
      ratio: { const: 1.5 },
      flag: { enum: [true, false] },
      kind: { enum: ["a", null] },
      list: { items: { type: "string" } },
      meta: { properties: { a: { type: "string" } } },
      bag: { additionalProperties: true },
      age: { anyOf: [{ $ref: "#/components/schemas/Age" }, { type: "null" }] },
      code: { $ref: "#/components/schemas/a~1b~0c" },
      pair: { const: [1, 2] },
    });
    expect(findFidelityGaps(expected, document)).toEqual([]);
  });

  it("names what it found when the types disagree", () => {
    const expected = facts({
      a: ["string", false],
      b: ["string", false],
      c: ["object", false],
      d: ["string", false],
    });
    const document = thing({
      a: { type: ["string", "integer"] },
      b: {},
      c: { $ref: "#/components/schemas/Nowhere/deeper" },
      d: { type: [7] },
    });
    expect(findFidelityGaps(expected, document)).toEqual([
      "Thing.a: type is string|integer, the vendor says string",
      "Thing.b: type is unset, the vendor says string",
      "Thing.c: type is unset, the vendor says object",
      "Thing.d: type is unset, the vendor says string",
    ]);
  });

  it("ends on a schema that refers to itself", () => {
    const expected = facts({ self: ["object", false] });
    const loop = { Loop: { allOf: [{ $ref: "#/components/schemas/Loop" }] } };
    const document = thing({ self: { $ref: "#/components/schemas/Loop" } }, loop);
    expect(findFidelityGaps(expected, document)).toEqual([
      "Thing.self: type is unset, the vendor says object",
    ]);
  });

  it("counts notes wherever they are, one string or a list, and `Schema.*` for openness", () => {
    const closed = {
      components: {
        schemas: {
          Thing: {
            type: "object",
            additionalProperties: false,
            properties: { extra: { type: "string" } },
            "x-rollcall-notes": "`Thing.extra` is ours",
          },
          Age: { type: "integer" },
        },
      },
      paths: { "/things": { get: { "x-rollcall-notes": [42, "`Thing.*` is closed on purpose"] } } },
    };
    expect(findFidelityGaps(facts({}), closed)).toEqual([]);
    const unexplained = structuredClone(closed) as any;
    delete unexplained.paths;
    expect(findFidelityGaps(facts({}), unexplained)).toEqual([
      "Thing: a response schema must allow unknown attributes",
    ]);
  });

  it("counts a note inside a list, but never prose that merely names the field", () => {
    const document = thing({ extra: { type: "string", description: "`Thing.extra` is ours" } });
    expect(findFidelityGaps(facts({}), document)).toEqual([
      "Thing.extra: in our spec, but not in the vendor's",
    ]);
    (document as any).paths = {
      "/things": { get: { parameters: [{ "x-rollcall-notes": "`Thing.extra` is ours" }] } },
    };
    expect(findFidelityGaps(facts({}), document)).toEqual([]);
  });

  it("reads each note on its own: two notes never join into a field name", () => {
    const document = {
      ...thing({ extra: { type: "string" } }),
      "x-rollcall-notes": ["see `Thing.", "extra` below"],
    };
    expect(findFidelityGaps(facts({}), document)).toEqual([
      "Thing.extra: in our spec, but not in the vendor's",
    ]);
  });

  it("accepts an open request schema only when a note says `Schema.*`", () => {
    const request: FidelityFixture = {
      ...facts({}),
      schemas: { Thing: { from: "doc #/thing", direction: "request", fields: {} } },
    };
    const document = thing({});
    expect(findFidelityGaps(request, document)).toEqual([
      "Thing: a request schema must refuse unknown attributes",
    ]);
    (document as any)["x-rollcall-notes"] = "`Thing.*` takes any key, as the vendor does";
    expect(findFidelityGaps(request, document)).toEqual([]);
  });

  it("finds none of the vendor's fields in a schema whose $ref leads nowhere", () => {
    const document = { components: { schemas: { Thing: { $ref: "#/components/schemas/Gone" } } } };
    expect(findFidelityGaps(facts({ id: ["string", false] }), document)).toEqual([
      "Thing.id: the vendor has it, our spec does not",
    ]);
  });

  it("ends on schemas and refs that lead back to themselves", () => {
    const document = {
      components: {
        schemas: {
          Thing: { allOf: [{ $ref: "#/components/schemas/Thing" }] },
          Self: { $ref: "#/components/schemas/Self" },
        },
      },
    };
    expect(findFidelityGaps(facts({ id: ["string", false] }), document)).toEqual([
      "Thing.id: the vendor has it, our spec does not",
    ]);
    const selfRef = thing(
      { id: { $ref: "#/components/schemas/Self" } },
      document.components.schemas,
    );
    (selfRef.components.schemas as any).Thing = {
      type: "object",
      properties: { id: { $ref: "#/components/schemas/Self" } },
    };
    expect(findFidelityGaps(facts({ id: ["string", false] }), selfRef)).toEqual([
      "Thing.id: type is unset, the vendor says string",
    ]);
  });

  it("takes unevaluatedProperties: false as closed too", () => {
    const document = thing({});
    (document.components.schemas.Thing as Record<string, unknown>).unevaluatedProperties = false;
    expect(findFidelityGaps(facts({}), document)).toEqual([
      "Thing: a response schema must allow unknown attributes",
    ]);
  });
});

describe("parseFidelityFixture refuses", () => {
  const user = fixture.schemas["User"]!;
  const malformed: [string, unknown, string][] = [
    ["a non-object", [], "f.json: must be a JSON object"],
    ["a missing vendor", { ...fixture, vendor: 1 }, 'f.json: "vendor" must be a string'],
    [
      "an empty source",
      { ...fixture, sources: { "acme-openapi": "" } },
      'f.json: "sources" must map ids to non-empty descriptions',
    ],
    [
      "a source that is not text",
      { ...fixture, sources: { "acme-openapi": 1 } },
      'f.json: "sources" must map ids to non-empty descriptions',
    ],
    ["schemas that are a list", { ...fixture, schemas: [] }, 'f.json: "schemas" must be an object'],
    [
      "a schema that is not an object",
      { ...fixture, schemas: { User: "x" } },
      "f.json: schemas.User must be an object",
    ],
    [
      "a schema without from",
      { ...fixture, schemas: { User: { ...user, from: undefined } } },
      'f.json: schemas.User.from must start with one of the ids in "sources"',
    ],
    [
      "a schema without a direction",
      { ...fixture, schemas: { User: { ...user, direction: "both" } } },
      'f.json: schemas.User.direction must be "request" or "response"',
    ],
    [
      "fields that are not an object",
      { ...fixture, schemas: { User: { ...user, fields: null } } },
      "f.json: schemas.User.fields must be an object",
    ],
    ...(["type", "nullable", "required"] as const).map(
      (key) =>
        [
          `a field without ${key}`,
          {
            ...fixture,
            schemas: {
              User: {
                ...user,
                fields: { id: { type: "string", nullable: false, required: true, [key]: "yes" } },
              },
            },
          },
          "f.json: schemas.User.fields.id needs type (a JSON type), nullable and required",
        ] as [string, unknown, string],
    ),
    [
      "a field that is not an object",
      { ...fixture, schemas: { User: { ...user, fields: { id: "string" } } } },
      "f.json: schemas.User.fields.id needs type (a JSON type), nullable and required",
    ],
  ];
  it.each(malformed)("%s", (_name, raw, message) => {
    expect(() => parseFidelityFixture(raw, "f.json")).toThrow(message);
  });

  it("accepts a request schema whose from names a listed source", () => {
    const request = { ...fixture, schemas: { UserCreate: fixture.schemas["UserCreate"]! } };
    expect(parseFidelityFixture(request, "f.json")).toBe(request);
  });
});
