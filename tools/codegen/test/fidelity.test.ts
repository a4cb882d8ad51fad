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
