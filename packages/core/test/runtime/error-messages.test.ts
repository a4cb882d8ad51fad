// What a caller reads when a call fails: each error's message (what lands in a log), the class a
// status maps to, and what JSON.stringify and util.inspect show.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  NetworkError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  unwrap,
  type ApiClientOptions,
} from "../../src/runtime";
import { fakeClient, recordingSleep } from "./fake-vendor";
import { startScriptedServer, type Reply } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const retryOnce = () => ({ maxRetries: 1, sleep: recordingSleep().sleep });

/** The error a GET /users ends in against a server answering `replies`. */
async function failureOf(replies: Reply[], options: ApiClientOptions = {}) {
  server = await startScriptedServer(replies);
  const client = fakeClient(server.baseUrl, { retry: false, ...options });
  const error = await client
    .GET("/users")
    .then(unwrap)
    .catch((e: unknown) => e);
  return { error: error as Error, url: `${server.baseUrl}/users` };
}

/** The error a GET ends in when the fetch throws `thrown` each time. */
async function networkFailure(thrown: Error, attempts: 1 | 2) {
  const client = fakeClient("http://127.0.0.1:9", {
    retry: attempts === 2 ? retryOnce() : false,
    fetch: async () => {
      throw thrown;
    },
  });
  return (await client.GET("/users").catch((e: unknown) => e)) as NetworkError;
}

describe("error messages", () => {
  it("an API error names the call, status, vendor message, code, request id and attempts", async () => {
    const reply: Reply = {
      status: 503,
      headers: { "x-request-id": "req-7" },
      body: { message: "down for maintenance", code: "E_MAINT" },
    };
    const { error, url } = await failureOf([reply], { retry: retryOnce() });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe(
      `fakevendor GET ${url} failed with 503 Service Unavailable: down for maintenance (code E_MAINT, request id req-7, after 2 attempts)`,
    );
  });

  it("an API error with nothing more to say is one short line", async () => {
    const { error, url } = await failureOf([{ status: 404 }]);
    expect(error.message).toBe(`fakevendor GET ${url} failed with 404 Not Found`);
  });

  it.each([
    [422, BadRequestError, "bad-request"],
    [403, AuthenticationError, "authentication"],
    [501, ServerError, "server"],
  ] as const)("maps %i to %o", async (status, Class, kind) => {
    const { error } = await failureOf([{ status }]);
    expect(error).toBeInstanceOf(Class);
    expect(error).toMatchObject({ kind, status });
  });

  it("leaves a status with no class of its own a plain ApiError of kind other", async () => {
    const { error } = await failureOf([{ status: 418 }]);
    expect(error.constructor).toBe(ApiError);
    expect(error).toMatchObject({ kind: "other", status: 418 });
  });

  it("a timeout says after how long, and how many attempts when more than one", async () => {
    const once = await failureOf(["hang"], { timeoutMs: 40 });
    expect(once.error).toBeInstanceOf(TimeoutError);
    expect(once.error.message).toBe(`fakevendor GET ${once.url} timed out after 40 ms`);
    await server!.close();
    const twice = await failureOf(["hang"], { timeoutMs: 40, retry: retryOnce() });
    expect(twice.error.message).toBe(
      `fakevendor GET ${twice.url} timed out after 40 ms (2 attempts)`,
    );
  });

  it("a network error gives the inner cause and its code, once", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      code: "ECONNREFUSED",
    });
    const first = await networkFailure(new TypeError("fetch failed", { cause: refused }), 1);
    expect(first.message).toBe(
      "fakevendor GET http://127.0.0.1:9/users failed: fetch failed (connect ECONNREFUSED 127.0.0.1:9)",
    );
    const closed = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const second = await networkFailure(new TypeError("fetch failed", { cause: closed }), 2);
    expect(second.message).toBe(
      "fakevendor GET http://127.0.0.1:9/users failed after 2 attempts: fetch failed (other side closed) [UND_ERR_SOCKET]",
    );
    // only a string code is a name worth adding; a number says nothing on its own
    const numbered = await networkFailure(Object.assign(new Error("reset"), { code: 104 }), 1);
    expect(numbered.message).toBe("fakevendor GET http://127.0.0.1:9/users failed: reset");
    const plain = await networkFailure(
      Object.assign(new Error("broken pipe"), { code: "EPIPE" }),
      1,
    );
    expect(plain.message).toBe(
      "fakevendor GET http://127.0.0.1:9/users failed: broken pipe [EPIPE]",
    );
  });

  it("an abort names the call and the caller", async () => {
    server = await startScriptedServer(["hang"]);
    const controller = new AbortController();
    const call = fakeClient(server.baseUrl).GET("/users", { signal: controller.signal });
    controller.abort();
    const error = (await call.catch((e: unknown) => e)) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe(`fakevendor GET ${server.baseUrl}/users was aborted by the caller`);
    expect(error).toMatchObject({ method: "GET", url: `${server.baseUrl}/users` });
  });

  it("a body that is not JSON says what came instead", async () => {
    const { error, url } = await failureOf([
      { status: 200, headers: { "content-type": "text/html" }, body: "<html>hi</html>" },
    ]);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toMatch(
      new RegExp(
        `^fakevendor GET ${url.replace(/[.]/g, "\\.")} \\(status 200, content-type text/html\\): .+: "<html>hi</html>"$`,
      ),
    );
  });

  it("a redirect says where it pointed", async () => {
    const { error, url } = await failureOf([{ status: 302, headers: { location: "/elsewhere" } }]);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toBe(
      `fakevendor GET ${url} was redirected (302) to /elsewhere: not followed`,
    );
  });

  it("an oversized body names the cap", async () => {
    const { error, url } = await failureOf([{ status: 200, body: { users: "x".repeat(200) } }], {
      maxResponseBytes: 64,
    });
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toBe(`fakevendor GET ${url}: response body over maxResponseBytes (64)`);
  });
});

describe("what JSON.stringify and util.inspect show", () => {
  it("every field that is set, the name and message, and the cause's name and message", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const error = await networkFailure(new TypeError("fetch failed", { cause: refused }), 1);
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toEqual({
      name: "NetworkError",
      message: error.message,
      vendor: "fakevendor",
      method: "GET",
      url: "http://127.0.0.1:9/users",
      attempts: 1,
      cause: { name: "TypeError", message: "fetch failed" },
    });
    const shown = inspect(error);
    expect(shown.startsWith(`NetworkError: ${error.message}`)).toBe(true);
    expect(shown).toContain("attempts: 1");
    expect(shown).toContain("vendor: 'fakevendor'");
  });

  it("leaves out fields that are not set", async () => {
    const { error } = await failureOf([{ status: 404 }]);
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: "NotFoundError", status: 404, attempts: 1 });
    expect(Object.keys(json)).not.toContain("retryAfterMs");
    expect(Object.keys(json)).not.toContain("requestId");
    expect(inspect(error)).not.toContain("requestId");
  });
});
