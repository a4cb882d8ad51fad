// The operation-level rules behind `pnpm spec:changeset` (servers, security, parameters, bodies,
// responses, media types, named schemas): for each edit, every change the changelog lists and the
// bump it leads to, exactly — a rule that fired twice, at the wrong place or at the wrong level
// would put a wrong line in the changelog or a wrong version on the package.
import { describe, expect, it } from "vitest";
import { versionBumpFor, type SpecChange } from "../src/spec-change";
import { classify, jsonBody, jsonResponse, spec } from "./support/spec-fixtures";

const user = { type: "object", required: ["id"], properties: { id: { type: "string" } } };
const key = { type: "apiKey", in: "header", name: "X-Key" };
const basic = { type: "http", scheme: "basic" };

/** GET and POST /users, one server, two security schemes defined but none required. */
function base(): any {
  return spec(
    {
      "/users": {
        get: {
          operationId: "listUsers",
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer" } },
            { name: "team", in: "query", required: true, schema: { type: "string" } },
          ],
          responses: jsonResponse(structuredClone(user)),
        },
        post: {
          operationId: "createUser",
          requestBody: jsonBody(structuredClone(user)),
          responses: jsonResponse(structuredClone(user), "201"),
        },
      },
    },
    {
      servers: [{ url: "https://a.example.com" }],
      components: { securitySchemes: { key, basic } },
    },
  );
}

const getUsers = (doc: any) => doc.paths["/users"].get;
const postUsers = (doc: any) => doc.paths["/users"].post;
const param = (doc: any, name: string) =>
  getUsers(doc).parameters.find((p: { name: string }) => p.name === name);

async function diffAfter(
  edit: (doc: any) => void,
  from: (doc: any) => void = () => {},
): Promise<SpecChange[]> {
  const before = base();
  from(before);
  const after = structuredClone(before);
  edit(after);
  return classify(before, after);
}

type Case = [string, (doc: any) => void, SpecChange[]];

const cases: Case[] = [
  [
    "a server added beside the one kept",
    (doc) => doc.servers.push({ url: "https://b.example.com" }),
    [{ level: "additive", location: "server https://b.example.com", message: "server added" }],
  ],
  [
    "a server replaced",
    (doc) => (doc.servers = [{ url: "https://b.example.com" }]),
    [
      { level: "breaking", location: "server https://a.example.com", message: "server removed" },
      { level: "additive", location: "server https://b.example.com", message: "server added" },
    ],
  ],
  [
    "a security scheme added",
    (doc) => (doc.components.securitySchemes.token = { type: "http", scheme: "bearer" }),
    [{ level: "additive", location: "security scheme `token`", message: "added" }],
  ],
  [
    "a security scheme sending its key elsewhere",
    (doc) => (doc.components.securitySchemes.key.in = "query"),
    [
      {
        level: "breaking",
        location: "security scheme `key`",
        message: "how credentials are sent changed",
      },
    ],
  ],
  [
    "a security scheme renaming its header",
    (doc) => (doc.components.securitySchemes.key.name = "X-Api-Key"),
    [
      {
        level: "breaking",
        location: "security scheme `key`",
        message: "how credentials are sent changed",
      },
    ],
  ],
  [
    "a security scheme's description",
    (doc) => (doc.components.securitySchemes.key.description = "The account key"),
    [
      {
        level: "descriptive",
        location: "components.securitySchemes.key.description",
        message: "documentation changed",
      },
    ],
  ],
  [
    "authentication required by one of two schemes",
    (doc) => (doc.security = [{ key: [] }, { basic: [] }]),
    [
      { level: "breaking", location: "GET /users", message: "now requires key or basic" },
      { level: "breaking", location: "POST /users", message: "now requires key or basic" },
    ],
  ],
  [
    "authentication required by two schemes together, on one operation",
    (doc) => (getUsers(doc).security = [{ key: [], basic: [] }]),
    [{ level: "breaking", location: "GET /users", message: "now requires basic + key" }],
  ],
  [
    "a required query parameter removed",
    (doc) => (getUsers(doc).parameters = [param(doc, "limit")]),
    [
      {
        level: "breaking",
        location: "GET /users › query parameter `team`",
        message: "parameter removed",
      },
    ],
  ],
  [
    "an optional parameter made required",
    (doc) => (param(doc, "limit").required = true),
    [
      {
        level: "breaking",
        location: "GET /users › query parameter `limit`",
        message: "parameter is now required",
      },
    ],
  ],
  [
    "a required parameter made optional",
    (doc) => delete param(doc, "team").required,
    [
      {
        level: "additive",
        location: "GET /users › query parameter `team`",
        message: "parameter is now optional",
      },
    ],
  ],
  [
    "a parameter's serialization style",
    (doc) => (param(doc, "team").style = "spaceDelimited"),
    [
      {
        level: "breaking",
        location: "GET /users › query parameter `team`",
        message: "serialization style changed",
      },
    ],
  ],
  [
    "a parameter's explode",
    (doc) => (param(doc, "team").explode = false),
    [
      {
        level: "breaking",
        location: "GET /users › query parameter `team`",
        message: "serialization style changed",
      },
    ],
  ],
  [
    "a parameter retyped",
    (doc) => (param(doc, "limit").schema = { type: "string" }),
    [
      {
        level: "breaking",
        location: "GET /users › query parameter `limit`",
        message: "type changed from integer to string",
      },
    ],
  ],
  [
    "a parameter that now also accepts null",
    (doc) => (param(doc, "limit").schema = { type: ["integer", "null"] }),
    [
      {
        level: "additive",
        location: "GET /users › query parameter `limit`",
        message: "now also accepts null",
      },
    ],
  ],
  [
    "the same name in another place (a header, not a query parameter)",
    (doc) => (param(doc, "limit").in = "header"),
    [
      {
        level: "breaking",
        location: "GET /users › query parameter `limit`",
        message: "parameter removed",
      },
      {
        level: "additive",
        location: "GET /users › header parameter `limit`",
        message: "new optional parameter",
      },
    ],
  ],
  [
    "the request body removed",
    (doc) => delete postUsers(doc).requestBody,
    [
      {
        level: "breaking",
        location: "POST /users › request body",
        message: "request body removed",
      },
    ],
  ],
  [
    "the request body made optional",
    (doc) => (postUsers(doc).requestBody.required = false),
    [
      {
        level: "additive",
        location: "POST /users › request body",
        message: "request body is now optional",
      },
    ],
  ],
  [
    "a new optional request body",
    (doc) => (getUsers(doc).requestBody = jsonBody(user, false)),
    [
      {
        level: "additive",
        location: "GET /users › request body",
        message: "new optional request body",
      },
    ],
  ],
  [
    "a new required request body",
    (doc) => (getUsers(doc).requestBody = jsonBody(user)),
    [
      {
        level: "breaking",
        location: "GET /users › request body",
        message: "new required request body",
      },
    ],
  ],
  [
    "a response status removed",
    (doc) => (postUsers(doc).responses = jsonResponse(user)),
    [
      { level: "breaking", location: "POST /users › 201 response", message: "response removed" },
      { level: "additive", location: "POST /users › 200 response", message: "new response" },
    ],
  ],
  [
    "a response media type added",
    (doc) => (getUsers(doc).responses["200"].content["text/csv"] = { schema: { type: "string" } }),
    [
      {
        level: "additive",
        location: "GET /users › 200 response (text/csv)",
        message: "media type added",
      },
    ],
  ],
  [
    "a request media type removed for another",
    (doc) => {
      const content = postUsers(doc).requestBody.content;
      content["application/merge-patch+json"] = content["application/json"];
      delete content["application/json"];
    },
    [
      {
        level: "breaking",
        location: "POST /users › request body (application/json)",
        message: "media type removed",
      },
      {
        level: "additive",
        location: "POST /users › request body (application/merge-patch+json)",
        message: "media type added",
      },
    ],
  ],
  [
    "a request field made nullable, read on the request side",
    (doc) =>
      (postUsers(doc).requestBody.content["application/json"].schema.properties.id.type = [
        "string",
        "null",
      ]),
    [
      {
        level: "additive",
        location: "POST /users › request body (application/json) › id",
        message: "now also accepts null",
      },
    ],
  ],
  [
    "a response field made nullable, read on the response side",
    (doc) =>
      (getUsers(doc).responses["200"].content["application/json"].schema.properties.id.type = [
        "string",
        "null",
      ]),
    [
      {
        level: "breaking",
        location: "GET /users › 200 response (application/json) › id",
        message: "type changed from string to null | string",
      },
    ],
  ],
  [
    "a named schema added",
    (doc) => (doc.components.schemas = { Team: { type: "object" } }),
    [{ level: "additive", location: "schema `Team`", message: "named schema added" }],
  ],
];

describe("operation-level rules", () => {
  it.each(cases)("classifies %s", async (_name, edit, expected) => {
    const changes = await diffAfter(edit);
    expect(changes).toEqual(expected);
    const level = expected.some((c) => c.level === "breaking")
      ? "major"
      : expected.some((c) => c.level === "additive")
        ? "minor"
        : "patch";
    expect(versionBumpFor(changes)).toBe(level);
  });

  it("reads a shared schema made nullable by side: additive where written, breaking where read", async () => {
    const shared = (doc: any) => {
      doc.components.schemas = { User: user };
      const ref = { $ref: "#/components/schemas/User" };
      getUsers(doc).responses["200"].content["application/json"].schema = ref;
      postUsers(doc).requestBody.content["application/json"].schema = ref;
      postUsers(doc).responses["201"].content["application/json"].schema = ref;
    };
    const changes = await diffAfter(
      (doc) => (doc.components.schemas.User.properties.id.type = ["string", "null"]),
      shared,
    );
    expect(changes).toEqual([
      {
        level: "breaking",
        location: "GET /users › 200 response (application/json) › id",
        message: "type changed from string to null | string",
      },
      {
        level: "additive",
        location: "POST /users › request body (application/json) › id",
        message: "now also accepts null",
      },
      {
        level: "breaking",
        location: "POST /users › 201 response (application/json) › id",
        message: "type changed from string to null | string",
      },
    ]);
    expect(versionBumpFor(changes)).toBe("major");
  });

  it("flags a named schema removed", async () => {
    const withTeam = (doc: any) => (doc.components.schemas = { Team: { type: "object" } });
    expect(await diffAfter((doc) => delete doc.components.schemas.Team, withTeam)).toEqual([
      { level: "breaking", location: "schema `Team`", message: "named schema removed" },
    ]);
  });

  it("reads an accepted credential added or taken away, anonymous access included", async () => {
    const keyOnly = (doc: any) => (doc.security = [{ key: [] }]);
    expect(await diffAfter((doc) => doc.security.push({ basic: [] }), keyOnly)).toEqual([
      { level: "additive", location: "GET /users", message: "now also accepts basic" },
      { level: "additive", location: "POST /users", message: "now also accepts basic" },
    ]);
    expect(await diffAfter((doc) => doc.security.push({}), keyOnly)).toEqual([
      { level: "additive", location: "GET /users", message: "now also accepts anonymous access" },
      { level: "additive", location: "POST /users", message: "now also accepts anonymous access" },
    ]);
    const keyOrAnonymous = (doc: any) => (doc.security = [{ key: [] }, {}]);
    expect(await diffAfter((doc) => doc.security.pop(), keyOrAnonymous)).toEqual([
      { level: "breaking", location: "GET /users", message: "no longer accepts anonymous access" },
      { level: "breaking", location: "POST /users", message: "no longer accepts anonymous access" },
    ]);
    // An operation's own list replaces the document's.
    expect(await diffAfter((doc) => (getUsers(doc).security = [{ basic: [] }]), keyOnly)).toEqual([
      { level: "breaking", location: "GET /users", message: "no longer accepts key" },
      { level: "additive", location: "GET /users", message: "now also accepts basic" },
    ]);
  });

  it("lets an operation's parameter override the path's of the same place and name", async () => {
    const pathLevel = (doc: any) =>
      (doc.paths["/users"].parameters = [
        { name: "tenant", in: "header", schema: { type: "string" } },
      ]);
    const changes = await diffAfter(
      (doc) =>
        getUsers(doc).parameters.push({
          name: "tenant",
          in: "header",
          required: true,
          schema: { type: "string" },
        }),
      pathLevel,
    );
    expect(changes).toEqual([
      {
        level: "breaking",
        location: "GET /users › header parameter `tenant`",
        message: "parameter is now required",
      },
    ]);
  });

  it("flags a request body made required", async () => {
    const optionalBody = (doc: any) => (postUsers(doc).requestBody.required = false);
    expect(
      await diffAfter((doc) => (postUsers(doc).requestBody.required = true), optionalBody),
    ).toEqual([
      {
        level: "breaking",
        location: "POST /users › request body",
        message: "request body is now required",
      },
    ]);
  });
});

describe("every HTTP method", () => {
  const withMethod = (method: string) => (doc: any) =>
    (doc.paths["/items"] = {
      [method]: { operationId: `${method}Items`, summary: "s", responses: jsonResponse(user) },
    });
  it.each(["get", "put", "post", "delete", "options", "head", "patch", "trace"])(
    "reads %s operations: removed, and documented",
    async (method) => {
      const at = `${method.toUpperCase()} /items`;
      expect(await diffAfter((doc) => delete doc.paths["/items"], withMethod(method))).toEqual([
        { level: "breaking", location: at, message: "operation removed" },
      ]);
      expect(
        await diffAfter((doc) => (doc.paths["/items"][method].summary = "t"), withMethod(method)),
      ).toEqual([
        { level: "descriptive", location: `${at} › summary`, message: "documentation changed" },
      ]);
    },
  );
});

describe("what is not a change", () => {
  it.each([
    ["reordered parameters", (doc: any) => getUsers(doc).parameters.reverse()],
    [
      "reordered servers",
      (doc: any) => {
        doc.servers = [{ url: "https://a.example.com" }, { url: "https://b.example.com" }];
      },
    ],
  ])("ignores %s", async (_name, edit) => {
    const twoServers = (doc: any) =>
      (doc.servers = [{ url: "https://b.example.com" }, { url: "https://a.example.com" }]);
    expect(await diffAfter(edit, twoServers)).toEqual([]);
  });
});

describe("a parameter list edited by hand into something else", () => {
  it("reads past an entry that is not an object, comparing the others as before", async () => {
    const requireLimit = (doc: any) => (param(doc, "limit").required = true);
    const broken = (doc: any) => getUsers(doc).parameters.push(null, "limit", 7);
    const plain = await diffAfter(requireLimit);
    expect(plain).not.toEqual([]);
    expect(await diffAfter(requireLimit, broken)).toEqual(plain);
  });
});

describe("documentation outside the schemas", () => {
  it.each([
    ["the API version", (doc: any) => (doc.info.version = "2"), "info.version"],
    [
      "an extension on an operation",
      (doc: any) => (getUsers(doc)["x-internal"] = true),
      "GET /users › x-internal",
    ],
    [
      "a parameter's description",
      (doc: any) => (param(doc, "team").description = "Team slug"),
      "GET /users › parameters.query:team.description",
    ],
    [
      "a path item's summary",
      (doc: any) => (doc.paths["/users"].summary = "Users"),
      "paths./users.summary",
    ],
    [
      "a server's description",
      (doc: any) => (doc.servers[0].description = "Production"),
      "servers.https://a.example.com.description",
    ],
  ])("classifies %s as descriptive", async (_name, edit, location) => {
    const changes = await diffAfter(edit);
    expect(changes).toEqual([{ level: "descriptive", location, message: "documentation changed" }]);
    expect(versionBumpFor(changes)).toBe("patch");
  });

  it("treats a schema property named like a keyword as data wherever it is", async () => {
    // `title` and `x-id` here are field names chosen by the spec author, not documentation.
    const changes = await diffAfter((doc) => {
      const schema = getUsers(doc).responses["200"].content["application/json"].schema;
      schema.properties.title = { type: "string" };
      schema.properties["x-id"] = { type: "string" };
    });
    expect(changes).toEqual([
      {
        level: "additive",
        location: "GET /users › 200 response (application/json) › title",
        message: "new optional response field",
      },
      {
        level: "additive",
        location: "GET /users › 200 response (application/json) › x-id",
        message: "new optional response field",
      },
    ]);
  });

  it("reports a meaning change no rule covers outside schemas as breaking, by place", async () => {
    const changes = await diffAfter((doc) => (param(doc, "team").allowReserved = true));
    expect(changes).toEqual([
      {
        level: "breaking",
        location: "GET /users › parameters.query:team.allowReserved",
        message: "changed (unclassified — review the bump)",
      },
    ]);
    expect(versionBumpFor(changes)).toBe("major");
  });
});
