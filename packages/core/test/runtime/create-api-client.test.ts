import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  ClientValidationError,
  createApiClient,
  TimeoutError,
  unwrap,
} from "../../src/runtime";
import { API_KEY, fakeClient, fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createApiClient", () => {
  it("sends auth headers, the User-Agent and default headers, and returns typed data", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [{ id: "u1" }] } }]);
    const client = fakeClient(
      server.baseUrl,
      { headers: { "X-Trace": "t1" } },
      {
        headers: { Accept: "application/json" },
      },
    );
    const { data } = await client.GET("/users", { params: { query: { limit: 5 } } });
    expect(data?.users[0]?.id).toBe("u1");
    const seen = server.seen[0]!;
    expect(seen.url).toBe("/users?limit=5");
    expect(seen.headers["x-api-key"]).toBe(API_KEY);
    expect(seen.headers["x-trace"]).toBe("t1");
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["user-agent"]).toBe(
      `@rollcall/fake-client/1.2.3 node/${process.versions.node}`,
    );
  });

  it("puts OpsGenie-style credentials in the query for GET/DELETE and in the JSON body for POST", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          query: { params: { apiKey: API_KEY }, methods: ["GET", "DELETE"] },
          body: { fields: { apiKey: API_KEY }, methods: ["POST"] },
        },
      }),
      { baseUrl: server.baseUrl },
    );
    await client.GET("/users", { params: { query: { offset: 10 } } });
    await client.POST("/users", { body: { name: "Ada" } });
    await client.DELETE("/users/{id}", { params: { path: { id: "u1" } } });
    const [get, post, del] = server.seen;
    expect(new URL(get!.url, "http://x").searchParams.get("apiKey")).toBe(API_KEY);
    expect(new URL(get!.url, "http://x").searchParams.get("offset")).toBe("10");
    expect(post!.url).toBe("/users");
    expect(JSON.parse(post!.body)).toEqual({ name: "Ada", apiKey: API_KEY });
    expect(new URL(del!.url, "http://x").searchParams.get("apiKey")).toBe(API_KEY);
  });

  it("runs the auth onRequest hook on the final request", async () => {
    server = await startScriptedServer([{ status: 200, body: { id: "u1" } }]);
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          onRequest(request) {
            request.headers.set("Authorization", `Bearer ${API_KEY}`);
          },
        },
      }),
      { baseUrl: server.baseUrl },
    );
    await client.GET("/users/{id}", { params: { path: { id: "u1" } } });
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("uses the caller's fetch", async () => {
    const calls: string[] = [];
    const client = createApiClient<paths>(fakeVendor(), {
      fetch: async (request) => {
        calls.push(`${request.method} ${request.url}`);
        return Response.json({ id: "from-custom-fetch" });
      },
    });
    const user = unwrap(await client.GET("/users/{id}", { params: { path: { id: "u9" } } }));
    expect(user.id).toBe("from-custom-fetch");
    expect(calls).toEqual(["GET https://api.fake.invalid/users/u9"]);
  });

  it("gives each request its own abort signal, which a wrapping fetch can spread", async () => {
    // One signal shared by many requests collects a listener per request (undici keeps each until
    // garbage collection), so every fetch that asks for one gets a fresh signal.
    const signals: AbortSignal[] = [];
    const client = createApiClient<paths>(fakeVendor(), {
      fetch: async (_request, init) => {
        const { signal } = { ...init };
        if (signal) signals.push(signal);
        return Response.json({ id: "u1" });
      },
    });
    await client.GET("/users/{id}", { params: { path: { id: "u1" } } });
    await client.GET("/users/{id}", { params: { path: { id: "u2" } } });
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals.some((signal) => signal.aborted)).toBe(false);
  });

  it("times out a custom fetch that waits on the signal it was given", async () => {
    const client = createApiClient<paths>(fakeVendor(), {
      timeoutMs: 30,
      retry: false,
      fetch: (_request, init) =>
        new Promise((_resolve, reject) => {
          const { signal } = { ...init };
          signal?.addEventListener("abort", () => reject(signal.reason));
        }),
    });
    const error = await client.GET("/users").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 30, attempts: 1 });
  });

  it("times out a request that never answers, with the client timeout", async () => {
    server = await startScriptedServer(["hang"]);
    const client = fakeClient(server.baseUrl, { timeoutMs: 50, retry: false });
    const error = await client.GET("/users").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      vendor: "fakevendor",
      method: "GET",
      timeoutMs: 50,
      attempts: 1,
    });
  });

  it("times out with a per-call timeout shorter than the client's", async () => {
    server = await startScriptedServer(["hang"]);
    const client = fakeClient(server.baseUrl, { retry: false }); // default 30 s
    const error = await client.GET("/users", { timeoutMs: 40 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(40);
  });

  it("retries a timed-out GET and counts the attempts", async () => {
    server = await startScriptedServer(["hang"]);
    // Long enough that each attempt reaches the server even on a loaded CI machine.
    const client = fakeClient(server.baseUrl, {
      timeoutMs: 500,
      retry: { maxRetries: 1, sleep: async () => {} },
    });
    const error = await client.GET("/users").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(2);
    expect(server.seen).toHaveLength(2);
  });

  it("surfaces the caller's abort as an AbortError, not a timeout, and does not retry it", async () => {
    server = await startScriptedServer(["hang"]);
    const client = fakeClient(server.baseUrl, { timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.GET("/users", { signal: controller.signal }).catch((e: unknown) => e);
    while (server.seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).name).toBe("AbortError");
    expect(server.seen).toHaveLength(1);
  });

  it("still applies the timeout when the caller passes a signal", async () => {
    server = await startScriptedServer(["hang"]);
    const client = fakeClient(server.baseUrl, { retry: false });
    const error = await client
      .GET("/users", { signal: new AbortController().signal, timeoutMs: 40 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it.each([
    ["the shared deadline", {}],
    ["a caller's signal", { signal: new AbortController().signal }],
  ])("times out a body that stalls after the headers, with %s", async (_label, init) => {
    server = await startScriptedServer(["stall-body"]);
    const client = fakeClient(server.baseUrl, { timeoutMs: 60, retry: false });
    const error = await client.GET("/users", init).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 60, attempts: 1 });
  });

  it("times out a stalled body on the hooks path too, and reports it to onError", async () => {
    server = await startScriptedServer(["stall-body"]);
    const errors: unknown[] = [];
    const client = fakeClient(server.baseUrl, {
      timeoutMs: 60,
      retry: false,
      hooks: { onError: ({ error }) => errors.push(error) },
    });
    const error = await client.GET("/users").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(errors).toEqual([error]);
  });

  it("refuses a header value fetch could not send, naming it and not echoing it", () => {
    expect(() =>
      createApiClient(fakeVendor({ auth: { headers: { "X-Api-Key": "ключ" } } }), {
        baseUrl: "http://127.0.0.1:1",
      }),
    ).toThrow(
      expect.objectContaining({
        field: "vendor.auth.headers.X-Api-Key",
        message: expect.not.stringContaining("ключ"),
      }),
    );
  });

  it("rejects bad options with a ClientValidationError naming the field", () => {
    expect(() => createApiClient<paths>(fakeVendor(), { baseUrl: "not a url" })).toThrow(
      ClientValidationError,
    );
    expect(() => createApiClient<paths>(fakeVendor(), { timeoutMs: -1 })).toThrow(
      /options\.timeoutMs/,
    );
    expect(() => createApiClient<paths>(fakeVendor(), { retry: { maxRetries: 1.5 } })).toThrow(
      /options\.retry\.maxRetries/,
    );
    const error = (() => {
      try {
        createApiClient<paths>(fakeVendor({ auth: { headers: { "X-Api-Key": "" } } }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({
      vendor: "fakevendor",
      operation: "createApiClient",
      field: "vendor.auth.headers.X-Api-Key",
    });
  });

  it("treats a 204 without a body as success", async () => {
    server = await startScriptedServer([{ status: 204 }]);
    const client = fakeClient(server.baseUrl);
    const result = await client.DELETE("/users/{id}", { params: { path: { id: "u1" } } });
    expect(result.response.status).toBe(204);
    expect(unwrap(result)).toBeUndefined();
  });
});

describe("typing (checked by tsc)", () => {
  it("types per-call options and keeps openapi-fetch's parameter checks", async () => {
    const client = createApiClient<paths>(fakeVendor(), {
      fetch: async () => Response.json({ id: "u1" }),
    });
    const { data } = await client.GET("/users/{id}", {
      params: { path: { id: "u1" } },
      timeoutMs: 10,
    });
    const id: string | undefined = data?.id;
    expect(id).toBe("u1");
    // @ts-expect-error timeoutMs must be a number (and is rejected at run time too)
    await expect(client.GET("/users", { timeoutMs: "soon" })).rejects.toThrow(
      ClientValidationError,
    );
    // @ts-expect-error the path parameter is required
    await client.GET("/users/{id}");
    // @ts-expect-error the body is typed by the spec
    await client.POST("/users", { body: { nom: "Ada" } });
  });
});
