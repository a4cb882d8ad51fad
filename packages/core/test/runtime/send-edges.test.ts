// The edges of sending one call that the other runtime suites pass by: a caller's abort ends the
// call without a retry, `timeoutMs: 0` means no deadline, a body of exactly the size cap is
// accepted, redirects are refused whatever the fetch does, an answer with no body to read is the
// vendor's own Response, hooks each work on their own, and an ApiError's vendor text is cut and
// redacted. Over real loopback HTTP unless a test needs a fetch that misbehaves.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  createApiClient,
  NetworkError,
  RedirectError,
  unwrap,
  type RetryInfo,
} from "../../src/runtime";
import { API_KEY, fakeClient, fakeVendor, recordingSleep } from "./fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type paths,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

const users = { users: [{ id: "u1" }] };

/** What a call threw, or a test failure when it returned. */
async function thrown(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** A server that answers every request with `users` only after `delayMs`. */
async function slowServer(delayMs: number) {
  const http = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(users));
    }, delayMs);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => {
      http.closeAllConnections();
      return new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

describe("a caller's abort", () => {
  it("ends the call at once: no retry, no wait, one request sent", async () => {
    server = await startScriptedServer(["hang"]);
    const { sleep, waits } = recordingSleep();
    const retries: RetryInfo[] = [];
    const client = fakeClient(server.baseUrl, {
      retry: { sleep, maxRetries: 3 },
      hooks: { onRetry: (info) => retries.push(info) },
    });
    const controller = new AbortController();
    const call = client.GET("/users", { signal: controller.signal });
    while (server.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await thrown(call)).toBeInstanceOf(AbortError);
    expect(retries).toEqual([]);
    expect(waits).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("still reports a reset connection as a network failure, not a timeout", async () => {
    server = await startScriptedServer(["destroy"]);
    const client = fakeClient(server.baseUrl, { retry: { maxRetries: 0 }, timeoutMs: 60_000 });
    const error = await thrown(client.GET("/users", { signal: new AbortController().signal }));
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe("timeoutMs: 0", () => {
  it("sets no deadline, with or without the caller's own signal", async () => {
    const slow = await slowServer(150);
    try {
      const client = fakeClient(slow.baseUrl, { timeoutMs: 0, retry: { maxRetries: 0 } });
      expect((await client.GET("/users")).data).toEqual(users);
      const signal = new AbortController().signal;
      expect((await client.GET("/users", { signal })).data).toEqual(users);
    } finally {
      await slow.close();
    }
  });

  it("leaves no timer running once a call with the caller's signal is over", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const client = fakeClient("https://api.fake.invalid", {
      timeoutMs: 600_000,
      fetch: async () => Response.json(users),
    });
    const before = timers();
    await client.GET("/users", { signal: new AbortController().signal });
    await client.GET("/users", { signal: new AbortController().signal });
    expect(timers()).toBe(before);
  });
});

describe("the response size cap", () => {
  it("accepts a body of exactly maxResponseBytes", async () => {
    const body = JSON.stringify(users);
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "application/json" }, body },
    ]);
    const client = fakeClient(server.baseUrl, { maxResponseBytes: body.length });
    expect((await client.GET("/users")).data).toEqual(users);
  });
});

describe("redirects", () => {
  it("refuses an answer a caller's fetch reached by following a redirect, naming where it went", async () => {
    server = await startScriptedServer((seen) =>
      seen.url === "/users"
        ? { status: 302, headers: { location: "/elsewhere" } }
        : { status: 200, body: users },
    );
    const client = fakeClient(server.baseUrl, {
      retry: { maxRetries: 0 },
      fetch: (request, init) => fetch(request, { ...init, redirect: "follow" }),
    });
    const error = await thrown(client.GET("/users"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBe(`${server.baseUrl}/elsewhere`);
  });

  it("refuses a browser fetch's opaque redirect", async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperty(opaque, "type", { value: "opaqueredirect" });
    Object.defineProperty(opaque, "ok", { value: false });
    const client = fakeClient("https://api.fake.invalid", {
      retry: { maxRetries: 0 },
      fetch: async () => opaque,
    });
    expect(await thrown(client.GET("/users"))).toBeInstanceOf(RedirectError);
  });

  it("refuses a redirect without a Location, and one answering a HEAD", async () => {
    server = await startScriptedServer([{ status: 307 }]);
    const client = fakeClient(server.baseUrl, { retry: { maxRetries: 0 } });
    const error = await thrown(client.GET("/users"));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toBeUndefined();
    await server.close();

    server = await startScriptedServer([{ status: 301, headers: { location: "/x" } }]);
    const head = await thrown(fakeClient(server.baseUrl).HEAD("/users" as never));
    expect(head).toBeInstanceOf(RedirectError);
  });

  it("takes a 299 answer as the success it is, observed or not", async () => {
    server = await startScriptedServer([{ status: 299, body: users }]);
    expect((await fakeClient(server.baseUrl).GET("/users")).data).toEqual(users);
    const statuses: number[] = [];
    const observed = fakeClient(server.baseUrl, {
      hooks: { onResponse: ({ status }) => statuses.push(status) },
    });
    expect((await observed.GET("/users")).data).toEqual(users);
    expect(statuses).toEqual([299]);
  });
});

describe("answers with nothing to parse", () => {
  it("hands over a 204, a 205 and a HEAD answer as the vendor's own Response", async () => {
    server = await startScriptedServer((seen) =>
      seen.method === "HEAD"
        ? { status: 200, headers: { "x-total": "3" } }
        : { status: seen.method === "DELETE" ? 204 : 205, headers: { "x-total": "3" } },
    );
    const client = fakeClient(server.baseUrl);
    const results = [
      await client.DELETE("/users/{id}", { params: { path: { id: "u1" } } }),
      await client.PUT("/users/{id}", { params: { path: { id: "u1" } }, body: { name: "Ada" } }),
      await client.HEAD("/users" as never),
    ];
    for (const { response } of results) {
      expect(response.url).toMatch(new RegExp(`^${server.baseUrl}/users`));
      expect(response.headers.get("x-total")).toBe("3");
    }
    expect(results.map((r) => r.response.status)).toEqual([204, 205, 200]);
  });

  it("keeps the status and headers of a JSON body served as text, and reads blank text as no data", async () => {
    server = await startScriptedServer([
      { status: 201, headers: { "content-type": "text/plain", "x-id": "7" }, body: '{"id":"u7"}' },
      { status: 201, headers: { "content-type": "text/plain" }, body: "  \n " },
    ]);
    const client = fakeClient(server.baseUrl);
    const created = await client.POST("/users", { body: { name: "Ada" } });
    expect(created.data).toEqual({ id: "u7" });
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get("x-id")).toBe("7");
    const blank = await client.POST("/users", { body: { name: "Ada" } });
    expect(blank.error).toBeUndefined();
    expect(blank.data).toBeUndefined();
  });

  it("gives a Blob no type when the vendor named none", async () => {
    server = await startScriptedServer([{ status: 200, body: "raw" }]);
    const { data } = await fakeClient(server.baseUrl).GET("/users", { parseAs: "blob" });
    const blob = data as unknown as Blob;
    expect(blob.type).toBe("");
    expect(await blob.text()).toBe("raw");
  });

  it("gives each reader of the raw bytes its own copy", async () => {
    server = await startScriptedServer([{ status: 200, body: users }]);
    const client = fakeClient(server.baseUrl);
    client.use({
      async onResponse({ response }) {
        new Uint8Array(await response.arrayBuffer()).fill(0);
      },
    });
    const { data } = await client.GET("/users", { parseAs: "arrayBuffer" });
    expect(new TextDecoder().decode(data as unknown as ArrayBuffer)).toBe(JSON.stringify(users));
  });
});

describe("hooks", () => {
  it.each(["onRequest", "onResponse"] as const)(
    "calls %s on its own for a plain successful call",
    async (hook) => {
      server = await startScriptedServer([{ status: 200, body: users }]);
      const seen: unknown[] = [];
      const client = fakeClient(server.baseUrl, {
        hooks: { [hook]: (info: unknown) => seen.push(info) },
      });
      await client.GET("/users");
      expect(seen).toEqual([
        expect.objectContaining({ vendor: "fakevendor", method: "GET", attempt: 1 }),
      ]);
    },
  );

  it("retries a HEAD's bodiless 503 for its status", async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 200 }]);
    const { sleep } = recordingSleep();
    const retries: RetryInfo[] = [];
    const client = fakeClient(server.baseUrl, {
      retry: { sleep },
      hooks: { onRetry: (info) => retries.push(info) },
    });
    const { response } = await client.HEAD("/users" as never);
    expect(response.status).toBe(200);
    expect(retries).toEqual([expect.objectContaining({ reason: "status", status: 503 })]);
  });
});

describe("an auth hook", () => {
  it("sends the Request it returns in place of the one it was given", async () => {
    server = await startScriptedServer([{ status: 200, body: users }]);
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          onRequest: (request) =>
            new Request(request, { headers: { authorization: `Bearer ${API_KEY}` } }),
        },
      }),
      { baseUrl: server.baseUrl },
    );
    await client.GET("/users");
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });
});

describe("an ApiError's vendor text", () => {
  it("cuts a long message to 500 characters and a text body to 2000, and redacts code and body", async () => {
    server = await startScriptedServer([
      { status: 400, body: { message: "m".repeat(900), code: `bad-${API_KEY}` } },
      {
        status: 500,
        headers: { "content-type": "text/plain" },
        body: `${API_KEY} ${"b".repeat(3000)}`,
      },
    ]);
    const client = fakeClient(server.baseUrl, { retry: { maxRetries: 0 } });
    const refused = (await thrown(
      client.GET("/users").then((result) => unwrap(result)),
    )) as ApiError;
    expect(refused.vendorMessage).toBe("m".repeat(500));
    expect(refused.vendorCode).toBe("bad-[REDACTED]");
    const failed = (await thrown(
      client.GET("/users").then((result) => unwrap(result)),
    )) as ApiError;
    expect(failed.body).toBe(`[REDACTED] ${"b".repeat(2000 - API_KEY.length - 1)}`);
  });
});
