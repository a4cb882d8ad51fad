// What the redactor promises beyond the planted-secret round trip in redaction.test.ts: every
// encoding of a registered secret, the secrets hidden inside credential headers, credential fields
// and headers nobody registered, and error causes a custom fetch throws.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  NetworkError,
  basicAuthorization,
  createApiClient,
  redact,
  unwrap,
  type ApiClientOptions,
  type VendorConfig,
} from "../../src/runtime";
import { API_KEY, fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths, type Reply } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const USER = "svc_user_41";
const PASSWORD = "pw_Qe7Rt2Yu9";
const TOKEN = "gk_Za8Xc3Vb6";
const RAW_KEY = "rk_Lo5Ki1Ju4";

function everyView(value: unknown): string {
  const e = value as Error;
  return [e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 12 })].join("\n");
}

async function apiErrorFrom(
  reply: Reply,
  vendor: Partial<VendorConfig> = {},
  options: ApiClientOptions = {},
): Promise<ApiError> {
  server = await startScriptedServer([reply]);
  const client = createApiClient<paths>(fakeVendor(vendor), {
    baseUrl: server.baseUrl,
    retry: false,
    ...options,
  });
  const error = await client
    .GET("/users")
    .then(unwrap)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** The NetworkError a call gets when its fetch throws `thrown` (the client's key is API_KEY). */
async function networkErrorFrom(thrown: unknown): Promise<NetworkError> {
  const client = createApiClient<paths>(fakeVendor(), {
    baseUrl: "http://127.0.0.1:9",
    retry: false,
    fetch: async () => {
      throw thrown;
    },
  });
  const error = await client.GET("/users").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  return error as NetworkError;
}

describe("secrets inside credential headers", () => {
  it("hides a Basic password, a scheme's token and a raw key when the server echoes them alone", async () => {
    // Bare values only: a label such as "token x" would be caught by the credential shapes anyway.
    const echoed = [
      `${USER}:${PASSWORD}`,
      PASSWORD,
      basicAuthorization(USER, PASSWORD).slice("Basic ".length),
      TOKEN,
      RAW_KEY,
    ].join(" | ");
    const error = await apiErrorFrom(
      { status: 400, headers: { "x-echo": echoed }, body: { error: echoed } },
      {
        auth: {
          headers: {
            Authorization: basicAuthorization(USER, PASSWORD),
            // a multi-letter scheme, then any run of spaces before the token
            "X-Vendor-Auth": `GenieKey-2  ${TOKEN}`,
            "X-Api-Key": RAW_KEY,
          },
        },
      },
    );
    // The server really echoed them, so a leak would show.
    expect(server!.seen[0]!.headers["x-api-key"]).toBe(RAW_KEY);
    const seen = everyView(error);
    for (const secret of [PASSWORD, TOKEN, RAW_KEY, `${USER}:${PASSWORD}`])
      expect(seen).not.toContain(secret);
    expect(error.vendorMessage).toContain("[REDACTED]");
  });
});

describe("credentials nobody registered", () => {
  it("blanks credential-named fields at any depth of an error body, keeping empty ones", async () => {
    const error = await apiErrorFrom({
      status: 400,
      body: {
        error: "bad",
        apiKey: "unregistered-1",
        password: null,
        token: "",
        nested: { secret: "unregistered-2" },
        list: [{ signature: "unregistered-3" }],
      },
    });
    expect(error.body).toEqual({
      error: "bad",
      apiKey: "[REDACTED]",
      // nothing to hide: a null or empty credential still says it was missing
      password: null,
      token: "",
      nested: { secret: "[REDACTED]" },
      list: [{ signature: "[REDACTED]" }],
    });
  });

  it("blanks credential-named response headers and keeps the rest", async () => {
    const error = await apiErrorFrom({
      status: 400,
      headers: { "set-cookie": "session=abc123", "x-api-key": "echoed", "x-request-id": "r-1" },
      body: { error: "bad" },
    });
    expect(error.headers).toMatchObject({
      "set-cookie": "[REDACTED]",
      "x-api-key": "[REDACTED]",
      "x-request-id": "r-1",
    });
  });

  it.each([
    ["objects", (inner: unknown) => ({ a: inner })],
    ["arrays", (inner: unknown) => [inner]],
  ])("cuts an error body of nested %s off below 20 levels", async (_kind, wrap) => {
    let body: unknown = "leaf";
    for (let i = 0; i < 40; i++) body = wrap(body);
    const error = await apiErrorFrom({ status: 400, body: body as object });
    let level = 0;
    let node: unknown = error.body;
    while (typeof node === "object" && node !== null) {
      node = Array.isArray(node) ? node[0] : (node as { a: unknown }).a;
      level++;
    }
    expect(node).toBe("[REDACTED]");
    expect(level).toBe(21);
  });
});

describe("every form of a registered secret", () => {
  it("matches it form-encoded and JSON-escaped", () => {
    expect(redact("q=p+w%261&x=1", ["p w&1"])).toBe("q=[REDACTED]&x=1");
    const quoted = 'pa"ss\\wd';
    expect(redact(JSON.stringify({ password2: quoted }), [quoted])).toBe(
      '{"password2":"[REDACTED]"}',
    );
  });

  it("removes a longer secret whole before a shorter one it starts with", () => {
    // A Basic pair whose user name is itself a registered token: "token" alone must not match first.
    expect(redact(`login ${TOKEN}:${PASSWORD}.`, [TOKEN, `${TOKEN}:${PASSWORD}`])).toBe(
      "login [REDACTED].",
    );
  });

  it("matches regex metacharacters literally", () => {
    expect(redact("k.y+(1) but not kxy+(1)", ["k.y+(1)"])).toBe("[REDACTED] but not kxy+(1)");
  });

  it("ignores empty and missing secrets instead of redacting everything", () => {
    expect(redact("nothing secret here", ["", undefined, null])).toBe("nothing secret here");
  });
});

describe("error causes", () => {
  it("keeps each cause's name and code, with redacted messages", async () => {
    const root = Object.assign(new Error(`refused for ${API_KEY}`), { code: "ECONNREFUSED" });
    const middle = Object.assign(new TypeError(`fetch failed: ${API_KEY}`, { cause: root }), {
      code: 7,
    });
    const error = await networkErrorFrom(
      Object.assign(new Error("outer"), { cause: middle, code: { token: API_KEY } }),
    );
    const outer = error.cause as Error & { code?: unknown };
    const copy = outer.cause as Error & { code?: unknown };
    expect(outer.code).toBeUndefined(); // only string and number codes are kept
    expect(copy).toMatchObject({ name: "TypeError", code: 7 });
    expect(copy.message).toBe("fetch failed: [REDACTED]");
    expect(copy.stack).toBe("TypeError: fetch failed: [REDACTED]");
    const innermost = copy.cause as Error & { code?: unknown };
    expect(innermost).toMatchObject({ name: "Error", code: "ECONNREFUSED" });
    expect(innermost.message).toBe("refused for [REDACTED]");
    expect(innermost.cause).toBeUndefined();
  });

  it("turns a thrown non-error into an error with redacted text", async () => {
    const error = await networkErrorFrom(`socket closed (${API_KEY})`);
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe("socket closed ([REDACTED])");
  });

  it("stops following a cause chain that loops, after five causes", async () => {
    const looping = new Error("loop");
    (looping as { cause?: unknown }).cause = looping;
    const error = await networkErrorFrom(looping);
    let links = 0;
    for (let e: unknown = error.cause; e !== undefined; e = (e as Error).cause) links++;
    expect(links).toBe(6);
  });
});
