// Core's reading of the operation data codegen emits: route checks refuse a bad call before it is
// sent, and one paginator walks any list operation by its x-rollcall-pagination.
import { afterEach, describe, expect, it } from "vitest";
import {
  checksByRoute,
  ClientValidationError,
  operationChecks,
  PaginationError,
  paginator,
  ResponseParseError,
  type OperationRules,
} from "../../src/index";
import { fakeClient } from "../runtime/fake-vendor";
import { startScriptedServer, type paths, type Reply } from "../runtime/scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const rules = {
  "GET /users": {
    id: "listUsers",
    path: "/users",
    params: [
      { in: "query", name: "limit", type: "integer", minimum: 1, maximum: 50 },
      { in: "query", name: "offset", type: "integer", minimum: 0 },
      { in: "query", name: "sort", type: "string", enum: ["asc", "desc"] },
      { in: "query", name: "name", type: "string", minLength: 1, pattern: "\\S" },
      { in: "query", name: "email", type: "string", minLength: 1, pattern: "\\S" },
    ],
    exactlyOne: ["name", "email"],
    pagination: { items: "users", size: "limit", defaultSize: 2, offset: "offset" },
  },
  "GET /users/{id}": {
    id: "getUser",
    path: "/users/{id}",
    params: [{ in: "path", name: "id", required: true, type: "string", maxLength: 4 }],
  },
} as const satisfies OperationRules;

const checkedClient = (baseUrl: string, ...more: Parameters<typeof checksByRoute>) =>
  fakeClient(
    baseUrl,
    {},
    { checkRequest: checksByRoute(operationChecks("fakevendor", rules), ...more) },
  );

async function refusal(call: Promise<unknown>): Promise<ClientValidationError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ClientValidationError);
  expect(server!.seen).toHaveLength(0);
  return error as ClientValidationError;
}

describe("operationChecks", () => {
  const query = (q: object) => ({ params: { query: { name: "a", ...q } as never } });

  it.each([
    [{ limit: 0 }, "params.query.limit", "must be an integer from 1 to 50, got 0"],
    [{ limit: "5" }, "params.query.limit", "must be an integer from 1 to 50, got 5"],
    [{ offset: 0.5 }, "params.query.offset", "must be an integer ≥ 0, got 0.5"],
    [{ sort: "up" }, "params.query.sort", 'must be one of "asc", "desc", got "up"'],
    [{ name: " " }, "params.query.name", "must be a non-empty string matching /\\S/ when given"],
    [{ email: "e" }, "params.query", "must give exactly one of name and email, not both"],
    [{ name: null }, "params.query", "must give exactly one of name and email, not neither"],
  ])("refuses %j before sending, naming the operation and the field", async (q, field, message) => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const error = await refusal(checkedClient(server.baseUrl).GET("/users", query(q)));
    expect(error).toMatchObject({ vendor: "fakevendor", operation: "listUsers", field });
    expect(error.message).toBe(`fakevendor listUsers: ${field} ${message}`);
  });

  it("refuses a missing or too long path parameter", async () => {
    server = await startScriptedServer([{ status: 200, body: { id: "u1" } }]);
    const client = checkedClient(server.baseUrl);
    for (const [path, message] of [
      [{}, "is required"],
      [{ id: "12345" }, "must be a string of at most 4 characters"],
    ] as const) {
      const error = await refusal(client.GET("/users/{id}", { params: { path: path as never } }));
      expect(error).toMatchObject({ operation: "getUser", field: "params.path.id" });
      expect(error.problem).toBe(message);
    }
  });

  it("sends what the limits allow, and runs a hand-written check after the spec's", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const order: string[] = [];
    const client = checkedClient(server.baseUrl, {
      "GET /users": () => void order.push("hand-written"),
    });
    await client.GET("/users", query({ limit: 50, offset: 0, sort: "asc", email: null }));
    expect(server.seen).toHaveLength(1);
    expect(order).toEqual(["hand-written"]);
  });
});

describe("operationChecks on request bodies", () => {
  // A save that creates (name and email required) or updates (id required), as OpenAPI's oneOf says.
  const create = {
    required: ["name", "email"],
    fields: {
      name: { type: "string", minLength: 1, maxLength: 8, pattern: "\\S" },
      email: { type: "string", format: "email" },
      role: { type: "string", enum: ["admin", "member"] },
      tags: { type: "array", minItems: 1, maxItems: 2 },
      profile: {},
    },
    closed: true,
  } as const;
  const update = {
    required: ["id"],
    fields: { id: { type: "string", format: "uuid" }, name: create.fields.name },
    closed: true,
  } as const;
  const bodyRules = {
    "POST /users": {
      id: "saveUser",
      path: "/users",
      body: { required: true, oneOf: [create, update] },
    },
    "PUT /notes": { id: "putNote", path: "/notes", body: { oneOf: [{ fields: {} }] } },
  } as const satisfies OperationRules;
  const bodyClient = (baseUrl: string) =>
    fakeClient(
      baseUrl,
      {},
      { checkRequest: checksByRoute(operationChecks("fakevendor", bodyRules)) },
    );
  const ID = "0b6ee4a2-6f4a-4f53-9d8e-2ad4b9c1f0aa";

  it.each([
    [undefined, "body", "is required"],
    [[], "body", "must be a JSON object"],
    [{}, "body.name", "is required"],
    [{ name: "Ada" }, "body.email", "is required"],
    [
      { name: " ", email: "a@b.example" },
      "body.name",
      "must be a non-empty string of at most 8 characters matching /\\S/",
    ],
    [
      { name: "Ada Lovelace", email: "a@b.example" },
      "body.name",
      "must be a non-empty string of at most 8 characters matching /\\S/",
    ],
    [{ name: "Ada", email: "not-an-address" }, "body.email", "must be an email address"],
    [
      { name: "Ada", email: "a@b.example", role: "root" },
      "body.role",
      'must be one of "admin", "member", got "root"',
    ],
    [{ name: "Ada", email: "a@b.example", tags: [] }, "body.tags", "must be a list of 1–2 items"],
    [{ name: "Ada", email: "a@b.example", tags: "x" }, "body.tags", "must be a list of 1–2 items"],
    [
      { name: "Ada", email: "a@b.example", nick: "A" },
      "body.nick",
      "is not a field of this request",
    ],
    // id makes it an update, and an update has no email field.
    [{ id: ID, email: "a@b.example" }, "body.email", "is not a field of this request"],
    [{ id: "42" }, "body.id", "must be a UUID"],
  ])("refuses the body %j before sending", async (body, field, message) => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    const error = await refusal(
      bodyClient(server.baseUrl).POST("/users" as never, { body } as never),
    );
    expect(error).toMatchObject({ vendor: "fakevendor", operation: "saveUser", field });
    expect(error.problem).toBe(message);
  });

  it.each([
    [{ name: "Ada", email: "a@b.example", role: "admin", tags: ["x", "y"], profile: { a: 1 } }],
    // null counts as not given, even for a field the shape does not name.
    [{ name: "Ada", email: "a@b.example", role: null, nick: null }],
    [{ id: ID, name: "Ada" }],
  ])("sends the body %j the schema allows", async (body) => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
    await bodyClient(server.baseUrl).POST("/users" as never, { body } as never);
    expect(server.seen).toHaveLength(1);
  });

  it("sends an optional body that is absent, and any field of an open shape", async () => {
    server = await startScriptedServer([
      { status: 200, body: {} },
      { status: 200, body: {} },
    ]);
    const client = bodyClient(server.baseUrl);
    await client.PUT("/notes" as never, {} as never);
    await client.PUT("/notes" as never, { body: { anything: 1 } } as never);
    expect(server.seen).toHaveLength(2);
  });
});

describe("paginator", () => {
  // Made in each test, not when the file loads: a mutation run switches mutants on per test.
  const listing = () => paginator<paths>()(rules, "GET /users", "listAllUsers", { sort: "sort" });
  const page = (...ids: string[]): Reply => ({
    status: 200,
    body: { users: ids.map((id) => ({ id })) },
  });
  const drain = async <T>(items: AsyncIterable<T>) => {
    const all: T[] = [];
    for await (const item of items) all.push(item);
    return all;
  };

  it("walks offsets one at a time with concurrency 1, stops at a short page, and can be iterated again", async () => {
    server = await startScriptedServer((seen) => {
      const offset = new URL(seen.url, "http://x").searchParams.get("offset");
      return offset === "0" ? page("a", "b") : offset === "2" ? page("c") : page();
    });
    const users = listing()(fakeClient(server.baseUrl), { concurrency: 1 });
    expect((await drain(users)).map((u) => u.id)).toEqual(["a", "b", "c"]);
    expect(server.seen.map((s) => s.url)).toEqual([
      "/users?limit=2&offset=0",
      "/users?limit=2&offset=2",
    ]);
    expect((await drain(users)).length).toBe(3);
    expect(server.seen).toHaveLength(4);
    // By default it looks ahead: the same items, at most one page asked for past the short one.
    const before = server.seen.length;
    expect((await drain(listing()(fakeClient(server.baseUrl)))).map((u) => u.id)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(server.seen.length - before).toBeLessThanOrEqual(3);
  });

  it("refuses a bad page size at the call, before anything is sent", async () => {
    server = await startScriptedServer([page()]);
    const client = fakeClient(server.baseUrl);
    expect(() => listing()(client, { pageSize: 51 })).toThrow(
      "fakevendor listAllUsers: options.pageSize must be an integer from 1 to 50, got 51",
    );
    expect(() => listing()(client, null as never)).toThrow(/options must be an object/);
    expect(() => listing().pages(client, { pageSize: 0 }, { operation: "pullAccounts" })).toThrow(
      expect.objectContaining({ operation: "pullAccounts", field: "options.pageSize" }),
    );
    expect(server.seen).toHaveLength(0);
  });

  it("checks and sends named options and extra query parameters", async () => {
    server = await startScriptedServer([page("a")]);
    const client = fakeClient(server.baseUrl);
    expect(() => listing()(client, { sort: "up" } as never)).toThrow(
      expect.objectContaining({
        field: "options.sort",
        problem: 'must be one of "asc", "desc", got "up"',
      }),
    );
    const pages = listing().pages(client, { sort: "desc" } as never, {
      query: { name: "x" } as never,
    });
    expect((await drain(pages)).map((p) => p.items)).toEqual([[{ id: "a" }]]);
    expect(server.seen.map((s) => s.url)).toEqual(["/users?name=x&limit=2&sort=desc&offset=0"]);
  });

  it("fails a server that ignores the offset, and stops at maxPages", async () => {
    server = await startScriptedServer([page("a", "b")]);
    const client = fakeClient(server.baseUrl);
    await expect(drain(listing()(client))).rejects.toMatchObject({
      name: "PaginationError",
      reason: "repeated-page",
    });
    await expect(drain(listing()(client, { maxPages: 1 }))).rejects.toBeInstanceOf(PaginationError);
  });

  it("refuses a route without pagination when the listing is made", () => {
    expect(() => paginator<paths>()(rules, "GET /users/{id}" as never, "getAll")).toThrow(
      "GET /users/{id} has no x-rollcall-pagination",
    );
  });

  it("fails a page whose items are not a list, without the URL's query", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: { id: "a" } } }]);
    const error = await drain(listing()(fakeClient(server.baseUrl))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).url).toBe("/users");
  });

  it("pages by number, following the next page number or else a next link", async () => {
    const byNumber = {
      "GET /users": {
        id: "listUsers",
        path: "/users",
        params: [{ in: "query", name: "limit", type: "integer", minimum: 1 }],
        pagination: {
          ...{ items: "users", size: "limit", defaultSize: 2, page: "offset" },
          ...{ nextPage: "meta.next", hasNext: "links.next" },
        },
      },
    } as const;
    const numbered = paginator<paths>()(byNumber, "GET /users", "listAllUsers");
    const bodies = [
      { users: [{ id: "a" }, { id: "b" }], meta: { next: 5 } },
      { users: [{ id: "c" }, { id: "d" }], meta: {}, links: { next: "/users?p=6" } },
      { users: [{ id: "e" }, { id: "f" }], links: { next: null } },
    ];
    server = await startScriptedServer(bodies.map((body) => ({ status: 200, body })));
    const seenBodies: unknown[] = [];
    const client = fakeClient(server.baseUrl);
    for await (const p of numbered.pages(client)) seenBodies.push(p.body);
    expect(seenBodies).toEqual(bodies);
    expect(server.seen.map((s) => new URL(s.url, "http://x").searchParams.get("offset"))).toEqual([
      "1",
      "5",
      "6",
    ]);
  });
});
