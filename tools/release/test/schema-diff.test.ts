// The rule table behind `pnpm spec:changeset`: for each kind of schema edit, on the request side
// (the client writes) and the response side (the client reads), the level a maintainer relies on.
import { describe, expect, it } from "vitest";
import { compareSchemas, type SchemaDirection } from "../src/schema-diff";
import type { SpecChange } from "../src/spec-change";

const WHERE = "GET /users › 200 response (application/json)";

function diff(before: unknown, after: unknown, direction: SchemaDirection): SpecChange[] {
  const changes: SpecChange[] = [];
  compareSchemas(before, after, direction, WHERE, changes);
  return changes;
}

/** [what, before, after, request level + message, response level + message] at the schema root. */
type Row = [string, unknown, unknown, [string, string], [string, string]];

const str = { type: "string" };

const rows: Row[] = [
  [
    "a field made nullable (3.1 type list)",
    str,
    { type: ["string", "null"] },
    ["additive", "now also accepts null"],
    ["breaking", "type changed from string to null | string"],
  ],
  [
    "a field made nullable (3.0 nullable)",
    str,
    { type: "string", nullable: true },
    ["additive", "now also accepts null"],
    ["breaking", "type changed from string to null | string"],
  ],
  [
    "null no longer allowed",
    { type: ["string", "null"] },
    str,
    ["breaking", "type changed from null | string to string"],
    ["breaking", "type changed from null | string to string"],
  ],
  [
    "a type given to an untyped schema",
    {},
    str,
    ["breaking", "type changed from any to string"],
    ["additive", "type changed from any to string"],
  ],
  [
    "a type taken away",
    str,
    {},
    ["additive", "type changed from string to any"],
    ["breaking", "type changed from string to any"],
  ],
  [
    "an enum put on a free value",
    str,
    { type: "string", enum: ["a"] },
    ["breaking", "now restricted to an enum"],
    ["additive", "now restricted to an enum"],
  ],
  [
    "an enum taken off",
    { type: "string", enum: ["a"] },
    str,
    ["additive", "no longer an enum"],
    ["breaking", "no longer an enum"],
  ],
  [
    "extra keys refused",
    { type: "object" },
    { type: "object", additionalProperties: false },
    ["breaking", "no longer allows extra keys"],
    ["additive", "no longer allows extra keys"],
  ],
  [
    "extra keys allowed again",
    { type: "object", additionalProperties: false },
    { type: "object", additionalProperties: true },
    ["additive", "extra keys' schema changed"],
    ["breaking", "extra keys' schema changed"],
  ],
  [
    "a oneOf branch added",
    { oneOf: [str] },
    { oneOf: [str, { type: "integer" }] },
    ["additive", "1 oneOf member added"],
    ["breaking", "1 oneOf member added"],
  ],
  [
    "two anyOf branches removed",
    { anyOf: [str, { type: "integer" }, { type: "boolean" }] },
    { anyOf: [str] },
    ["breaking", "2 anyOf members removed"],
    ["additive", "2 anyOf members removed"],
  ],
  [
    "an allOf member added",
    { allOf: [str] },
    { allOf: [str, { minLength: 1 }] },
    ["breaking", "1 allOf member added"],
    ["additive", "1 allOf member added"],
  ],
  [
    "an allOf member removed",
    { allOf: [str, { minLength: 1 }] },
    { allOf: [str] },
    ["additive", "1 allOf member removed"],
    ["breaking", "1 allOf member removed"],
  ],
  [
    "a lower bound raised",
    { type: "string", minLength: 1 },
    { type: "string", minLength: 2 },
    ["breaking", "`minLength` tightened"],
    ["additive", "`minLength` tightened"],
  ],
  [
    "a lower bound lowered",
    { type: "integer", minimum: 5 },
    { type: "integer", minimum: 0 },
    ["additive", "`minimum` loosened"],
    ["breaking", "`minimum` loosened"],
  ],
  [
    "an upper bound lowered",
    { type: "array", maxItems: 10 },
    { type: "array", maxItems: 5 },
    ["breaking", "`maxItems` tightened"],
    ["additive", "`maxItems` tightened"],
  ],
  [
    "an upper bound raised",
    { type: "integer", exclusiveMaximum: 10 },
    { type: "integer", exclusiveMaximum: 20 },
    ["additive", "`exclusiveMaximum` loosened"],
    ["breaking", "`exclusiveMaximum` loosened"],
  ],
  [
    "a bound added",
    { type: "object" },
    { type: "object", maxProperties: 3 },
    ["breaking", "`maxProperties` tightened"],
    ["additive", "`maxProperties` tightened"],
  ],
  [
    "a bound removed",
    { type: "object", minProperties: 1 },
    { type: "object" },
    ["additive", "`minProperties` loosened"],
    ["breaking", "`minProperties` loosened"],
  ],
  [
    "a pattern added",
    str,
    { type: "string", pattern: "^a" },
    ["breaking", "`pattern` tightened"],
    ["additive", "`pattern` tightened"],
  ],
  [
    "a format removed",
    { type: "string", format: "email" },
    str,
    ["additive", "`format` loosened"],
    ["breaking", "`format` loosened"],
  ],
  [
    "uniqueItems turned on",
    { type: "array", uniqueItems: false },
    { type: "array", uniqueItems: true },
    ["breaking", "`uniqueItems` tightened"],
    ["additive", "`uniqueItems` tightened"],
  ],
  [
    "uniqueItems turned off",
    { type: "array", uniqueItems: true },
    { type: "array", uniqueItems: false },
    ["additive", "`uniqueItems` loosened"],
    ["breaking", "`uniqueItems` loosened"],
  ],
  [
    "a pattern changed",
    { type: "string", pattern: "^a" },
    { type: "string", pattern: "^b" },
    ["breaking", "`pattern` changed"],
    ["breaking", "`pattern` changed"],
  ],
  [
    "a const changed",
    { const: "a" },
    { const: "b" },
    ["breaking", "`const` value changed"],
    ["breaking", "`const` value changed"],
  ],
  [
    "a schema deprecated",
    str,
    { type: "string", deprecated: true },
    ["additive", "deprecated"],
    ["additive", "deprecated"],
  ],
  [
    "an array's item schema dropped",
    { type: "array", items: str },
    { type: "array" },
    ["breaking", "array item schema added or removed"],
    ["breaking", "array item schema added or removed"],
  ],
  [
    "a boolean schema flipped",
    true,
    false,
    ["breaking", "schema replaced"],
    ["breaking", "schema replaced"],
  ],
  [
    "a keyword no rule covers",
    { type: "object", discriminator: { propertyName: "kind" } },
    { type: "object", discriminator: { propertyName: "type" } },
    ["breaking", "`discriminator` changed (unclassified — review the bump)"],
    ["breaking", "`discriminator` changed (unclassified — review the bump)"],
  ],
];

describe("compareSchemas", () => {
  it.each(rows)(
    "classifies %s by the side that reads it",
    (_, before, after, request, response) => {
      expect(diff(before, after, "request")).toEqual([
        { level: request[0], location: WHERE, message: request[1] },
      ]);
      expect(diff(before, after, "response")).toEqual([
        { level: response[0], location: WHERE, message: response[1] },
      ]);
    },
  );

  it.each([
    ["documentation", { type: "string", description: "a" }, { type: "string", description: "b" }],
    ["an extension", { type: "string", "x-internal": true }, { type: "string" }],
    ["a deprecation lifted", { type: "string", deprecated: true }, str],
    ["the order of an enum", { enum: ["a", "b"] }, { enum: ["b", "a"] }],
    ["a bound left alone", { type: "string", maxLength: 3 }, { type: "string", maxLength: 3 }],
    ["the same boolean schema", true, true],
  ])("reports nothing for %s", (_, before, after) => {
    expect(diff(before, after, "request")).toEqual([]);
    expect(diff(before, after, "response")).toEqual([]);
  });

  it("names every removed and added enum value, breaking even in a response", () => {
    const before = { type: "string", enum: ["a", "b", "c"] };
    const after = { type: "string", enum: ["c", "d"] };
    expect(diff(before, after, "response")).toEqual([
      { level: "breaking", location: WHERE, message: 'enum values "a", "b" removed' },
      { level: "additive", location: WHERE, message: 'enum value "d" added' },
    ]);
  });

  it("locates nested changes by field path, array items and extra keys", () => {
    const before = {
      type: "object",
      properties: {
        team: {
          type: "object",
          properties: { tags: { type: "array", items: str } },
          additionalProperties: str,
        },
        alt: { oneOf: [str] },
      },
    };
    const after = {
      type: "object",
      properties: {
        team: {
          type: "object",
          properties: { tags: { type: "array", items: { type: "integer" } } },
          additionalProperties: { type: "integer" },
        },
        alt: { oneOf: [{ type: "integer" }] },
      },
    };
    expect(diff(before, after, "response")).toEqual([
      {
        level: "breaking",
        location: `${WHERE} › team.tags[]`,
        message: "type changed from string to integer",
      },
      {
        level: "breaking",
        location: `${WHERE} › team{*}`,
        message: "type changed from string to integer",
      },
      {
        level: "breaking",
        location: `${WHERE} › alt(oneOf[0])`,
        message: "type changed from string to integer",
      },
    ]);
  });

  it("reads required-ness by side: demanding a request field breaks, dropping a response promise breaks", () => {
    const optional = { type: "object", properties: { name: str } };
    const required = { ...optional, required: ["name"] };
    const at = `${WHERE} › name`;
    expect(diff(optional, required, "request")).toEqual([
      { level: "breaking", location: at, message: "request field is now required" },
    ]);
    expect(diff(required, optional, "request")).toEqual([
      { level: "additive", location: at, message: "request field is now optional" },
    ]);
    expect(diff(optional, required, "response")).toEqual([
      { level: "additive", location: at, message: "response field is now required" },
    ]);
    expect(diff(required, optional, "response")).toEqual([
      { level: "breaking", location: at, message: "response field is now optional" },
    ]);
    expect(diff({ type: "object" }, required, "response")).toEqual([
      { level: "additive", location: at, message: "new required response field" },
    ]);
  });

  it("compares a recursive schema pair once instead of looping", () => {
    const before: Record<string, unknown> = { type: "object", properties: {} };
    (before.properties as Record<string, unknown>).self = before;
    const after: Record<string, unknown> = { type: "object", properties: { extra: str } };
    (after.properties as Record<string, unknown>).self = after;
    expect(diff(before, after, "response")).toEqual([
      { level: "additive", location: `${WHERE} › extra`, message: "new optional response field" },
    ]);
  });
});
