// What a single call may change, and what it may not: its own query serialiser still carries the
// query credential, `checkRequest` may only be turned off, a HEAD or 205 answer needs no body, and
// an error thrown on the way keeps its type but loses the secret. Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import {
  ClientValidationError,
  createApiClient,
  ResponseParseError,
  ResponseTooLargeError,
} from "../../src/runtime";
import { API_KEY, fakeClient, fakeVendor } from "./fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type paths,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

const queryKeyClient = (baseUrl: string) =>
  createApiClient<paths>(
    fakeVendor({
      auth: { query: { params: { apiKey: API_KEY }, methods: ["GET"] } },
      querySerializer: { array: { style: "pipeDelimited", explode: false } },
    }),
    { baseUrl },
  );

describe("a call's own options", () => {
  it("keeps the query credential under a call's own query serialiser, options or function", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = queryKeyClient(server.baseUrl);
    const query = { ids: ["a", "b"] } as never;
    await client.GET("/users", { params: { query } });
    await client.GET("/users", {
      params: { query },
      querySerializer: { array: { style: "form", explode: true } },
    });
    await client.GET("/users", { params: { query }, querySerializer: () => "x=1" });
    await client.GET("/users", { params: { query }, querySerializer: () => "" });
    expect(server.seen.map((s) => decodeURIComponent(s.url))).toEqual([
      `/users?ids=a|b&apiKey=${API_KEY}`,
      `/users?ids=a&ids=b&apiKey=${API_KEY}`,
      `/users?x=1&apiKey=${API_KEY}`,
      `/users?apiKey=${API_KEY}`,
    ]);
  });

  it("sends no query credential on a method the vendor does not put it on", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1" } }]);
    await queryKeyClient(server.baseUrl).POST("/users", {
      body: { name: "Ada" },
      querySerializer: () => "x=1",
    });
    expect(server.seen.map((s) => s.url)).toEqual(["/users?x=1"]);
  });

  it("may turn the vendor's request check off, and nothing else", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const refuse = () => {
      throw new ClientValidationError({
        ...{ vendor: "fakevendor", operation: "listUsers" },
        ...{ field: "params", message: "is refused" },
      });
    };
    const client = fakeClient(server.baseUrl, {}, { checkRequest: refuse });
    await expect(client.GET("/users")).rejects.toMatchObject({ problem: "is refused" });
    await expect(client.GET("/users", { checkRequest: true } as never)).rejects.toMatchObject({
      name: "ClientValidationError",
      field: "checkRequest",
      problem: "may only be false (skip the request check)",
    });
    expect(server.seen).toHaveLength(0);
    const { data } = await client.GET("/users", { checkRequest: false });
    expect(data).toEqual({ users: [] });
    expect(server.seen).toHaveLength(1);
  });

  it("answers a HEAD or a 205 labelled JSON without a body as success", async () => {
    server = await startScriptedServer([
      { status: 200, body: { users: [] } },
      { status: 205, headers: { "content-type": "application/json" } },
    ]);
    const client = fakeClient(server.baseUrl);
    const head = await client.HEAD("/users" as never);
    expect(head.error).toBeUndefined();
    expect(head.response.status).toBe(200);
    const reset = await client.GET("/users");
    expect(reset.error).toBeUndefined();
    expect(reset.response.status).toBe(205);
    expect(server.seen.map((s) => s.method)).toEqual(["HEAD", "GET"]);
  });

  it("rethrows an error from middleware with its type, minus the secret", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = fakeClient(server.baseUrl);
    client.use({
      onRequest({ request }) {
        throw new RangeError(`refused ${request.headers.get("x-api-key")}`);
      },
    });
    const error = await client.GET("/users").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe("refused [REDACTED]");
    expect((error as Error).stack).not.toContain(API_KEY);
    expect(server.seen).toHaveLength(0);
  });
});

describe("one option alone makes a call's own context", () => {
  it("caps this call's body size, and refuses a bad cap naming the call's field", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [{ id: "u1" }] } }]);
    const client = fakeClient(server.baseUrl);
    const error = await client.GET("/users", { maxResponseBytes: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    await expect(client.GET("/users", { timeoutMs: -1 })).rejects.toMatchObject({
      field: "timeoutMs",
      problem: "must be a finite number of milliseconds ≥ 0 (0 turns the timeout off)",
    });
  });

  it("sends this call through its own fetch, still with the client's retries", async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 200, body: { users: [] } }]);
    const used: string[] = [];
    const client = fakeClient(server.baseUrl, { retry: { sleep: async () => {} } });
    const { data } = await client.GET("/users", {
      fetch: (request: Request, init?: RequestInit) => {
        used.push(request.url);
        return globalThis.fetch(request, init);
      },
    } as never);
    expect(data).toEqual({ users: [] });
    expect(used).toEqual([`${server.baseUrl}/users`, `${server.baseUrl}/users`]);
  });

  it("still refuses a non-JSON success body when the call asks for JSON by name", async () => {
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "text/html" }, body: "<html></html>" },
    ]);
    const error = await fakeClient(server.baseUrl)
      .GET("/users", { parseAs: "json" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toMatch(/: expected a JSON body: "<html><\/html>"$/);
  });
});

describe("empty and broken success bodies", () => {
  it("accepts a 204 labelled JSON, and an empty 200 labelled text", async () => {
    server = await startScriptedServer([
      { status: 204, headers: { "content-type": "application/json" } },
      { status: 200, headers: { "content-type": "text/plain" } },
    ]);
    const client = fakeClient(server.baseUrl);
    const none = await client.DELETE("/users/{id}", { params: { path: { id: "u1" } } });
    expect(none.response.status).toBe(204);
    const empty = await client.GET("/users");
    expect(empty.response.status).toBe(200);
    expect(empty.data).toBeUndefined();
  });

  it("names the full URL of an empty body that promised JSON", async () => {
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "application/json" } },
    ]);
    const error = await fakeClient(server.baseUrl)
      .GET("/users")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ url: `${server!.baseUrl}/users`, bodySnippet: "" });
    expect((error as Error).message).toBe(
      `fakevendor GET ${server!.baseUrl}/users (status 200, content-type application/json): the response promised JSON but the body was empty`,
    );
  });

  it("says what a body labelled JSON that is not JSON was, without a snippet", async () => {
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "application/json" }, body: "{oops" },
    ]);
    const error = await fakeClient(server.baseUrl)
      .GET("/users")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).bodySnippet).toBe("");
    expect((error as Error).message).toMatch(
      /^fakevendor GET http:\/\/127\.0\.0\.1:\d+\/users: the response body is not valid JSON \(.+\)$/,
    );
  });
});

describe("what middleware throws", () => {
  it("keeps a thrown string, and an error that merely mentions JSON, as they are", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = fakeClient(server.baseUrl);
    const thrown: unknown[] = ["stop", new TypeError("bad JSON settings")];
    let next = 0;
    client.use({
      onRequest() {
        throw thrown[next++];
      },
    });
    await expect(client.GET("/users")).rejects.toBe("stop");
    const error = await client.GET("/users").catch((e: unknown) => e);
    expect(error).toBe(thrown[1]);
    expect((error as Error).message).toBe("bad JSON settings");
  });

  it("keeps an error without a stack stackless, its message still redacted", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = fakeClient(server.baseUrl);
    client.use({
      onRequest({ request }) {
        const error = new Error(`refused ${request.headers.get("x-api-key")}`);
        error.stack = undefined;
        throw error;
      },
    });
    const error = (await client.GET("/users").catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("refused [REDACTED]");
    expect(error.stack).toBeUndefined();
  });

  it("hides the secret in a stack that was already read before the throw", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = fakeClient(server.baseUrl);
    client.use({
      onRequest({ request }) {
        const error = new Error(`refused ${request.headers.get("x-api-key")}`);
        expect(error.stack).toContain(API_KEY);
        throw error;
      },
    });
    const error = (await client.GET("/users").catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(API_KEY);
    expect(error.stack).not.toContain(API_KEY);
  });
});
