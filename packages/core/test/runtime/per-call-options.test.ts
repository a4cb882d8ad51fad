// What a single call may change, and what it may not: its own query serialiser still carries the
// query credential, `checkRequest` may only be turned off, a HEAD or 205 answer needs no body, and
// an error thrown on the way keeps its type but loses the secret. Over real loopback HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { ClientValidationError, createApiClient } from "../../src/runtime";
import { API_KEY, fakeClient, fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

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
