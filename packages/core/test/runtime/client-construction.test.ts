// Building a client: a malformed vendor config or user option is refused at once with a
// ClientValidationError naming the field (never echoing a credential), and every credential the
// client is given, wherever it goes, is kept out of what a failed call reports.
import { describe, expect, it } from "vitest";
import {
  ClientValidationError,
  createApiClient,
  unwrap,
  type ApiClientOptions,
  type VendorConfig,
} from "../../src/runtime";
import { API_KEY, fakeVendor } from "./fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type paths,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

function refusal(vendor: unknown, options?: unknown): ClientValidationError {
  try {
    createApiClient<paths>(vendor as VendorConfig, options as ApiClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ClientValidationError);
    expect((error as Error).message).not.toContain(API_KEY);
    return error as ClientValidationError;
  }
  throw new Error("the client was built");
}

const base = { baseUrl: "http://127.0.0.1:1" };

describe("a client refuses at construction", () => {
  it.each([
    ["no vendor config", null, base, "vendor", "must be the vendor's config object"],
    [
      "a vendor config that is a string",
      "fakevendor",
      base,
      "vendor",
      "must be the vendor's config object",
    ],
    ["options that are null", fakeVendor(), null, "options", "must be an object"],
    [
      "an empty package name",
      fakeVendor({ packageName: "" }),
      base,
      "vendor.packageName",
      "must be a non-empty string",
    ],
    [
      "a version that is not a string",
      fakeVendor({ packageVersion: 1 as never }),
      base,
      "vendor.packageVersion",
      "must be a non-empty string",
    ],
    ["options that are not an object", fakeVendor(), "x", "options", "must be an object"],
    [
      "body headers that are not an object",
      fakeVendor({ bodyHeaders: "x" as never }),
      base,
      "vendor.bodyHeaders",
      "must be an object of strings",
    ],
    [
      "a query credential without params",
      fakeVendor({ auth: { query: {} as never } }),
      base,
      "vendor.auth.query.params",
      "must be an object of strings",
    ],
    [
      "a body credential that is not a string",
      fakeVendor({ auth: { body: { fields: { apiKey: 5 as never } } } }),
      base,
      "vendor.auth.body.fields.apiKey",
      "must be a non-empty string",
    ],
    [
      "a line break in a vendor header",
      fakeVendor({ headers: { Accept: "a\r\nX: y" } }),
      base,
      "vendor.headers.Accept",
      "holds characters an HTTP header cannot carry",
    ],
    [
      "a NUL in a body header",
      fakeVendor({ bodyHeaders: { "Content-Type": "a\0" } }),
      base,
      "vendor.bodyHeaders.Content-Type",
      "holds characters an HTTP header cannot carry",
    ],
    [
      "a line break in the user's header",
      fakeVendor(),
      { ...base, headers: { "X-Trace": "a\nb" } },
      "options.headers.X-Trace",
      "holds characters an HTTP header cannot carry",
    ],
    [
      "an auth hook that is not a function",
      fakeVendor({ auth: { onRequest: "x" as never } }),
      base,
      "vendor.auth.onRequest",
      "must be a function",
    ],
    [
      "a hook that is not a function",
      fakeVendor(),
      { ...base, hooks: { onRetry: 1 } },
      "options.hooks.onRetry",
      "must be a function",
    ],
    [
      "a fetch that is not a function",
      fakeVendor(),
      { ...base, fetch: "x" },
      "options.fetch",
      "must be a function",
    ],
    [
      "a negative size cap",
      fakeVendor(),
      { ...base, maxResponseBytes: -1 },
      "options.maxResponseBytes",
      "must be a finite number of bytes ≥ 0 (0 turns the limit off)",
    ],
    [
      "an infinite timeout",
      fakeVendor(),
      { ...base, timeoutMs: Infinity },
      "options.timeoutMs",
      "must be a finite number of milliseconds ≥ 0 (0 turns the timeout off)",
    ],
    [
      "a vendor base URL that is not http(s)",
      fakeVendor({ baseUrl: "ftp://files.fake.invalid" }),
      {},
      "vendor.baseUrl",
      'must be an absolute http(s) URL, got "ftp://files.fake.invalid"',
    ],
    [
      "a base URL carrying credentials",
      fakeVendor(),
      { baseUrl: "https://me:pw@api.fake.invalid" },
      "options.baseUrl",
      "must not carry credentials; pass them to the client's auth options",
    ],
    [
      "a base URL given as a URL object",
      fakeVendor(),
      { baseUrl: new URL("https://api.fake.invalid") },
      "options.baseUrl",
      'must be an absolute http(s) URL, got "https://api.fake.invalid/"',
    ],
    [
      "a base URL of another scheme ending in https",
      fakeVendor(),
      { baseUrl: "web+https://api.fake.invalid" },
      "options.baseUrl",
      'must be an absolute http(s) URL, got "web+https://api.fake.invalid"',
    ],
    [
      "a base URL with only a user name",
      fakeVendor(),
      { baseUrl: "https://me@api.fake.invalid" },
      "options.baseUrl",
      "must not carry credentials; pass them to the client's auth options",
    ],
  ])("%s", (_label, vendor, options, field, problem) => {
    const error = refusal(vendor, options);
    expect(error).toMatchObject({ operation: "createApiClient", field, problem });
    expect(error.vendor).toBe(typeof vendor === "object" && vendor ? "fakevendor" : "unknown");
  });

  it("a base URL without echoing a credential it carries in its query", () => {
    const error = refusal(fakeVendor(), { baseUrl: `ftp://files.fake.invalid/?apiKey=${API_KEY}` });
    expect(error.field).toBe("options.baseUrl");
    expect(error.problem).toMatch(
      /^must be an absolute http\(s\) URL, got "ftp:\/\/files\.fake\.invalid\//,
    );
  });

  it("a method request() does not know, naming the methods it does", async () => {
    const client = createApiClient<paths>(fakeVendor(), base);
    await expect(async () => client.request("FETCH" as never, "/users")).rejects.toMatchObject({
      field: "method",
      problem: "must be one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE",
    });
  });
});

describe("every credential the client is given", () => {
  it("is kept out of a failed call's error, wherever the client was told it", async () => {
    const bearer = "tok-5d1e9a7c3b";
    const field = "fld-8c2f41aa90";
    const query = "qry-7e3b2d9f16";
    const extra = "xtr-1a2b3c4d5e";
    const echoed = [API_KEY, bearer, field, query, extra, "trace-visible"].join(" ");
    server = await startScriptedServer([{ status: 401, body: { error: echoed } }]);
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          headers: { "X-Api-Key": API_KEY },
          query: { params: { k: query }, methods: ["DELETE"] },
          body: { fields: { f: field }, methods: ["PUT"] },
        },
        secrets: [extra],
        headers: { "X-Trace": "trace-visible" },
      }),
      { baseUrl: server.baseUrl, headers: { Authorization: `Bearer ${bearer}` } },
    );
    const error = await client
      .GET("/users")
      .then(unwrap)
      .catch((thrown: unknown) => thrown);
    const said = JSON.stringify(error);
    for (const secret of [API_KEY, bearer, field, query, extra]) expect(said).not.toContain(secret);
    expect((error as { vendorMessage: string }).vendorMessage).toMatch(/ trace-visible$/);
  });
});

describe("a vendor without credentials", () => {
  it("builds a client that sends plain calls, with the vendor's body headers", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1" } }]);
    const open = fakeVendor({ bodyHeaders: { "Content-Type": "application/vnd.api+json" } });
    delete open.auth;
    const client = createApiClient<paths>(open, { baseUrl: server.baseUrl });
    expect(unwrap(await client.POST("/users", { body: { name: "Ada" } }))).toEqual({ id: "u1" });
    expect(server.seen[0]!.headers["content-type"]).toBe("application/vnd.api+json");
    expect(server.seen[0]!.headers["x-api-key"]).toBeUndefined();
  });
});

describe("the body credential", () => {
  it("is merged into plain objects, including ones without a prototype, and nothing else", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1" } }]);
    const client = createApiClient<paths>(
      fakeVendor({ auth: { body: { fields: { apiKey: API_KEY } } } }),
      { baseUrl: server.baseUrl },
    );
    const bare = Object.assign(Object.create(null) as object, { name: "Ada" });
    await client.POST("/users", { body: bare as never });
    await client.POST("/users", { body: ["Ada"] as never });
    await client.POST("/users", { body: null as never });
    expect(server.seen.map((s) => s.body)).toEqual([
      JSON.stringify({ name: "Ada", apiKey: API_KEY }),
      JSON.stringify(["Ada"]),
      "null",
    ]);
  });
});
