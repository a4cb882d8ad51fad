// What codegen reads out of a spec for src/generated/operations.ts: parameter limits, and the
// x-rollcall-exactly-one and x-rollcall-pagination extensions, which fail clearly when malformed.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CodegenError } from "../src/codegen-error";
import { runCodegen } from "../src/codegen";
import { operationRules } from "../src/operation-rules";
import type { Vendor } from "../src/registry";

const vendor = { id: "acme", spec: "specs/acme.yaml" } as Vendor;

const limit = { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50 } };
const offset = { name: "offset", in: "query", schema: { type: "integer", minimum: 0 } };
const listResponse = {
  "200": {
    description: "A page.",
    content: {
      "application/json": {
        schema: { type: "object", properties: { people: { type: "array", items: {} } } },
      },
    },
  },
};

/** A document with one GET /people operation built from `operation`. */
const specWith = (operation: Record<string, unknown>, components: object = {}) => ({
  vendor,
  document: {
    paths: {
      "/people": { get: { operationId: "listPeople", responses: listResponse, ...operation } },
    },
    components,
  },
});

const problemsOf = (operation: Record<string, unknown>): readonly string[] => {
  try {
    operationRules(specWith(operation));
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return (error as CodegenError).lines;
  }
  throw new Error("expected a CodegenError");
};

const paging = { items: "people", size: "limit", defaultSize: 50, offset: "offset" };

describe("operationRules", () => {
  it("copies each parameter's checkable limits, resolving $refs, keyed by METHOD /path", () => {
    const rules = operationRules(
      specWith(
        {
          parameters: [
            { $ref: "#/components/parameters/Limit" },
            { name: "sort", in: "query", schema: { $ref: "#/components/schemas/Sort" } },
            {
              name: "name",
              in: "query",
              schema: { type: ["string", "null"], maxLength: 9, pattern: "\\S" },
            },
            { name: "tags", in: "query", schema: { type: "array", items: { type: "string" } } },
            { name: "X-Trace", in: "header", schema: { type: "string" } },
          ],
        },
        {
          parameters: { Limit: limit },
          schemas: { Sort: { type: "string", enum: ["asc", "desc", null] } },
        },
      ),
    );
    expect(rules).toEqual({
      "GET /people": {
        id: "listPeople",
        path: "/people",
        params: [
          { in: "query", name: "limit", type: "integer", minimum: 1, maximum: 50 },
          { in: "query", name: "sort", type: "string", enum: ["asc", "desc"] },
          { in: "query", name: "name", type: "string", maxLength: 9, pattern: "\\S" },
        ],
      },
    });
  });

  it("leaves out operations with nothing to check or page", () => {
    expect(operationRules(specWith({ parameters: [{ name: "q", in: "query" }] }))).toEqual({});
  });

  it("emits x-rollcall-exactly-one and x-rollcall-pagination as they are", () => {
    const rules = operationRules(
      specWith({
        parameters: [limit, offset, { name: "a", in: "query" }, { name: "b", in: "query" }],
        "x-rollcall-exactly-one": ["a", "b"],
        "x-rollcall-pagination": paging,
      }),
    );
    expect(rules["GET /people"]).toMatchObject({ exactlyOne: ["a", "b"], pagination: paging });
  });

  it.each([
    [
      "an exactly-one list of one name",
      { "x-rollcall-exactly-one": ["limit"] },
      '["x-rollcall-exactly-one"] must be a list of two or more query parameter names',
    ],
    [
      "an exactly-one name that is no parameter",
      { "x-rollcall-exactly-one": ["limit", "nope"] },
      '["x-rollcall-exactly-one"] names "nope", which is not a query parameter of the operation',
    ],
    [
      "pagination that is not an object",
      { "x-rollcall-pagination": "offset" },
      '["x-rollcall-pagination"] must be an object',
    ],
    [
      "an unknown pagination key",
      { "x-rollcall-pagination": { ...paging, cursor: "c" } },
      '["x-rollcall-pagination"].cursor is not a pagination key',
    ],
    [
      "a size that is no integer parameter",
      { "x-rollcall-pagination": { ...paging, size: "pageSize" } },
      '["x-rollcall-pagination"].size must name an integer query parameter of the operation',
    ],
    [
      "both offset and page",
      { "x-rollcall-pagination": { ...paging, page: "offset" } },
      '["x-rollcall-pagination"] must give exactly one of `offset` (offset style) and `page`',
    ],
    [
      "nextPage in the offset style",
      { "x-rollcall-pagination": { ...paging, nextPage: "meta.next" } },
      '["x-rollcall-pagination"].nextPage is only for the page-number style',
    ],
    [
      "a default size above the size parameter's maximum",
      { "x-rollcall-pagination": { ...paging, defaultSize: 51 } },
      '["x-rollcall-pagination"].defaultSize must be an integer within the size parameter',
    ],
    [
      "items that are not an array of the response",
      { "x-rollcall-pagination": { ...paging, items: "total" } },
      '["x-rollcall-pagination"].items must name an array property of the 200 response body',
    ],
  ])("refuses %s, naming the spec and the JSON path", (_, extension, message) => {
    const problems = problemsOf({ parameters: [limit, offset], ...extension });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`specs/acme.yaml: paths["/people"].get${message}`);
  });

  it("copies a JSON request body's top-level checks: each oneOf shape, closed or open", () => {
    const person = (required: string[], properties: object) => ({
      type: "object",
      required,
      additionalProperties: false,
      properties,
    });
    const document = {
      paths: {
        "/people": {
          post: {
            operationId: "savePerson",
            requestBody: {
              required: true,
              content: {
                "application/vnd.api+json": {
                  schema: {
                    oneOf: [
                      { $ref: "#/components/schemas/Create" },
                      person(["id"], { id: { type: "string", format: "uuid" } }),
                    ],
                  },
                },
              },
            },
            responses: {},
          },
          put: {
            operationId: "replacePeople",
            requestBody: {
              content: { "application/json": { schema: { type: "array", items: {} } } },
            },
            responses: {},
          },
        },
      },
      components: {
        schemas: {
          Create: person(["name"], {
            name: { type: ["string", "null"], minLength: 1, maxLength: 9, pattern: "\\S" },
            email: { type: "string", format: "email" },
            role: {
              anyOf: [
                { type: "string", enum: ["admin"] },
                { type: "string", maxLength: 20 },
              ],
            },
            tags: { type: "array", minItems: 1, items: { type: "string" } },
            profile: { type: "object", properties: {} },
            when: { type: "string", format: "date-time" },
          }),
        },
      },
    };
    const rules = operationRules({ vendor, document });
    expect(rules["POST /people"]).toEqual({
      id: "savePerson",
      path: "/people",
      body: {
        required: true,
        oneOf: [
          {
            required: ["name"],
            fields: {
              name: { type: "string", minLength: 1, maxLength: 9, pattern: "\\S" },
              email: { type: "string", format: "email" },
              role: { type: "string", maxLength: 20 },
              tags: { type: "array", minItems: 1 },
              profile: {},
              when: { type: "string" },
            },
            closed: true,
          },
          { required: ["id"], fields: { id: { type: "string", format: "uuid" } }, closed: true },
        ],
      },
    });
    // A body that is not an object (or a oneOf of objects) has nothing a client checks here.
    expect(rules["PUT /people"]).toBeUndefined();
  });

  it("refuses pagination on an operation other than GET", () => {
    const spec = specWith({});
    spec.document.paths["/people"] = {
      post: { operationId: "addPeople", "x-rollcall-pagination": paging },
    } as never;
    expect(() => operationRules(spec)).toThrow(
      'specs/acme.yaml: paths["/people"].post["x-rollcall-pagination"] is only for GET operations',
    );
  });
});

describe("codegen with the extensions", () => {
  let root: string | undefined;
  afterEach(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

  const fixture = async () => {
    root = await mkdtemp(join(tmpdir(), "codegen-operations-"));
    await cp(new URL("./fixtures/repo/", import.meta.url), root, { recursive: true });
    return root;
  };

  it("writes operations.ts with the fixture's path parameter check", async () => {
    const dir = await fixture();
    await runCodegen({ root: dir, targets: ["acme"] });
    const text = await readFile(
      join(dir, "packages/acme-client/src/generated/operations.ts"),
      "utf8",
    );
    expect(text.split("\n")[0]).toMatch(
      /^\/\/ Generated by @rollcall\/codegen from specs\/acme.yaml/,
    );
    expect(text).toContain('{ in: "path", name: "userId", required: true, type: "string" }');
  });

  it("fails codegen on a malformed extension and writes nothing", async () => {
    const dir = await fixture();
    const spec = join(dir, "specs/acme.yaml");
    const text = await readFile(spec, "utf8");
    await writeFile(
      spec,
      text.replace(
        "      operationId: getUser\n",
        "      operationId: getUser\n      x-rollcall-exactly-one: userId\n",
      ),
    );
    const error = await runCodegen({ root: dir, targets: ["acme"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).lines).toEqual([
      'specs/acme.yaml: paths["/users/{userId}"].get["x-rollcall-exactly-one"] must be a list of two or more query parameter names',
    ]);
    await expect(
      readFile(join(dir, "packages/acme-client/src/generated/operations.ts"), "utf8"),
    ).rejects.toThrow(/ENOENT/);
  });
});
