import { afterEach, describe, expect, it } from "vitest";
import {
  checksByRoute,
  ClientValidationError,
  createApiClient,
  type RequestToCheck,
} from "../../src/runtime";
import { mayCheckMethod } from "../../src/runtime/request-checks";
import { fakeClient, fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const refuseNamedBob = checksByRoute({
  "POST /users": (init) => {
    if ((init.body as { name?: unknown } | undefined)?.name === "bob") {
      throw new ClientValidationError({
        vendor: "fakevendor",
        operation: "createUser",
        field: "body.name",
        message: "must not be bob",
      });
    }
  },
});

describe("VendorConfig.checkRequest", () => {
  it("refuses a call before anything is sent, on POST and on request()", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1" } }]);
    const client = fakeClient(server.baseUrl, {}, { checkRequest: refuseNamedBob });
    await expect(client.POST("/users", { body: { name: "bob" } })).rejects.toMatchObject({
      name: "ClientValidationError",
      field: "body.name",
    });
    await expect(
      client.request("post", "/users", { body: { name: "bob" } } as never),
    ).rejects.toBeInstanceOf(ClientValidationError);
    expect(server.seen).toHaveLength(0);
    const { data } = await client.POST("/users", { body: { name: "alice" } });
    expect(data?.id).toBe("u1");
    expect(server.seen).toHaveLength(1);
  });

  it("sees the method, the path template and the init of every call", async () => {
    server = await startScriptedServer([{ status: 200, body: { id: "u1" } }]);
    const checked: RequestToCheck[] = [];
    const client = fakeClient(server.baseUrl, {}, { checkRequest: (call) => checked.push(call) });
    await client.GET("/users/{id}", { params: { path: { id: "u1" } } });
    await client.request("delete", "/users/{id}", { params: { path: { id: "u1" } } } as never);
    expect(checked).toEqual([
      { method: "GET", path: "/users/{id}", init: { params: { path: { id: "u1" } } } },
      { method: "DELETE", path: "/users/{id}", init: { params: { path: { id: "u1" } } } },
    ]);
  });

  it("checksByRoute ignores routes it has no check for, including Object.prototype names", () => {
    const check = checksByRoute({});
    expect(() => check({ method: "GET", path: "/constructor", init: {} })).not.toThrow();
    expect(() =>
      refuseNamedBob({ method: "PUT", path: "/users", init: { body: { name: "bob" } } }),
    ).not.toThrow();
  });

  it("rejects a checkRequest that is not a function", () => {
    expect(() => createApiClient<paths>(fakeVendor({ checkRequest: "no" as never }))).toThrow(
      /vendor\.checkRequest must be a function/,
    );
  });
});

describe("checksByRoute", () => {
  it("runs only the check registered for the call's method and path", () => {
    const seen: string[] = [];
    const check = checksByRoute({
      "GET /users/{id}": () => seen.push("get"),
      "POST /users": () => seen.push("post"),
      "/no-method": () => seen.push("never"),
    });
    check({ method: "GET", path: "/users/{id}", init: {} });
    check({ method: "POST", path: "/users", init: {} });
    check({ method: "GET", path: "/users", init: {} });
    check({ method: "DELETE", path: "/users/{id}", init: {} });
    check({ method: "GET", path: "/constructor", init: {} });
    expect(seen).toEqual(["get", "post"]);
  });

  it("tells the client which methods need no check, and assumes any other check needs all", () => {
    const check = checksByRoute({ "PUT /account": () => {} });
    expect(mayCheckMethod(check, "PUT")).toBe(true);
    expect(mayCheckMethod(check, "GET")).toBe(false);
    expect(mayCheckMethod(() => {}, "GET")).toBe(true);
  });
});

describe("VendorConfig.bodyHeaders", () => {
  const vendorType = "application/vnd.api+json";

  it("go only on requests with a body, and the user's headers outrank them", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1", users: [] } }]);
    const client = fakeClient(server.baseUrl, {}, { bodyHeaders: { "Content-Type": vendorType } });
    await client.POST("/users", { body: { name: "a" } });
    await client.GET("/users");
    expect(server.seen[0]?.headers["content-type"]).toBe(vendorType);
    expect(server.seen[1]?.headers["content-type"]).toBeUndefined();

    const overridden = fakeClient(
      server.baseUrl,
      { headers: { "content-type": "application/json" } },
      { bodyHeaders: { "Content-Type": vendorType } },
    );
    await overridden.POST("/users", { body: { name: "a" } });
    expect(server.seen[2]?.headers["content-type"]).toBe("application/json");
    await client.POST("/users", { body: { name: "a" }, headers: { "X-Call": "1" } });
    expect(server.seen[3]?.headers["content-type"]).toBe(vendorType);
    expect(server.seen[3]?.headers["x-call"]).toBe("1");
  });
});
