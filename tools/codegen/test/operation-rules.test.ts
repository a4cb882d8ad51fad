// What codegen reads out of a spec for src/generated/operations.ts: parameter limits, and the
// x-rollcall-exactly-one and x-rollcall-pagination extensions, which fail clearly when malformed.
// (What the whole pipeline writes from them: operations-file.test.ts.)
import { describe, expect, it } from "vitest";
import { CodegenError } from "../src/codegen-error";
import { operationRules, readOperations } from "../src/operation-rules";
import type { Vendor } from "../src/registry";

const vendor = { id: "acme", spec: "specs/acme.yaml" } as Vendor;

const limit = { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50 } };
const offset = { name: "offset", in: "query", schema: { type: "integer", minimum: 0 } };
const listResponse = {
  "200": {
    description: "A page.",
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: { people: { type: "array", items: {} }, count: { type: "integer" } },
        },
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

  it("takes a total at any depth of the response body", () => {
    const deep = { ...paging, total: "meta.page.total" };
    const rules = operationRules(
      specWith({ parameters: [limit, offset], "x-rollcall-pagination": deep }),
    );
    expect(rules["GET /people"]?.pagination).toEqual(deep);
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
      "a total that is no dotted path",
      { "x-rollcall-pagination": { ...paging, total: "meta..count" } },
      '["x-rollcall-pagination"].total must be a dotted path into the response body',
    ],
    [
      "a default size above the size parameter's maximum",
      { "x-rollcall-pagination": { ...paging, defaultSize: 51 } },
      '["x-rollcall-pagination"].defaultSize must be an integer within the size parameter',
    ],
    [
      "a total that is not text",
      { "x-rollcall-pagination": { ...paging, total: 5 } },
      '["x-rollcall-pagination"].total must be a dotted path into the response body',
    ],
    [
      "items naming a response property that is not an array",
      { "x-rollcall-pagination": { ...paging, items: "count" } },
      '["x-rollcall-pagination"].items must name an array property of the 200 response body',
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

  it("checks a required parameter for presence even when its schema gives nothing to check", () => {
    const rules = operationRules(
      specWith({
        parameters: [
          { name: "team", in: "query", required: true },
          { name: "either", in: "query", schema: { type: ["string", "integer"] } },
          { name: "id", in: "path", required: true, schema: { type: "object" } },
          { name: 7, in: "query", required: true },
        ],
      }),
    );
    expect(rules["GET /people"]?.params).toEqual([
      { in: "query", name: "team", required: true },
      { in: "path", name: "id", required: true },
    ]);
  });

  it("lets an operation's parameter override the path's of the same name and place", () => {
    const spec = specWith({
      parameters: [{ name: "limit", in: "query", schema: { type: "integer", maximum: 9 } }],
    });
    (spec.document.paths["/people"] as Record<string, unknown>).parameters = [
      limit,
      { name: "limit", in: "path", required: true, schema: { type: "string" } },
      { name: "since", in: "query", schema: { type: "string", minLength: 10 } },
    ];
    expect(operationRules(spec)["GET /people"]?.params).toEqual([
      { in: "query", name: "limit", type: "integer", maximum: 9 },
      { in: "path", name: "limit", required: true, type: "string" },
      { in: "query", name: "since", type: "string", minLength: 10 },
    ]);
  });

  it("checks a body field of alternatives only when they share one type and one is open", () => {
    const body = (properties: object, extra: object = {}) => ({
      requestBody: {
        $ref: "#/components/requestBodies/Person",
      },
      components: {
        requestBodies: {
          Person: {
            content: {
              "application/x-www-form-urlencoded": { schema: { type: "object", properties } },
              "application/json": { schema: { type: "object", properties, ...extra } },
            },
          },
        },
      },
    });
    const { requestBody, components } = body(
      {
        open: {
          anyOf: [
            { type: "string", enum: ["a"] },
            { type: "string", minLength: 2 },
          ],
        },
        mixed: { anyOf: [{ type: "string" }, { type: "integer" }] },
        closed: {
          anyOf: [
            { type: "string", enum: ["a"] },
            { type: "string", enum: ["b"] },
          ],
        },
        untyped: { anyOf: [{ enum: ["a"] }, { minLength: 2 }] },
        either: { type: ["string", "integer"] },
        nested: { type: "object", properties: { name: { type: "string" } } },
        count: { type: ["integer", "null"], minimum: 0, enum: [1, 2, null] },
      },
      { required: [] },
    );
    const spec = {
      vendor,
      document: { paths: { "/people": { post: { requestBody } } }, components },
    };
    expect(operationRules(spec)).toEqual({
      "POST /people": {
        id: "post /people",
        path: "/people",
        body: {
          oneOf: [
            {
              fields: {
                open: { type: "string", minLength: 2 },
                mixed: {},
                closed: {},
                untyped: {},
                either: {},
                nested: {},
                count: { type: "integer", minimum: 0, enum: [1, 2] },
              },
            },
          ],
        },
      },
    });
  });

  it("checks no body that is not JSON, or whose oneOf holds a shape that is not an object", () => {
    const post = (content: object) => ({ post: { requestBody: { content }, responses: {} } });
    const object = { type: "object", properties: { name: { type: "string" } } };
    const document = {
      paths: {
        "/form": post({ "multipart/form-data": { schema: object } }),
        "/mixed": post({ "application/json": { schema: { oneOf: [object, { type: "string" }] } } }),
        "/bare": post({ "application/json": {} }),
        "/json": post({ "text/plain": { schema: {} }, "application/json": { schema: object } }),
      },
    };
    expect(Object.keys(operationRules({ vendor, document }))).toEqual(["POST /json"]);
  });

  it("refuses every malformed extension of a spec at once, each by its JSON path", () => {
    const spec = specWith({
      parameters: [limit, offset],
      "x-rollcall-exactly-one": ["limit", 2],
      "x-rollcall-pagination": { ...paging, defaultSize: 0 },
    });
    (spec.document.paths as Record<string, unknown>)["/people-two"] = {
      get: {
        operationId: "listMore",
        parameters: [limit, { name: "a", in: "query" }, { name: "b", in: "query", required: true }],
        "x-rollcall-exactly-one": ["a", "b"],
        "x-rollcall-pagination": { ...paging, offset: undefined, page: "limit", hasNext: "a..b" },
      },
    } as never;
    expect(() => operationRules(spec)).toThrow(CodegenError);
    try {
      operationRules(spec);
    } catch (error) {
      expect((error as CodegenError).lines).toEqual([
        'specs/acme.yaml: paths["/people"].get["x-rollcall-exactly-one"] must be a list of two or more query parameter names',
        'specs/acme.yaml: paths["/people"].get["x-rollcall-pagination"].defaultSize must be an integer within the size parameter\'s minimum and maximum',
        'specs/acme.yaml: paths["/people-two"].get["x-rollcall-exactly-one"] names a required parameter: give it `required: false`',
        'specs/acme.yaml: paths["/people-two"].get["x-rollcall-pagination"].hasNext must be a dotted path into the response body, e.g. meta.next_page',
        'specs/acme.yaml: paths["/people-two"].get["x-rollcall-pagination"].items must name an array property of the 200 response body',
      ]);
    }
  });

  it.each([
    ["neither offset nor page", { offset: undefined }, " must give exactly one of `offset`"],
    [
      "a page that is no integer parameter",
      { offset: undefined, page: "q" },
      ".page must name an integer query parameter",
    ],
    ["an offset that names nothing", { offset: 3 }, ".offset must name an integer query parameter"],
    ["a fractional default size", { defaultSize: 2.5 }, ".defaultSize must be an integer within"],
    [
      "a default size given as text",
      { defaultSize: "50" },
      ".defaultSize must be an integer within",
    ],
    [
      "a default size below the size parameter's minimum",
      { size: "min5", defaultSize: 4 },
      ".defaultSize must be an integer within",
    ],
    [
      "options that are not a map",
      { options: ["q"] },
      ".options must map option names to query parameters",
    ],
    [
      "an option named like no identifier",
      { options: { "has space": "q" } },
      '.options["has space"] must be an identifier other than pageSize, maxPages, call',
    ],
    [
      "an option naming a non-string",
      { options: { search: 1 } },
      ".options.search must name a query parameter of the operation",
    ],
    [
      "a nextPage that is not a dotted path",
      { offset: undefined, page: "offset", nextPage: ".meta" },
      ".nextPage must be a dotted path into the response body",
    ],
    [
      "items that name no property",
      { items: 3 },
      ".items must name an array property of the 200 response body",
    ],
  ])("refuses pagination with %s", (_, change, message) => {
    const problems = problemsOf({
      parameters: [
        limit,
        offset,
        { name: "q", in: "query", schema: { type: "string" } },
        { name: "min5", in: "query", schema: { type: "integer", minimum: 5 } },
      ],
      "x-rollcall-pagination": { ...paging, ...change },
    });
    expect(problems).toEqual([
      expect.stringContaining(`paths["/people"].get["x-rollcall-pagination"]${message}`),
    ]);
  });

  it("reads the items array through $refs to the 200 response and its schema", () => {
    const rules = operationRules(
      specWith(
        {
          parameters: [limit, { name: "page", in: "query", schema: { type: "integer" } }],
          responses: { "200": { $ref: "#/components/responses/Page" } },
          "x-rollcall-pagination": {
            items: "people",
            size: "limit",
            defaultSize: 1,
            page: "page",
            nextPage: "meta.next_page",
            hasNext: "meta.more",
          },
        },
        {
          responses: {
            Page: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } },
            },
          },
          schemas: {
            Page: {
              type: "object",
              properties: { people: { $ref: "#/components/schemas/People" } },
            },
            People: { type: "array", items: {} },
          },
        },
      ),
    );
    expect(rules["GET /people"]?.pagination).toEqual({
      items: "people",
      size: "limit",
      defaultSize: 1,
      page: "page",
      nextPage: "meta.next_page",
      hasNext: "meta.more",
    });
  });

  it("names a listing listAll… after its operation id, dropping a list… prefix only before a capital", () => {
    const ids = ["peopleSearch", "listTeams", "listings", "blocklistEntries"];
    const paths = Object.fromEntries(
      ids.map((operationId) => [
        `/${operationId}`,
        {
          get: {
            operationId,
            parameters: [limit, offset],
            responses: listResponse,
            "x-rollcall-pagination": { ...paging, options: {} },
          },
        },
      ]),
    );
    const names = readOperations({ vendor, document: { paths } }).listings.map((l) => l.name);
    expect(names).toEqual([
      "listAllPeopleSearch",
      "listAllTeams",
      "listAllListings",
      "listAllBlocklistEntries",
    ]);
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
