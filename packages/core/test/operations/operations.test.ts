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

describe("paginator", () => {
  const listUsers = paginator<paths>()(rules, "GET /users", "listAllUsers", { sort: "sort" });
  const page = (...ids: string[]): Reply => ({
    status: 200,
    body: { users: ids.map((id) => ({ id })) },
  });
  const drain = async <T>(items: AsyncIterable<T>) => {
    const all: T[] = [];
    for await (const item of items) all.push(item);
    return all;
  };

  it("walks offsets lazily, stops at a short page, and can be iterated again", async () => {
    server = await startScriptedServer((seen) => {
      const offset = new URL(seen.url, "http://x").searchParams.get("offset");
      return offset === "0" ? page("a", "b") : offset === "2" ? page("c") : page();
    });
    const users = listUsers(fakeClient(server.baseUrl));
    expect((await drain(users)).map((u) => u.id)).toEqual(["a", "b", "c"]);
    expect(server.seen.map((s) => s.url)).toEqual([
      "/users?limit=2&offset=0",
      "/users?limit=2&offset=2",
    ]);
    expect((await drain(users)).length).toBe(3);
    expect(server.seen).toHaveLength(4);
  });

  it("refuses a bad page size at the call, before anything is sent", async () => {
    server = await startScriptedServer([page()]);
    const client = fakeClient(server.baseUrl);
    expect(() => listUsers(client, { pageSize: 51 })).toThrow(
      "fakevendor listAllUsers: options.pageSize must be an integer from 1 to 50, got 51",
    );
    expect(() => listUsers(client, null as never)).toThrow(/options must be an object/);
    expect(() => listUsers.pages(client, { pageSize: 0 }, { operation: "pullAccounts" })).toThrow(
      expect.objectContaining({ operation: "pullAccounts", field: "options.pageSize" }),
    );
    expect(server.seen).toHaveLength(0);
  });

  it("checks and sends named options and extra query parameters", async () => {
    server = await startScriptedServer([page("a")]);
    const client = fakeClient(server.baseUrl);
    expect(() => listUsers(client, { sort: "up" } as never)).toThrow(
      expect.objectContaining({
        field: "options.sort",
        problem: 'must be one of "asc", "desc", got "up"',
      }),
    );
    const pages = listUsers.pages(client, { sort: "desc" } as never, {
      query: { name: "x" } as never,
    });
    expect((await drain(pages)).map((p) => p.items)).toEqual([[{ id: "a" }]]);
    expect(server.seen.map((s) => s.url)).toEqual(["/users?name=x&limit=2&sort=desc&offset=0"]);
  });

  it("fails a server that ignores the offset, and stops at maxPages", async () => {
    server = await startScriptedServer([page("a", "b")]);
    const client = fakeClient(server.baseUrl);
    await expect(drain(listUsers(client))).rejects.toMatchObject({
      name: "PaginationError",
      reason: "repeated-page",
    });
    await expect(drain(listUsers(client, { maxPages: 1 }))).rejects.toBeInstanceOf(PaginationError);
  });

  it("refuses a route without pagination when the listing is made", () => {
    expect(() => paginator<paths>()(rules, "GET /users/{id}" as never, "getAll")).toThrow(
      "GET /users/{id} has no x-rollcall-pagination",
    );
  });

  it("fails a page whose items are not a list, without the URL's query", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: { id: "a" } } }]);
    const error = await drain(listUsers(fakeClient(server.baseUrl))).catch((e: unknown) => e);
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
