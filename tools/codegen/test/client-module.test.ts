// What codegen writes into src/generated/client.ts (unformatted: Prettier runs after it): the
// factory and types named after the vendor, the options from the spec's credentials and regions, a
// listing per paged operation with the option names of x-rollcall-pagination.options, and the
// hand-written checks and type aliases the spec's root extensions name — each malformed extension
// refused with the spec and JSON path. tools/conformance/test/generated-clients.test.ts runs them.
import { describe, expect, it } from "vitest";
import { clientSource } from "../src/client-module";
import { CodegenError } from "../src/codegen-error";
import { readOperations } from "../src/operation-rules";
import type { Vendor } from "../src/registry";
import { describeVendor } from "../src/vendor-descriptor";

const vendor: Vendor = {
  id: "big-co",
  title: "Big Co",
  spec: "specs/big-co.yaml",
  package: "@fixture/big-co-client",
  directory: "packages/big-co-client",
  defaultBaseUrl: "https://api.big.test",
};

const page = (name: string, schema: object) => ({ name, in: "query", schema });

/** A spec with a paged GET /people, two regions and one apiKey scheme; `extra` at the root. */
function document(extra: Record<string, unknown> = {}, pagination: object = {}) {
  return {
    openapi: "3.1.0",
    servers: [
      { url: "https://api.big.test", "x-rollcall-region": "us" },
      { url: "https://api.eu.big.test", "x-rollcall-region": "eu" },
    ],
    security: [{ key: [] }],
    paths: {
      "/people": {
        get: {
          operationId: "listPeople",
          parameters: [
            page("limit", { type: "integer", minimum: 1, maximum: 50 }),
            page("offset", { type: "integer", minimum: 0 }),
            page("q", { type: "string" }),
          ],
          "x-rollcall-pagination": {
            ...{ items: "people", size: "limit", defaultSize: 50, offset: "offset" },
            ...pagination,
          },
          responses: {
            "200": {
              description: "A page.",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { people: { type: "array" } } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        key: {
          type: "apiKey",
          in: "header",
          name: "X-Key",
          description: "A Big Co key.",
          "x-rollcall-credential": { option: "key" },
        },
      },
      schemas: { Person: { type: "object" }, Usage: { type: "object" } },
    },
    ...extra,
  };
}

function generate(doc: Record<string, unknown>): string {
  const { listings } = readOperations({ vendor, document: doc });
  return clientSource(vendor, doc, describeVendor(vendor, doc), listings);
}

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return [...(error as CodegenError).lines];
  }
  throw new Error("codegen accepted the spec");
}

describe("clientSource", () => {
  it("names the client, its options and its factory after the vendor id", () => {
    const text = generate(document());
    expect(text).toContain('export type BigCoClient = ApiClient<paths, "application/json">;');
    expect(text).toContain("export interface BigCoClientOptions extends ApiClientOptions {");
    expect(text).toContain("  /** A Big Co key. */\n  key: string;");
    expect(text).toContain('export type BigCoRegion = "us" | "eu";');
    expect(text).toContain('(default "us")');
    expect(text).toContain("  region?: BigCoRegion;");
    expect(text).toContain("export function createBigCoClient(options: BigCoClientOptions)");
    expect(text).toContain('const site = { vendor: "big-co", operation: "createBigCoClient" };');
    expect(text).toContain(
      'const regions = { "us": "https://api.big.test", "eu": "https://api.eu.big.test" };',
    );
    expect(text).toContain(
      'key: requireCredential(keyOption, { ...site, "field": "options.key", "header": true }),',
    );
    expect(text).toContain('auth: { "headers": { "X-Key": credentials.key } },');
    expect(text).toContain('import { version } from "../../package.json";');
    expect(text).toContain(
      'const checkRequest = /* @__PURE__ */ checksByRoute(/* @__PURE__ */ operationChecks("big-co", operations));',
    );
  });

  it.each([
    ["an API key", { type: "apiKey", in: "header", name: "X-Key" }, "apiKey"],
    ["a bearer token", { type: "http", scheme: "bearer" }, "token"],
  ])(
    "documents %s option from its scheme when the spec does not name the option",
    (_, scheme, option) => {
      const doc = document();
      (doc.components.securitySchemes as Record<string, unknown>).key = {
        ...scheme,
        description: "A Big Co credential.",
      };
      expect(generate(doc)).toContain(`  /** A Big Co credential. */\n  ${option}: string;`);
    },
  );

  it("sends a bearer token as the Authorization header's value after the scheme", () => {
    const doc = document();
    (doc.components.securitySchemes as Record<string, unknown>).key = {
      type: "http",
      scheme: "bearer",
      description: "A Big Co token.",
    };
    expect(generate(doc)).toContain(
      'auth: { "headers": { "Authorization": "Bearer " + credentials.token } },',
    );
  });

  it("keeps a description on one JSDoc line, its spacing tidied and a */ in it escaped", () => {
    const doc = document();
    (doc.components.securitySchemes as any).key.description = "  A Big  Co key */ here. ";
    expect(generate(doc)).toContain("  /** A Big Co key *\\/ here. */\n  key: string;");
  });

  it("keeps a description of exactly the print width on one line and wraps a longer one", () => {
    // "  /** " + text + " */" is 100 characters for a 91-character text.
    const words = (count: number) => Array.from({ length: count }, () => "word").join(" ");
    const fits = `${words(18)} abcdef`; // 18 * 5 - 1 + 7 = 96
    const doc = document();
    (doc.components.securitySchemes as any).key.description = fits.slice(0, 91);
    expect(generate(doc)).toContain(`  /** ${fits.slice(0, 91)} */\n  key: string;`);

    (doc.components.securitySchemes as any).key.description = `${words(18)} toolong`;
    const text = generate(doc);
    const block = text.slice(text.indexOf("  /**\n"), text.indexOf("  key: string;"));
    expect(block.split("\n").filter(Boolean)).toEqual([
      "  /**",
      `   * ${words(18)}`,
      "   * toolong",
      "   */",
    ]);
    for (const line of text.split("\n").filter((l) => l.includes("word")))
      expect(line.length).toBeLessThanOrEqual(100);
  });

  it("documents HTTP Basic's user name and password from the scheme, under their default names", () => {
    const doc = document();
    doc.security = [{ basic: [] }] as never;
    (doc.components.securitySchemes as Record<string, unknown>) = {
      basic: { type: "http", scheme: "basic", description: "Big Co's sign-in." },
    };
    doc.servers = [{ url: "https://api.big.test" }] as never;
    const text = generate(doc);
    expect(text).toContain(
      [
        "  /** User name (HTTP Basic). Big Co's sign-in. */",
        "  username: string;",
        "  /** Password (HTTP Basic). Big Co's sign-in. */",
        "  password: string;",
      ].join("\n"),
    );
    // The vendor config carries only what this vendor uses: no error reader, kinds or serialiser.
    const config = text.slice(text.indexOf("  return createApiClient"), text.indexOf("    rest,"));
    expect(config.split("\n")).toEqual([
      '  return createApiClient<paths, "application/json">(',
      "    {",
      '      vendor: "big-co",',
      '      packageName: "@fixture/big-co-client",',
      "      packageVersion: version,",
      '      baseUrl: "https://api.big.test",',
      '      auth: { "headers": { "Authorization": basicAuthorization(credentials.username, credentials.password) } },',
      "      secrets: [credentials.password],",
      '      headers: { "Accept": "application/json" },',
      "      checkRequest,",
      "    },",
      "",
    ]);
  });

  it("writes no JSDoc for a credential the spec does not describe", () => {
    const doc = document();
    doc.security = [{ basic: [] }] as never;
    (doc.components.securitySchemes as Record<string, unknown>) = {
      basic: { type: "http", scheme: "basic" },
    };
    const text = generate(doc);
    expect(text).toContain(
      "export interface BigCoClientOptions extends ApiClientOptions {\n  username: string;\n  password: string;\n",
    );
    expect(text).not.toContain("undefined");
  });

  it("documents a credential by its x-rollcall-credential description when the scheme has none", () => {
    const doc = document();
    (doc.components.securitySchemes as any).key = {
      type: "apiKey",
      in: "header",
      name: "X-Key",
      "x-rollcall-credential": { option: "key", description: "the key from Settings" },
    };
    expect(generate(doc)).toContain("  /** The key from Settings. */\n  key: string;");
  });

  it("offers no region option and no error reader when the spec has neither", () => {
    const doc = document();
    doc.servers = [{ url: "https://api.big.test" }] as never;
    const text = generate(doc);
    expect(text).not.toContain("region");
    expect(text).not.toContain("errorBodyReader");
    expect(text).not.toContain("parseBigCoError");
  });

  it("reads error bodies with parse<Vendor>Error when the spec has x-rollcall-error-body", () => {
    const text = generate(document({ "x-rollcall-error-body": [{ message: ["error"] }] }));
    expect(text).toContain("export function parseBigCoError(body: unknown) {");
    expect(text).toContain(
      'const readErrorBody = /* @__PURE__ */ errorBodyReader([{ "message": ["error"] }]);',
    );
    expect(text).toContain("  return readErrorBody(body);");
    expect(text).toContain("    parseErrorBody: readErrorBody,");
  });

  // Unformatted: Prettier formats the file after this.
  it("lists each paged operation as listAll…, with the option names the spec gives", () => {
    const text = generate(document({}, { options: { search: "q" } }));
    expect(text).toContain("export const listAllPeople = /* @__PURE__ */ paginator<paths>()(");
    expect(text).toContain('  "GET /people",\n  "listAllPeople",\n  {"search":"q"},\n);');
    expect(text).toContain(
      "export type ListAllPeopleOptions = NonNullable<Parameters<typeof listAllPeople>[1]>;",
    );
  });

  it("keeps the option names out of the operations' runtime data", () => {
    const { rules, listings } = readOperations({
      vendor,
      document: document({}, { options: { search: "q" } }),
    });
    expect(rules["GET /people"]?.pagination).toEqual({
      ...{ items: "people", size: "limit", defaultSize: 50, offset: "offset" },
    });
    expect(listings).toEqual([
      { route: "GET /people", name: "listAllPeople", options: { search: "q" } },
    ]);
  });

  it("runs the hand-written checks and declares the type aliases the root extensions name", () => {
    const text = generate(
      document({
        "x-rollcall-request-checks": { module: "guards", export: "bigCoChecks" },
        "x-rollcall-type-aliases": { Member: "Person" },
      }),
    );
    expect(text).toContain('import { bigCoChecks } from "../guards";');
    expect(text).toContain(
      'const checkRequest = /* @__PURE__ */ checksByRoute(/* @__PURE__ */ operationChecks("big-co", operations), bigCoChecks);',
    );
    expect(text).toContain('import type { components, paths } from "./schema";');
    expect(text).toContain('export type Member = components["schemas"]["Person"];');
  });

  it.each([
    [
      "request checks without an export",
      { "x-rollcall-request-checks": { module: "guards" } },
      "x-rollcall-request-checks must be { module: <file under src/>, export: <name> }",
    ],
    [
      "request checks from outside src/",
      { "x-rollcall-request-checks": { module: "../secrets", export: "x" } },
      "x-rollcall-request-checks must be { module: <file under src/>, export: <name> }",
    ],
    [
      "request checks that are null",
      { "x-rollcall-request-checks": null },
      "x-rollcall-request-checks must be { module: <file under src/>, export: <name> }",
    ],
    [
      "request checks naming the module in a list",
      { "x-rollcall-request-checks": { module: ["guards"], export: "x" } },
      "x-rollcall-request-checks must be { module: <file under src/>, export: <name> }",
    ],
    [
      "type aliases given as a list",
      { "x-rollcall-type-aliases": ["Person"] },
      "x-rollcall-type-aliases must map type names to schemas",
    ],
    [
      "an alias naming its schema in a list",
      { "x-rollcall-type-aliases": { Member: ["Person"] } },
      "x-rollcall-type-aliases.Member must name a schema of components.schemas",
    ],
    [
      "an alias of a missing schema",
      { "x-rollcall-type-aliases": { Member: "Nobody" } },
      "x-rollcall-type-aliases.Member must name a schema of components.schemas",
    ],
    [
      "an alias that is a schema's own name",
      { "x-rollcall-type-aliases": { Usage: "Person" } },
      "x-rollcall-type-aliases.Usage is already a schema's own name (generated in schema.ts)",
    ],
    [
      "an alias that is no identifier",
      { "x-rollcall-type-aliases": { "Big Member": "Person" } },
      "x-rollcall-type-aliases.Big Member must be a TypeScript identifier",
    ],
  ])("refuses %s, naming the spec and the JSON path", (_, extra, message) => {
    expect(problems(() => generate(document(extra)))).toEqual([`specs/big-co.yaml: ${message}`]);
  });

  it.each([
    [
      "an option of a parameter the operation lacks",
      { nope: "nope" },
      ".options.nope must name a query parameter of the operation",
    ],
    [
      "an option that shadows pageSize",
      { pageSize: "q" },
      ".options.pageSize must be an identifier other than pageSize, maxPages, call",
    ],
  ])("refuses pagination options with %s", (_, options, message) => {
    expect(problems(() => generate(document({}, { options })))).toEqual([
      `specs/big-co.yaml: paths["/people"].get["x-rollcall-pagination"]${message}`,
    ]);
  });
});
