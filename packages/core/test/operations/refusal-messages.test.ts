// What a refused call tells its caller: each of the spec's limits is named in the refusal's
// problem, and a value exactly at a limit is sent. Over real loopback HTTP, so "refused" also
// means nothing reached the server.
import { describe, expect, it } from "vitest";
import {
  checksByRoute,
  ClientValidationError,
  operationChecks,
  type OperationRules,
} from "../../src/index";
import { fakeClient } from "../runtime/fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type ScriptedServer,
} from "../runtime/scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

const rules = {
  "GET /items": {
    id: "listItems",
    path: "/items",
    params: [
      { in: "query", name: "score", type: "number", maximum: 10 },
      { in: "query", name: "rank", type: "integer", minimum: 1 },
      { in: "query", name: "ratio", type: "number" },
      { in: "query", name: "active", type: "boolean" },
      { in: "query", name: "code", type: "string", maxLength: 3 },
      { in: "query", name: "kind", type: "string", enum: ["person", "team"] },
      { in: "query", name: "initials", type: "string", minLength: 2 },
      // JSON Schema patterns are Unicode-aware: \p{L} is any letter.
      { in: "query", name: "city", type: "string", pattern: "^\\p{L}+$" },
    ],
  },
  "GET /tokens": { id: "findToken", path: "/tokens", exactlyOne: ["token"] },
  // Either a UUID or a legacy numeric id: the first shape fails for a number, the second fits.
  "POST /codes": {
    id: "saveCode",
    path: "/codes",
    body: {
      oneOf: [
        { required: ["id"], fields: { id: { type: "string", format: "uuid" } }, closed: true },
        { required: ["id"], fields: { id: { type: "integer" } }, closed: true },
      ],
    },
  },
  // A shape without required fields always has all of them: its refusal comes first.
  "POST /notes": {
    id: "saveNote",
    path: "/notes",
    body: {
      oneOf: [
        { fields: { note: { type: "string", maxLength: 2 } } },
        { required: ["id"], fields: { id: { type: "integer" } } },
      ],
    },
  },
  "GET /search": {
    id: "search",
    path: "/search",
    exactlyOne: ["name", "email", "phone"],
  },
  "POST /lists": {
    id: "saveList",
    path: "/lists",
    body: {
      oneOf: [
        {
          fields: {
            pair: { type: "array", minItems: 2 },
            one: { type: "array", minItems: 1 },
            few: { type: "array", maxItems: 3 },
            any: { type: "array" },
            email: { format: "email" },
            id: { type: "string", format: "uuid" },
          },
        },
      ],
    },
  },
} as const satisfies OperationRules;

const client = (baseUrl: string) =>
  fakeClient(baseUrl, {}, { checkRequest: checksByRoute(operationChecks("fakevendor", rules)) });

async function problemOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ClientValidationError);
  expect(server!.seen).toHaveLength(0);
  return `${(error as ClientValidationError).field} ${(error as ClientValidationError).problem}`;
}

describe("a query parameter's refusal names its limit", () => {
  it.each([
    [
      "a number above its maximum",
      { score: 10.5 },
      "params.query.score must be a number ≤ 10, got 10.5",
    ],
    [
      "an infinite number",
      { score: Infinity },
      "params.query.score must be a number ≤ 10, got Infinity",
    ],
    [
      "an integer below its minimum",
      { rank: 0 },
      "params.query.rank must be an integer ≥ 1, got 0",
    ],
    ["NaN for a number", { ratio: Number.NaN }, "params.query.ratio must be a number, got NaN"],
    ["a numeric string for a number", { ratio: "1" }, "params.query.ratio must be a number, got 1"],
    [
      "a long string for an integer",
      { rank: "1".repeat(60) },
      `params.query.rank must be an integer ≥ 1, got ${"1".repeat(40)}`,
    ],
    ["a string for a boolean", { active: "yes" }, "params.query.active must be true or false"],
    [
      "a string above its maximum length",
      { code: "ABCD" },
      "params.query.code must be a string of at most 3 characters when given",
    ],
    [
      "a number for a string",
      { code: 7 },
      "params.query.code must be a string of at most 3 characters when given",
    ],
    [
      "a list for a string",
      { code: ["AB"] },
      "params.query.code must be a string of at most 3 characters when given",
    ],
    [
      "a string below its minimum length",
      { initials: "A" },
      "params.query.initials must be a non-empty string when given",
    ],
    [
      "a string off its Unicode pattern",
      { city: "Zoë1" },
      "params.query.city must be a string matching /^\\p{L}+$/ when given",
    ],
    [
      "a long value off its enum",
      { kind: "x".repeat(60) },
      `params.query.kind must be one of "person", "team", got "${"x".repeat(39)}`,
    ],
  ])("refuses %s before sending", async (_label, query, message) => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const call = client(server.baseUrl).GET("/items" as never, { params: { query } } as never);
    expect(await problemOf(call)).toBe(message);
  });

  it("sends values at the limits, and any number where none is set", async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const query = {
      ...{ score: 10, rank: 1, ratio: -1e9, active: false, code: "ABC", kind: "team" },
      ...{ initials: "AL", city: "Zoë" },
    };
    await client(server.baseUrl).GET("/items" as never, { params: { query } } as never);
    expect(server.seen.map((s) => s.url)).toEqual([
      "/items?score=10&rank=1&ratio=-1000000000&active=false&code=ABC&kind=team&initials=AL&city=Zo%C3%AB",
    ]);
  });
});

describe("exactly one of three query parameters", () => {
  it.each([
    [{}, "params.query must give exactly one of name, email and phone, not none"],
    [
      { name: "a", phone: "1" },
      "params.query must give exactly one of name, email and phone, not several",
    ],
  ])("refuses %j before sending", async (query, message) => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const call = client(server.baseUrl).GET("/search" as never, { params: { query } } as never);
    expect(await problemOf(call)).toBe(message);
  });

  it("names a lone parameter plainly", async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const call = client(server.baseUrl).GET("/tokens" as never, {} as never);
    expect(await problemOf(call)).toBe("params.query must give exactly one of token, not none");
  });

  it("refuses a call with no query at all, and sends one naming exactly one", async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const search = client(server.baseUrl);
    expect(await problemOf(search.GET("/search" as never, {} as never))).toMatch(/not none$/);
    await search.GET("/search" as never, { params: { query: { email: "a@b.example" } } } as never);
    expect(server.seen).toHaveLength(1);
  });
});

describe("a body field's refusal names its list size or format", () => {
  it.each([
    [{ pair: ["a"] }, "body.pair must be a list of at least 2 items"],
    [{ one: [] }, "body.one must be a list of at least 1 item"],
    [{ few: [1, 2, 3, 4] }, "body.few must be a list of at most 3 items"],
    [{ any: "a" }, "body.any must be a list of any number of items"],
    [{ email: "a b@c.example" }, "body.email must be an email address"],
    [{ email: "a@b" }, "body.email must be an email address"],
    [{ id: 42 }, "body.id must be a string"],
    [{ id: "0b6ee4a2-6f4a-4f53-9d8e-2ad4b9c1f0aa-" }, "body.id must be a UUID"],
  ])("refuses %j before sending", async (body, message) => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const call = client(server.baseUrl).POST("/lists" as never, { body } as never);
    expect(await problemOf(call)).toBe(message);
  });

  it("sends lists at their size limits, and formats in any case", async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const body = {
      ...{ pair: [1, 2], one: [1], few: [1, 2, 3], any: [] },
      ...{ email: "Ada@Example.ORG", id: "0B6EE4A2-6F4A-4F53-9D8E-2AD4B9C1F0AA" },
    };
    await client(server.baseUrl).POST("/lists" as never, { body } as never);
    expect(JSON.parse(server.seen[0]!.body)).toEqual(body);
  });
});

describe("a body of several shapes", () => {
  it("is sent when a later shape fits, and refused with the first complete shape's problem", async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const save = client(server.baseUrl);
    await save.POST("/codes" as never, { body: { id: 42 } } as never);
    expect(server.seen).toHaveLength(1);
    server.seen.length = 0;
    expect(await problemOf(save.POST("/codes" as never, { body: { id: "x" } } as never))).toBe(
      "body.id must be a UUID",
    );
    const both = { body: { note: "long", id: "x" } } as never;
    expect(await problemOf(save.POST("/notes" as never, both))).toBe(
      "body.note must be a string of at most 2 characters",
    );
  });

  it("checks a format only on strings, as JSON Schema does", async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    await client(server.baseUrl).POST("/lists" as never, { body: { email: 42 } } as never);
    expect(server.seen).toHaveLength(1);
  });
});
