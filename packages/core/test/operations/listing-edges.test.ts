// A generated listing's edges, as its caller meets them: a wrong client, a page with no items
// field, a page-number API that only says whether there is more, and per-call options that reach
// every page. Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ClientValidationError,
  paginator,
  ResponseParseError,
  type OperationRules,
} from "../../src/index";
import { fakeClient, recordingSleep } from "../runtime/fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type paths,
  type ScriptedServer,
} from "../runtime/scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

const drain = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const byOffset = {
  "GET /users": {
    id: "listUsers",
    path: "/users",
    params: [
      { in: "query", name: "sort", type: "string", enum: ["asc", "desc"] },
      { in: "query", name: "limit", type: "integer", maximum: 3 },
    ],
    pagination: { items: "users", size: "limit", defaultSize: 2, offset: "offset" },
  },
} as const satisfies OperationRules;
// Made in each test, not when the file loads: a mutation run switches mutants on per test.
const listing = () => paginator<paths>()(byOffset, "GET /users", "listAllUsers");

describe("a generated listing", () => {
  it("refuses something that is not a client, naming it, before anything is sent", () => {
    for (const notClient of [undefined, {}, { vendor: "acme", GET: "x" }]) {
      let thrown: unknown;
      try {
        listing()(notClient as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ClientValidationError);
      expect(thrown).toMatchObject({
        vendor: (notClient as { vendor?: string } | undefined)?.vendor ?? "unknown",
        operation: "listAllUsers",
        field: "client",
        problem: "must be a client made by its factory",
      });
    }
  });

  it("refuses options that are not an object, and a route the operations do not have", () => {
    expect(() => listing()(fakeClient("http://127.0.0.1:1"), "x" as never)).toThrow(
      "fakevendor listAllUsers: options must be an object",
    );
    expect(() => paginator<paths>()(byOffset, "GET /groups" as never, "listAllGroups")).toThrow(
      new TypeError("GET /groups has no x-rollcall-pagination"),
    );
  });

  it("fails a page whose items are not a list with a ResponseParseError naming the call", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: "none" } }]);
    const error = await drain(listing()(fakeClient(server.baseUrl))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({
      ...{ vendor: "fakevendor", method: "GET", url: "/users", status: 200 },
      ...{ contentType: undefined, bodySnippet: "" },
    });
    expect((error as Error).message).toBe(
      "fakevendor GET /users (status 200, content-type none): the page's `users` is not an array",
    );
  });

  it("refuses a page size of 0 even where the spec gives the size no minimum", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = fakeClient(server.baseUrl);
    expect(() => listing()(client, { pageSize: 0 })).toThrow(
      "fakevendor listAllUsers: options.pageSize must be an integer from 1 to 3, got 0",
    );
    expect(await drain(listing()(client, { pageSize: 3 }))).toEqual([]);
    expect(server.seen.map((s) => s.url)).toEqual(["/users?limit=3&offset=0"]);
  });

  it("reads a page without its items field as an empty last page", async () => {
    server = await startScriptedServer([{ status: 200, body: { total: 0 } }]);
    expect(await drain(listing()(fakeClient(server.baseUrl)))).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("sends each page with the listing's per-call options", async () => {
    server = await startScriptedServer([{ status: 503, body: { error: "busy" } }]);
    const { sleep, waits } = recordingSleep();
    const client = fakeClient(server.baseUrl, { retry: { maxRetries: 2, sleep } });
    const failure = await drain(listing()(client, { call: { retry: false } })).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(server.seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("passes maxPages on to the runaway guard", async () => {
    server = await startScriptedServer((seen) => {
      const offset = Number(new URL(seen.url, "http://x").searchParams.get("offset"));
      return { status: 200, body: { users: [{ id: `u${offset}` }, { id: `v${offset}` }] } };
    });
    const error = await drain(listing()(fakeClient(server.baseUrl), { maxPages: 2 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ name: "PaginationError", reason: "max-pages" });
    expect(server.seen).toHaveLength(2);
  });
});

describe("a page-number listing", () => {
  const byPage = (pagination: object) =>
    paginator<paths>()(
      {
        "GET /users": {
          id: "listUsers",
          path: "/users",
          pagination: { items: "users", size: "per", defaultSize: 2, page: "page", ...pagination },
        },
      } as const,
      "GET /users",
      "listAllUsers",
    );
  const full = (...ids: string[]) => ({ users: ids.map((id) => ({ id })) });

  it("asks for the next number while the page says there is more", async () => {
    const bodies = [
      { ...full("a", "b"), more: true },
      { ...full("c", "d"), more: 1 },
      { ...full("e", "f"), more: false },
    ];
    server = await startScriptedServer(bodies.map((body) => ({ status: 200, body })));
    const items = await drain(byPage({ hasNext: "more" })(fakeClient(server.baseUrl)));
    expect(items.map((u) => u.id)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(server.seen.map((s) => s.url)).toEqual([
      "/users?per=2&page=1",
      "/users?per=2&page=2",
      "/users?per=2&page=3",
    ]);
  });

  it("stops after a full page when the API names no next page or gives no number", async () => {
    server = await startScriptedServer([
      { status: 200, body: full("a", "b") },
      { status: 200, body: { ...full("a", "b"), next: "2" } },
    ]);
    const client = fakeClient(server.baseUrl);
    expect(await drain(byPage({})(client))).toHaveLength(2);
    expect(await drain(byPage({ nextPage: "next" })(client))).toHaveLength(2);
    expect(server.seen).toHaveLength(2);
  });

  it("yields each page's whole response body beside its items", async () => {
    const bodies = [
      { ...full("a", "b"), meta: { next: 2 } },
      { ...full("c"), meta: {} },
    ];
    server = await startScriptedServer(bodies.map((body) => ({ status: 200, body })));
    const pages = await drain(byPage({ nextPage: "meta.next" }).pages(fakeClient(server.baseUrl)));
    expect(pages.map((p) => [p.items.length, p.body])).toEqual([
      [2, bodies[0]],
      [1, bodies[1]],
    ]);
  });
});

describe("a listing under a parent", () => {
  const nested = () =>
    paginator<paths>()(
      {
        "GET /groups/{group}/users": {
          id: "listGroupUsers",
          path: "/groups/{group}/users",
          params: [
            { in: "path", name: "group", type: "string", required: true, pattern: "^[a-z]+$" },
            // A size the spec requires: the listing always sends it, and never asks for it in `path`.
            { in: "query", name: "per", type: "integer", required: true, maximum: 50 },
          ],
          pagination: {
            items: "users",
            size: "per",
            defaultSize: 2,
            page: "page",
            hasNext: "more",
          },
        },
      } as const,
      "GET /groups/{group}/users",
      "listAllGroupUsers",
    );

  it("fills the parent's id into the path of every page", async () => {
    server = await startScriptedServer([
      { status: 200, body: { users: [{ id: "a" }, { id: "b" }], more: true } },
      { status: 200, body: { users: [{ id: "c" }] } },
    ]);
    const listing = nested()(fakeClient(server.baseUrl), { path: { group: "ops" } } as never);
    expect((await drain(listing)).map((user) => (user as { id: string }).id)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(server.seen.map((s) => s.url)).toEqual([
      "/groups/ops/users?per=2&page=1",
      "/groups/ops/users?per=2&page=2",
    ]);
  });

  it("refuses a missing or malformed parent id at the call, naming it, before sending", async () => {
    server = await startScriptedServer([]);
    const client = fakeClient(server.baseUrl);
    for (const options of [{}, { path: {} }, { path: { group: "../users" } }]) {
      expect(() => nested()(client, options as never)).toThrow(ClientValidationError);
      expect(() => nested()(client, options as never)).toThrow(/options\.path\.group/);
    }
    expect(server.seen).toEqual([]);
  });
});
