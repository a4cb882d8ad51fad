import { describe, expect, it } from "vitest";
import { versionBumpFor } from "../src/spec-change";
import { classify, jsonBody, jsonResponse, spec } from "./support/spec-fixtures";

const user = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string" }, role: { type: "string", enum: ["admin", "member"] } },
};
const listUsersResponses = jsonResponse(user) as Record<string, Record<string, unknown>>;
listUsersResponses["200"]!.headers = {
  "X-RateLimit-Limit": { description: "quota", schema: { type: "integer" } },
};
const listUsers = { get: { operationId: "listUsers", responses: listUsersResponses } };
const createUser = {
  post: {
    operationId: "createUser",
    requestBody: jsonBody({
      type: "object",
      required: ["email"],
      properties: { email: { type: "string" } },
    }),
    responses: jsonResponse(user, "201"),
  },
};
const base = spec({ "/users": { ...listUsers, ...createUser } });

/** The base spec with one edit applied to a deep copy. */
function edited(edit: (doc: any) => void): Record<string, unknown> {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

async function bumpAfter(edit: (doc: any) => void) {
  const changes = await classify(base, edited(edit));
  return { changes, bump: versionBumpFor(changes) };
}

describe("identical specs", () => {
  it("yield no changes and no bump", async () => {
    const { changes, bump } = await bumpAfter(() => {});
    expect(changes).toEqual([]);
    expect(bump).toBeUndefined();
  });

  it("ignore moving a schema into components (refs are compared inlined)", async () => {
    const refactored = edited((doc) => {
      doc.components = {
        schemas: {
          User: doc.paths["/users"].get.responses["200"].content["application/json"].schema,
        },
      };
      doc.paths["/users"].get.responses["200"].content["application/json"].schema = {
        $ref: "#/components/schemas/User",
      };
    });
    const withComponent = edited((doc) => {
      doc.components = { schemas: { User: user } };
    });
    expect(await classify(withComponent, refactored)).toEqual([]);
  });
});

describe("breaking changes (major)", () => {
  it.each([
    [
      "a removed operation",
      (doc: any) => delete doc.paths["/users"].post,
      "POST /users",
      "operation removed",
    ],
    ["a removed path", (doc: any) => delete doc.paths["/users"], "GET /users", "operation removed"],
    [
      "a new required request field",
      (doc: any) => {
        const schema = doc.paths["/users"].post.requestBody.content["application/json"].schema;
        schema.properties.name = { type: "string" };
        schema.required.push("name");
      },
      "POST /users › request body (application/json) › name",
      "new required request field",
    ],
    [
      "a new required query parameter",
      (doc: any) => {
        doc.paths["/users"].get.parameters = [
          { name: "team", in: "query", required: true, schema: { type: "string" } },
        ];
      },
      "GET /users › query parameter `team`",
      "new required parameter",
    ],
    [
      "a removed response field",
      (doc: any) =>
        delete doc.paths["/users"].get.responses["200"].content["application/json"].schema
          .properties.role,
      "GET /users › 200 response (application/json) › role",
      "response field removed",
    ],
    [
      "a retyped response field",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].content["application/json"].schema.properties.id =
          { type: "integer" };
      },
      "GET /users › 200 response (application/json) › id",
      "type changed from string to integer",
    ],
    [
      "a removed enum value in a response",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].content[
          "application/json"
        ].schema.properties.role.enum = ["admin"];
      },
      "GET /users › 200 response (application/json) › role",
      'enum value "member" removed',
    ],
    [
      "a narrowed request type",
      (doc: any) => {
        doc.paths["/users"].post.requestBody.content[
          "application/json"
        ].schema.properties.email.maxLength = 64;
      },
      "POST /users › request body (application/json) › email",
      "`maxLength` tightened",
    ],
    [
      "a removed server",
      (doc: any) => {
        doc.servers = [];
      },
      "server https://api.example.com",
      "server removed",
    ],
    [
      "authentication newly required",
      (doc: any) => {
        doc.components = {
          securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
        };
        doc.security = [{ key: [] }];
      },
      "GET /users",
      "now requires key",
    ],
    [
      "a oneOf introduced in a request body (a conditionally required field)",
      (doc: any) => {
        doc.paths["/users"].post.requestBody.content["application/json"].schema.oneOf = [
          { properties: { sso: { const: false } }, required: ["password"] },
          { properties: { sso: { const: true } }, required: ["sso"] },
        ];
      },
      "POST /users › request body (application/json)",
      "oneOf introduced (2 oneOf members)",
    ],
    [
      "a renamed operationId",
      (doc: any) => {
        doc.paths["/users"].get.operationId = "getUsers";
      },
      "GET /users",
      "operationId changed",
    ],
    [
      "a retyped response header",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].headers = {
          "x-ratelimit-limit": { schema: { type: "string" } },
        };
      },
      "GET /users › 200 response › header `x-ratelimit-limit`",
      "type changed from integer to string",
    ],
    [
      "a removed response header",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].headers = {};
      },
      "GET /users › 200 response › header `x-ratelimit-limit`",
      "response header removed",
    ],
  ])("flags %s", async (_name, edit, location, message) => {
    const withServer = { ...base, servers: [{ url: "https://api.example.com" }] };
    const after = structuredClone(withServer);
    edit(after);
    const changes = await classify(withServer, after);
    expect(versionBumpFor(changes)).toBe("major");
    expect(changes).toContainEqual({ level: "breaking", location, message });
  });

  it("flags a response's oneOf dropped for one shape, and not as additive", async () => {
    const shapes = edited((doc) => {
      doc.paths["/users"].get.responses["200"].content["application/json"].schema = {
        oneOf: [
          { type: "object", required: ["id", "kind"], properties: { kind: { const: "human" } } },
          { type: "object", required: ["id", "kind"], properties: { kind: { const: "bot" } } },
        ],
      };
    });
    const flat = structuredClone(shapes) as any;
    flat.paths["/users"].get.responses["200"].content["application/json"].schema = {
      type: "object",
      required: ["id"],
      properties: { kind: { type: "string" } },
    };
    const changes = await classify(shapes, flat);
    expect(versionBumpFor(changes)).toBe("major");
    expect(changes).toContainEqual({
      level: "breaking",
      location: "GET /users › 200 response (application/json)",
      message: "oneOf dropped (2 oneOf members)",
    });
  });

  it("flags an optional request field made required", async () => {
    const optional = edited((doc) => {
      doc.paths["/users"].post.requestBody.content["application/json"].schema.properties.nickname =
        { type: "string" };
    });
    const required = structuredClone(optional) as any;
    required.paths["/users"].post.requestBody.content["application/json"].schema.required.push(
      "nickname",
    );
    const changes = await classify(optional, required);
    expect(changes).toEqual([
      {
        level: "breaking",
        location: "POST /users › request body (application/json) › nickname",
        message: "request field is now required",
      },
    ]);
  });

  it("flags a removed security scheme and a removed accepted credential", async () => {
    const secured = edited((doc) => {
      doc.components = {
        securitySchemes: {
          key: { type: "apiKey", in: "header", name: "X-Key" },
          basic: { type: "http", scheme: "basic" },
        },
      };
      doc.security = [{ key: [] }, { basic: [] }];
    });
    const after = structuredClone(secured) as any;
    delete after.components.securitySchemes.basic;
    after.security = [{ key: [] }];
    const changes = await classify(secured, after);
    expect(changes).toContainEqual({
      level: "breaking",
      location: "security scheme `basic`",
      message: "removed",
    });
    expect(changes).toContainEqual({
      level: "breaking",
      location: "GET /users",
      message: "no longer accepts basic",
    });
  });

  it("survives recursive schemas", async () => {
    const tree = (extra: Record<string, unknown>) =>
      spec(
        {
          "/teams": {
            get: {
              operationId: "teams",
              responses: jsonResponse({ $ref: "#/components/schemas/Team" }),
            },
          },
        },
        {
          components: {
            schemas: {
              Team: {
                type: "object",
                properties: {
                  name: { type: "string" },
                  children: { type: "array", items: { $ref: "#/components/schemas/Team" } },
                  ...extra,
                },
              },
            },
          },
        },
      );
    const changes = await classify(tree({ lead: { type: "string" } }), tree({}));
    expect(changes).toContainEqual({
      level: "breaking",
      location: "GET /teams › 200 response (application/json) › lead",
      message: "response field removed",
    });
  });
});

describe("additive changes (minor)", () => {
  it.each([
    [
      "a new endpoint",
      (doc: any) =>
        (doc.paths["/teams"] = {
          get: { operationId: "listTeams", responses: jsonResponse({ type: "array" }) },
        }),
      "GET /teams",
      "new operation",
    ],
    [
      "a new optional request field",
      (doc: any) => {
        doc.paths["/users"].post.requestBody.content["application/json"].schema.properties.name = {
          type: "string",
        };
      },
      "POST /users › request body (application/json) › name",
      "new optional request field",
    ],
    [
      "a new optional query parameter",
      (doc: any) => {
        doc.paths["/users"].get.parameters = [
          { name: "limit", in: "query", schema: { type: "integer" } },
        ];
      },
      "GET /users › query parameter `limit`",
      "new optional parameter",
    ],
    [
      "a new response field",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].content[
          "application/json"
        ].schema.properties.email = { type: "string" };
      },
      "GET /users › 200 response (application/json) › email",
      "new optional response field",
    ],
    [
      "a new enum value",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].content[
          "application/json"
        ].schema.properties.role.enum.push("owner");
      },
      "GET /users › 200 response (application/json) › role",
      'enum value "owner" added',
    ],
    [
      "a widened request type",
      (doc: any) => {
        doc.paths["/users"].post.requestBody.content[
          "application/json"
        ].schema.properties.email.type = ["string", "null"];
      },
      "POST /users › request body (application/json) › email",
      "now also accepts null",
    ],
    [
      "a new response status",
      (doc: any) => {
        doc.paths["/users"].get.responses["404"] = { description: "missing" };
      },
      "GET /users › 404 response",
      "new response",
    ],
    [
      "a new response header",
      (doc: any) => {
        doc.paths["/users"].get.responses["200"].headers["X-RateLimit-Reset"] = {
          schema: { type: "integer" },
        };
      },
      "GET /users › 200 response › header `x-ratelimit-reset`",
      "new response header",
    ],
    [
      "a deprecated operation",
      (doc: any) => {
        doc.paths["/users"].post.deprecated = true;
      },
      "POST /users",
      "operation deprecated",
    ],
  ])("classifies %s as additive", async (_name, edit, location, message) => {
    const { changes, bump } = await bumpAfter(edit);
    expect(bump).toBe("minor");
    expect(changes).toContainEqual({ level: "additive", location, message });
    expect(changes.filter((change) => change.level === "breaking")).toEqual([]);
  });
});

describe("descriptive changes (patch)", () => {
  it.each([
    [
      "an operation summary",
      (doc: any) => (doc.paths["/users"].get.summary = "List users"),
      "GET /users › summary",
    ],
    [
      "a response description",
      (doc: any) => (doc.paths["/users"].get.responses["200"].description = "The users"),
      "GET /users › responses.200.description",
    ],
    [
      "a schema example",
      (doc: any) =>
        (doc.paths["/users"].post.requestBody.content[
          "application/json"
        ].schema.properties.email.example = "a@b.c"),
      "POST /users › requestBody.content.application/json.schema.properties.email.example",
    ],
    ["the info block", (doc: any) => (doc.info.description = "Now documented"), "info.description"],
  ])("classifies an edited %s as descriptive", async (_name, edit, location) => {
    const { changes, bump } = await bumpAfter(edit);
    expect(bump).toBe("patch");
    expect(changes).toEqual([{ level: "descriptive", location, message: "documentation changed" }]);
  });

  it("treats a property named `description` as data, not documentation", async () => {
    const { changes } = await bumpAfter((doc) => {
      doc.paths["/users"].get.responses["200"].content[
        "application/json"
      ].schema.properties.description = { type: "string" };
    });
    expect(changes).toContainEqual({
      level: "additive",
      location: "GET /users › 200 response (application/json) › description",
      message: "new optional response field",
    });
    expect(changes.filter((change) => change.level !== "additive")).toEqual([]);
  });
});

describe("edits no rule covers", () => {
  it("err towards a major bump and name the place to review", async () => {
    const { changes, bump } = await bumpAfter((doc) => {
      doc.paths["/users"].get.responses["200"].content[
        "application/json"
      ].schema.properties.id.readOnly = true;
    });
    expect(bump).toBe("major");
    expect(changes[0]?.message).toContain("unclassified");
  });

  it("are still caught when the same release also rewrites documentation", async () => {
    const { changes, bump } = await bumpAfter((doc) => {
      doc.paths["/users"].get.summary = "Lists the users";
      // no rule looks at a response header's `required`
      doc.paths["/users"].get.responses["200"].headers["X-RateLimit-Limit"].required = true;
    });
    expect(bump).toBe("major");
    expect(changes.filter((change) => change.level === "descriptive")).toHaveLength(1);
    expect(changes.filter((change) => change.level === "breaking")).toEqual([
      {
        level: "breaking",
        location: "GET /users › responses.200.headers.X-RateLimit-Limit.required",
        message: "changed (unclassified — review the bump)",
      },
    ]);
  });
});
