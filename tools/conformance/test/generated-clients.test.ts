// The client factory codegen writes from a spec (src/generated/client.ts), for each way a spec can
// place credentials: generated for scratch vendors made from the fifth vendor's spec, and run over
// loopback. The shipped vendors' factories are the same code; the other suites run those.
import { readFile } from "node:fs/promises";
import { BadRequestError, ClientValidationError, toApiError } from "@rollcall/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHostileServer, type HostileServer } from "./support/hostile-server";
import { generateScratchVendors, scratchRow, type ScratchVendors } from "./support/scratch-vendors";

const KEY = "sk_live_SECRET-4f9a2b7c";
const JSON_API = "application/vnd.api+json";

const HEADER_SCHEME = `    apiKey:
      type: apiKey
      in: header
      name: X-Acme-Key
      x-rollcall-credential:
        option: apiKey
        description: the Acme API key
`;

/** The fifth vendor's spec with its key scheme, servers or error facts replaced. */
function variant(spec: string, changes: Record<string, string>): string {
  // These vendors test the client factory; the fifth vendor's offboarding names its own id.
  let text = spec.replace(/^ {6}x-rollcall-offboarding:\n(?: {8}.*\n)+/m, "");
  for (const [from, to] of Object.entries(changes)) {
    if (!text.includes(from)) throw new Error(`the fifth vendor's spec has no ${from}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

type Factory = (options: Record<string, unknown>) => {
  GET(
    path: string,
    init?: Record<string, unknown>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

let scratch: ScratchVendors;
const factories: Record<string, Factory> = {};
let server: HostileServer | undefined;

beforeAll(async () => {
  const acme = await readFile(new URL("./fifth-vendor/acme.yaml", import.meta.url), "utf8");
  const specs = {
    acme,
    bearer: variant(acme, {
      [HEADER_SCHEME]: `    apiKey:
      type: http
      scheme: bearer
      x-rollcall-credential:
        option: token
`,
      "application/json": JSON_API,
    }),
    basic: variant(acme, {
      [HEADER_SCHEME]: `    apiKey:
      type: http
      scheme: basic
      x-rollcall-credential:
        username: user
        password: pass
`,
    }),
    regional: variant(acme, {
      [HEADER_SCHEME]: `    apiKey:
      type: apiKey
      in: query
      name: key
`,
      "servers:\n  - url: https://api.acme.test\n": `servers:
  - url: https://api.acme.test
    x-rollcall-region: us
  - url: https://api.eu.acme.test
    x-rollcall-region: eu
`,
      "x-rollcall-error-body:\n  - message: [error]\n": `x-rollcall-error-kinds:
  "403": bad-request
x-rollcall-error-body:
  - at: Messages
    message: [Message]
`,
    }),
  };
  scratch = await generateScratchVendors(
    Object.entries(specs).map(([id, spec]) => ({
      row: scratchRow(id, `${id} test`, "https://api.acme.test"),
      spec,
    })),
  );
  for (const id of Object.keys(specs)) {
    const name = `create${id.charAt(0).toUpperCase()}${id.slice(1)}Client`;
    factories[id] = (await scratch.load(id, "client.ts"))[name] as Factory;
  }
}, 120_000);
afterAll(() => scratch.remove());
afterEach(() => server?.close());

/** A loopback vendor answering every request with `status` and `body`. */
async function answering(status: number, body: unknown, type = "application/json") {
  server = await startHostileServer((res) => {
    res.writeHead(status, { "content-type": type });
    res.end(JSON.stringify(body));
  });
  return server;
}

describe("a generated client factory", () => {
  it("puts a header key and the media type on the request, with the package's User-Agent", async () => {
    const vendor = await answering(200, { users: [] });
    await factories.acme!({ apiKey: KEY, baseUrl: vendor.url }).GET("/users");
    const [seen] = vendor.received;
    expect(seen?.headers["x-acme-key"]).toBe(KEY);
    expect(seen?.headers.accept).toBe("application/json");
    expect(seen?.headers["user-agent"]).toMatch(/^@rollcall\/acme-client\/0\.0\.0 /);
  });

  it("sends a bearer token and HTTP Basic credentials in Authorization", async () => {
    const vendor = await answering(200, { users: [] }, JSON_API);
    await factories.bearer!({ token: KEY, baseUrl: vendor.url }).GET("/users");
    await factories.basic!({ user: "ada", pass: "pw", baseUrl: vendor.url }).GET("/users");
    expect(vendor.received.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${KEY}`,
      `Basic ${Buffer.from("ada:pw").toString("base64")}`,
    ]);
    expect(vendor.received[0]?.headers.accept).toBe(JSON_API);
    expect(() => factories.basic!({ user: "a:b", pass: "pw" })).toThrow(
      /basic createBasicClient: options\.user must not contain a colon/,
    );
  });

  it("puts a query key on every request, after the call's own query", async () => {
    const vendor = await answering(200, { users: [] });
    const client = factories.regional!({ apiKey: KEY, baseUrl: vendor.url });
    await client.GET("/users", { params: { query: { limit: 2 } } });
    expect(vendor.received.map((request) => request.url)).toEqual([`/users?limit=2&key=${KEY}`]);
  });

  it("picks the region's base URL, and refuses an unknown region", async () => {
    const seenUrls: string[] = [];
    const fetch = async (request: Request) => {
      seenUrls.push(request.url);
      return new Response(JSON.stringify({ users: [] }), {
        headers: { "content-type": "application/json" },
      });
    };
    await factories.regional!({ apiKey: KEY, fetch }).GET("/users");
    await factories.regional!({ apiKey: KEY, region: "eu", fetch }).GET("/users");
    expect(seenUrls.map((url) => url.replace(KEY, "…"))).toEqual([
      "https://api.acme.test/users?key=…",
      "https://api.eu.acme.test/users?key=…",
    ]);
    expect(() => factories.regional!({ apiKey: KEY, region: "apac" })).toThrow(
      'regional createRegionalClient: options.region must be "us" or "eu", got "apac"',
    );
  });

  it("refuses missing or unusable credentials and options that are not an object", () => {
    expect(() => factories.acme!({})).toThrow(
      "acme createAcmeClient: options.apiKey is required: pass the Acme API key",
    );
    expect(() => factories.acme!({ apiKey: "kéy\u0100" })).toThrow(ClientValidationError);
    expect(() => factories.basic!(null as never)).toThrow(
      "basic createBasicClient: options must be an object with at least { user, pass }",
    );
  });

  it("reads the spec's error kinds and error body", async () => {
    const vendor = await answering(403, {
      Messages: [{ Message: "Email is required." }, { Message: "Name?" }],
    });
    const client = factories.regional!({ apiKey: KEY, baseUrl: vendor.url });
    const error = toApiError(await client.GET("/users"));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 403, vendorMessage: "Email is required.; Name?" });
  });

  it("checks the spec's parameter limits, skipped only by a call that says checkRequest: false", async () => {
    const vendor = await answering(200, { id: "u-1", email: "a@example.com", role: "admin" });
    const client = factories.acme!({ apiKey: KEY, baseUrl: vendor.url });
    const init = { params: { path: { userId: "x-1" } } };
    await expect(client.GET("/users/{userId}", init)).rejects.toBeInstanceOf(ClientValidationError);
    expect(vendor.received).toEqual([]);
    const { data } = await client.GET("/users/{userId}", { ...init, checkRequest: false });
    expect(data).toMatchObject({ id: "u-1" });
    await expect(
      client.GET("/users/{userId}", { ...init, checkRequest: true }),
    ).rejects.toMatchObject({ field: "checkRequest" });
    expect(vendor.received).toHaveLength(1);
  });
});
