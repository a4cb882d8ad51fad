// A client built from a generated descriptor, over loopback: where each credential goes, the
// media type, regions, error kinds and bodies, and the refusals a user meets before anything is sent.
import { afterEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  checksByRoute,
  ClientValidationError,
  createVendorClient,
  errorBodyReader,
  toApiError,
  type VendorDescriptor,
} from "../../src/runtime";
import { startScriptedServer, type paths } from "./scripted-server";

const KEY = "sk_live_SECRET-4f9a2b7c";
const site = { operation: "createFakeClient", packageVersion: "1.2.3" };

const base = {
  id: "fakevendor",
  title: "Fake",
  packageName: "@rollcall/fake-client",
  defaultBaseUrl: "https://api.fake.invalid",
  credentials: [{ option: "apiKey", description: "the Fake API key", header: true }],
  auth: { headers: { "X-Api-Key": "{apiKey}" } },
  mediaType: "application/json",
  headers: { Accept: "application/json" },
} as const satisfies VendorDescriptor;

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(() => server?.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("createVendorClient", () => {
  it("puts a header credential and the media type on the request", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1" } }]);
    const json = "application/vnd.api+json";
    const vnd = {
      ...base,
      mediaType: json,
      headers: { Accept: json },
      bodyHeaders: { "Content-Type": json },
    } as const;
    const client = createVendorClient<paths>(vnd, { apiKey: KEY, baseUrl: server.baseUrl }, site);
    await client.POST("/users", { body: { name: "Ada" } });
    const [seen] = server.seen;
    expect(seen?.headers["x-api-key"]).toBe(KEY);
    expect(seen?.headers.accept).toBe("application/vnd.api+json");
    expect(seen?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(seen?.headers["user-agent"]).toMatch(/^@rollcall\/fake-client\/1\.2\.3 /);
  });

  it("sends a bearer token and HTTP Basic credentials in Authorization", async () => {
    server = await startScriptedServer([{ status: 200, body: { users: [] } }]);
    const bearer = {
      ...base,
      credentials: [{ option: "token", header: true }],
      auth: { headers: { Authorization: "Bearer {token}" } },
    } as const;
    await createVendorClient<paths>(bearer, { token: KEY, baseUrl: server.baseUrl }, site).GET(
      "/users",
    );
    const basic = {
      ...base,
      credentials: [{ option: "user" }, { option: "pass" }],
      auth: {},
      basic: ["user", "pass"],
    } as const;
    const options = { user: "ada", pass: "pw", baseUrl: server.baseUrl };
    await createVendorClient<paths>(basic, options, site).GET("/users");
    expect(server.seen.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${KEY}`,
      `Basic ${Buffer.from("ada:pw").toString("base64")}`,
    ]);
    expect(() => createVendorClient(basic, { ...options, user: "a:b" }, site)).toThrow(
      /fakevendor createFakeClient: options\.user must not contain a colon/,
    );
  });

  it("puts a key in the query of some methods and in the JSON body of others", async () => {
    server = await startScriptedServer((request) =>
      request.method === "GET"
        ? { status: 200, body: { users: [] } }
        : { status: 201, body: { id: "u1" } },
    );
    const split = {
      ...base,
      auth: {
        query: { params: { key: "{apiKey}" }, methods: ["GET"] },
        body: { fields: { key: "{apiKey}" }, methods: ["POST"] },
      },
    } as const;
    const client = createVendorClient<paths>(split, { apiKey: KEY, baseUrl: server.baseUrl }, site);
    await client.GET("/users", { params: { query: { limit: 2 } } });
    await client.POST("/users", { body: { name: "Ada" } });
    expect(server.seen.map(({ url, body }) => [url, body])).toEqual([
      [`/users?limit=2&key=${KEY}`, ""],
      ["/users", JSON.stringify({ name: "Ada", key: KEY })],
    ]);
  });

  it("picks the region's base URL, and refuses an unknown region or a bad credential", async () => {
    const regional = {
      ...base,
      regions: { us: "https://api.fake.invalid", eu: "https://api.eu.fake.invalid" },
      defaultRegion: "us",
    } as const;
    const seenUrls: string[] = [];
    const fetch = async (request: Request) => {
      seenUrls.push(request.url);
      return new Response(JSON.stringify({ users: [] }), {
        headers: { "content-type": "application/json" },
      });
    };
    await createVendorClient<paths>(regional, { apiKey: KEY, fetch }, site).GET("/users");
    const eu = { apiKey: KEY, region: "eu", fetch };
    await createVendorClient<paths>(regional, eu, site).GET("/users");
    expect(seenUrls).toEqual([
      "https://api.fake.invalid/users",
      "https://api.eu.fake.invalid/users",
    ]);

    expect(() => createVendorClient(regional, { apiKey: KEY, region: "apac" }, site)).toThrow(
      'fakevendor createFakeClient: options.region must be "us" or "eu", got "apac"',
    );
    expect(() => createVendorClient(base, {}, site)).toThrow(
      "fakevendor createFakeClient: options.apiKey is required: pass the Fake API key",
    );
    expect(() => createVendorClient(base, { apiKey: "kéy\u0100" }, site)).toThrow(
      ClientValidationError,
    );
    expect(() =>
      createVendorClient(base, null, { ...site, expected: "an object with { apiKey }" }),
    ).toThrow("fakevendor createFakeClient: options must be an object with { apiKey }");
  });

  it("reads error kinds and the vendor's error body from the descriptor", async () => {
    server = await startScriptedServer([
      {
        status: 403,
        body: { Messages: [{ Message: "Email is required." }, { Message: "Name?" }] },
      },
    ]);
    const vendor = {
      ...base,
      errorKinds: { 403: "bad-request" },
      errorBody: [{ at: "Messages", message: ["Message"] }],
    } as const;
    const client = createVendorClient<paths>(
      vendor,
      { apiKey: KEY, baseUrl: server.baseUrl },
      site,
    );
    const error = toApiError(await client.GET("/users"));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 403, vendorMessage: "Email is required.; Name?" });
  });

  it("skips the request check only for a call that says checkRequest: false", async () => {
    server = await startScriptedServer([{ status: 201, body: { id: "u1" } }]);
    const checkRequest = checksByRoute({
      "POST /users": () => {
        throw new ClientValidationError({
          vendor: "fakevendor",
          operation: "POST /users",
          field: "body",
          message: "is refused here",
        });
      },
    });
    const options = { apiKey: KEY, baseUrl: server.baseUrl };
    const client = createVendorClient<paths>(base, options, { ...site, checkRequest });
    const body = { name: "Ada" };
    expect(await rejection(client.POST("/users", { body }))).toBeInstanceOf(ClientValidationError);
    expect(server.seen).toEqual([]);
    const { data } = await client.POST("/users", { body, checkRequest: false });
    expect(data).toEqual({ id: "u1" });
    const wrong = client.POST("/users", { body, checkRequest: true as never });
    expect(await rejection(wrong)).toMatchObject({ field: "checkRequest" });
    expect(server.seen).toHaveLength(1);
  });
});

describe("errorBodyReader", () => {
  const read = errorBodyReader([
    { message: ["error"] },
    { at: "errors", message: ["title", "detail"], code: ["code", "status"] },
    { at: "error", message: ["message"], code: ["code"], separator: " | " },
  ]);

  it("reads the first shape that yields a message or a code, joining a list's messages", () => {
    expect(read({ error: " Slow down " })).toEqual({ message: "Slow down", code: undefined });
    expect(
      read({
        errors: [
          { title: "Invalid", detail: "Email taken", code: null, status: "422" },
          { title: "Second" },
        ],
      }),
    ).toEqual({ message: "Invalid: Email taken; Second", code: "422" });
    expect(read({ error: { message: "No", code: 405 } })).toEqual({ message: "No", code: 405 });
  });

  it("gives nothing for bodies no shape describes, so the common reader gets a try", () => {
    for (const body of [null, "text", [], {}, { errors: "x" }, { errors: [{}] }, { error: " " }])
      expect(read(body)).toBeUndefined();
  });
});
