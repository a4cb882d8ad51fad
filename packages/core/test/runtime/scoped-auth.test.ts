// Credentials placed per operation: a vendor whose v1 operations take the key in the query (GET,
// DELETE) or JSON body (POST) while its v2 operations take it in `Authorization: GenieKey …`, as
// OpsGenie's do. Each call must carry the key exactly where its own operation says, and nowhere else.
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createApiClient,
  RedirectError,
  type ErrorInfo,
  type RequestInfo,
} from "../../src/runtime";
import { API_KEY, fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths, type SeenRequest } from "./scripted-server";

let servers: Awaited<ReturnType<typeof startScriptedServer>>[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(...args: Parameters<typeof startScriptedServer>) {
  const server = await startScriptedServer(...args);
  servers.push(server);
  return server;
}

// "/users" stands for a v1 operation, "/users/{id}" for v2 ones (and every PUT).
const scoped = fakeVendor({
  auth: {
    query: { params: { apiKey: API_KEY }, routes: ["GET /users"] },
    body: { fields: { apiKey: API_KEY }, methods: ["POST"] },
    scopedHeaders: {
      headers: { Authorization: `GenieKey ${API_KEY}` },
      methods: ["PUT"],
      routes: ["GET /users/{id}", "DELETE /users/{id}"],
    },
  },
});

const queryKey = (seen: SeenRequest) =>
  new URL(seen.url, "http://127.0.0.1").searchParams.get("apiKey");

describe("credentials placed per operation", () => {
  it("sends v1 calls the key in query or body and v2 calls the GenieKey header only", async () => {
    const server = await serve((seen) =>
      seen.method === "GET" && seen.url.startsWith("/users?")
        ? { status: 200, body: { users: [] } }
        : seen.method === "POST"
          ? { status: 201, body: { id: "u1" } }
          : seen.method === "GET"
            ? { status: 200, body: { id: "u1" } }
            : { status: 204 },
    );
    const client = createApiClient<paths>(scoped, { baseUrl: server.baseUrl });
    const path = { params: { path: { id: "u1" } } };
    await client.GET("/users", { params: { query: { limit: 5 } } });
    await client.POST("/users", { body: { name: "Ada" } });
    await client.GET("/users/{id}", path);
    await client.DELETE("/users/{id}", path);
    await client.PUT("/users/{id}", { ...path, body: { name: "Ada" } });
    // A call with its own options takes the per-call path: the placement must not change.
    await client.GET("/users/{id}", { ...path, timeoutMs: 5_000 });
    await client.GET("/users", {
      timeoutMs: 5_000,
      querySerializer: { array: { style: "form", explode: true } },
    });

    const [list, post, get, del, put, getOwn, listOwn] = server.seen;
    for (const v1 of [list!, listOwn!]) {
      expect(queryKey(v1)).toBe(API_KEY);
      expect(v1.headers.authorization).toBeUndefined();
    }
    expect(JSON.parse(post!.body)).toEqual({ name: "Ada", apiKey: API_KEY });
    expect(post!.headers.authorization).toBeUndefined();
    expect(post!.url).toBe("/users");
    for (const v2 of [get!, del!, put!, getOwn!]) {
      expect(v2.headers.authorization).toBe(`GenieKey ${API_KEY}`);
      expect(v2.url).toBe("/users/u1");
      expect(v2.body).not.toContain(API_KEY);
    }
    expect(JSON.parse(put!.body)).toEqual({ name: "Ada" });
  });

  it("keeps the scoped header above a caller's own Authorization header", async () => {
    const server = await serve([{ status: 200, body: { id: "u1" } }]);
    const client = createApiClient<paths>(scoped, { baseUrl: server.baseUrl });
    await client.GET("/users/{id}", {
      params: { path: { id: "u1" } },
      headers: { Authorization: "GenieKey someone-else" },
    });
    expect(server.seen[0]!.headers.authorization).toBe(`GenieKey ${API_KEY}`);
  });

  it("redacts the key from errors and hook payloads in both placements", async () => {
    // A hostile server echoes what it was sent, key included, in its error body and headers.
    const server = await serve((seen) => ({
      status: 401,
      headers: { "x-echo": `${seen.headers.authorization ?? ""} ${seen.url}` },
      body: { error: `bad key ${API_KEY} at ${seen.url}`, got: seen.headers.authorization ?? "" },
    }));
    const payloads: (RequestInfo | ErrorInfo)[] = [];
    const client = createApiClient<paths>(scoped, {
      baseUrl: server.baseUrl,
      retry: false,
      hooks: { onRequest: (info) => payloads.push(info), onError: (info) => payloads.push(info) },
    });
    const v1 = await client.GET("/users");
    const v2 = await client.GET("/users/{id}", { params: { path: { id: "u1" } } });
    expect(queryKey(server.seen[0]!)).toBe(API_KEY);
    expect(server.seen[1]!.headers.authorization).toBe(`GenieKey ${API_KEY}`);
    for (const result of [v1, v2]) {
      const error = (result as { error?: unknown; response: Response }).response;
      expect(error.status).toBe(401);
    }
    const errors = payloads.filter((p): p is ErrorInfo => "error" in p).map((p) => p.error);
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(error).toBeInstanceOf(ApiError);
    const seen = JSON.stringify([payloads, errors.map((e) => ({ ...e, message: e.message }))]);
    expect(seen).toContain("[REDACTED]");
    expect(seen).not.toContain(API_KEY);
    expect(seen).not.toContain("SECRET");
  });

  it("never carries the header to another origin: a redirect is refused before it is followed", async () => {
    const elsewhere = await serve([{ status: 200, body: { id: "stolen" } }]);
    const server = await serve([
      { status: 302, headers: { location: `${elsewhere.baseUrl}/users/u1?apiKey=${API_KEY}` } },
    ]);
    const client = createApiClient<paths>(scoped, { baseUrl: server.baseUrl, retry: false });
    const error = await client
      .GET("/users/{id}", { params: { path: { id: "u1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(server.seen[0]!.headers.authorization).toBe(`GenieKey ${API_KEY}`);
    expect(elsewhere.seen).toHaveLength(0);
    expect(
      JSON.stringify({ ...(error as object), message: (error as Error).message }),
    ).not.toContain(API_KEY);
  });
});
