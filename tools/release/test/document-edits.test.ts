// How the classifier sorts an edit it finds in the document as written: documentation (a patch)
// or not (a rule must explain it, or it is reported as breaking). A name the spec author chose
// — a property, a schema, a header called `description` or `x-…` — is data, never prose.
import { describe, expect, it } from "vitest";
import { descriptiveChanges, findDocumentEdits } from "../src/descriptive-diff";

const NAME_MAPS = [
  "paths",
  "webhooks",
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "responses",
  "schemas",
  "parameters",
  "requestBodies",
  "headers",
  "content",
  "securitySchemes",
  "links",
  "callbacks",
  "variables",
  "encoding",
  "mapping",
];

describe("findDocumentEdits", () => {
  it.each(
    NAME_MAPS.flatMap((map) => [
      [map, "description"],
      [map, "x-note"],
    ]),
  )("takes an entry of %s named %s as data", (map, name) => {
    const doc = (type: string) => ({ components: { [map]: { [name]: { type } } } });
    expect(findDocumentEdits(doc("string"), doc("integer"))).toEqual({
      documentation: [],
      other: [`components.${map}.${name}.type`],
    });
  });

  it("reads a keyword again below a name that is itself a keyword", () => {
    // A property called `properties`: its own `description` is documentation.
    const doc = (description: string) => ({
      properties: { properties: { type: "object", description } },
    });
    expect(findDocumentEdits(doc("a"), doc("b"))).toEqual({
      documentation: ["properties.properties.description"],
      other: [],
    });
  });

  it("takes every edit inside info, and descriptive keywords anywhere else, as documentation", () => {
    const before = { info: { version: "1", license: { name: "MIT" } }, tags: ["a"], "x-a": 1 };
    const after = { info: { version: "2", license: { name: "ISC" } }, tags: ["b"], "x-a": 2 };
    expect(findDocumentEdits(before, after)).toEqual({
      documentation: ["info.version", "info.license.name", 'tags."a"', 'tags."b"', "x-a"],
      other: [],
    });
  });

  it("names operations by method and path, and other places by their dotted path", () => {
    const before = { paths: { "/u": { get: { operationId: "a" }, summary: "s" } } };
    const after = {
      paths: { "/u": { get: { operationId: "b" }, post: {}, summary: "t", servers: [] } },
    };
    expect(findDocumentEdits(before, after)).toEqual({
      documentation: ["paths./u.summary"],
      other: ["GET /u › operationId", "POST /u", "paths./u.servers"],
    });
  });

  it("matches list members by name and place, url or $ref, so reordering is not an edit", () => {
    const before = {
      parameters: [
        { name: "id", in: "query" },
        { name: "id", in: "header" },
      ],
      servers: [{ url: "https://a" }, { url: "https://b" }],
      allOf: [{ $ref: "#/a" }, { $ref: "#/b" }],
      enum: ["x", "y"],
    };
    const after = {
      parameters: [...before.parameters].reverse(),
      servers: [...before.servers].reverse(),
      allOf: [...before.allOf].reverse(),
      enum: ["y", "x"],
    };
    expect(findDocumentEdits(before, after)).toEqual({ documentation: [], other: [] });
  });

  it("matches other list members by position", () => {
    const before = { allOf: [{ type: "string" }, { minLength: 1 }] };
    const after = { allOf: [{ minLength: 1 }, { type: "string" }] };
    expect(findDocumentEdits(before, after).other).toEqual([
      "allOf.0.type",
      "allOf.0.minLength",
      "allOf.1.minLength",
      "allOf.1.type",
    ]);
    // A name alone (no `in`) is no identity: such members too are matched by position.
    const named = { oneOf: [{ name: "a" }, { name: "b" }] };
    const swapped = { oneOf: [{ name: "b" }, { name: "a" }] };
    expect(findDocumentEdits(named, swapped).other).toEqual(["oneOf.0.name", "oneOf.1.name"]);
    const placed = { oneOf: [{ in: "query" }, { in: "path" }] };
    const moved = { oneOf: [{ in: "path" }, { in: "query" }] };
    expect(findDocumentEdits(placed, moved).other).toEqual(["oneOf.0.in", "oneOf.1.in"]);
  });

  it("walks recursive documents once", () => {
    const loop = (description: string) => {
      const node: Record<string, unknown> = { description };
      node.self = node;
      return node;
    };
    expect(findDocumentEdits(loop("a"), loop("b"))).toEqual({
      documentation: ["description"],
      other: [],
    });
  });

  it("reports a value that became an object, a list or null, by its place", () => {
    expect(findDocumentEdits({ a: 1, b: [1] }, { a: { c: 1 }, b: { c: 1 } })).toEqual({
      documentation: [],
      other: ["a", "b"],
    });
    expect(findDocumentEdits({ a: null, b: {}, c: {} }, { a: { d: 1 }, b: null, c: 1 })).toEqual({
      documentation: [],
      other: ["a", "b", "c"],
    });
  });

  it("names operations only under paths: a webhook's is a dotted path", () => {
    const doc = (summary: string) => ({ webhooks: { newUser: { post: { summary } } } });
    expect(findDocumentEdits(doc("a"), doc("b")).documentation).toEqual([
      "webhooks.newUser.post.summary",
    ]);
  });
});

describe("descriptiveChanges", () => {
  it("turns each documentation edit into a patch-level changelog line", () => {
    expect(descriptiveChanges({ documentation: ["info.title"], other: ["x"] })).toEqual([
      { level: "descriptive", location: "info.title", message: "documentation changed" },
    ]);
  });
});
