// The descriptor codegen reads from a spec: what each fact becomes, and the clear error (spec and
// JSON path) a malformed Rollcall extension gets.
import { describe, expect, it } from "vitest";
import { CodegenError } from "../src/codegen-error";
import type { Vendor } from "../src/registry";
import { describeVendor } from "../src/vendor-descriptor";

const vendor: Vendor = {
  id: "acme",
  title: "Acme",
  spec: "specs/acme.yaml",
  package: "@fixture/acme-client",
  directory: "packages/acme-client",
  defaultBaseUrl: "https://api.acme.test",
};

const json = { content: { "application/json": { schema: { type: "object" } } } };

/** A small spec: one GET and one POST under `security`, with `extra` merged at the root. */
function spec(
  extra: Record<string, unknown> = {},
  post: Record<string, unknown> = {},
  body: Record<string, unknown> = json,
) {
  return {
    openapi: "3.1.0",
    servers: [{ url: "https://api.acme.test" }],
    security: [{ key: [] }],
    paths: {
      "/users": {
        get: {
          parameters: [
            {
              name: "fields",
              in: "query",
              style: "form",
              explode: false,
              schema: { type: "array", items: { type: "string" } },
            },
          ],
          responses: { "200": body },
        },
        post: { requestBody: body, responses: { "201": body }, ...post },
      },
    },
    components: {
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
    },
    ...extra,
  };
}

function problems(document: Record<string, unknown>): string[] {
  try {
    describeVendor(vendor, document);
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return [...(error as CodegenError).lines];
  }
  throw new Error("describeVendor accepted the spec");
}

describe("describeVendor", () => {
  it("reads auth, media type, query style, error kinds and error bodies from the spec", () => {
    const errorBody = [{ at: "errors", message: ["title", "detail"], code: ["code"] }];
    expect(
      describeVendor(
        vendor,
        spec({
          "x-rollcall-error-kinds": { "403": "bad-request" },
          "x-rollcall-error-body": errorBody,
        }),
      ),
    ).toEqual({
      credentials: [{ option: "apiKey", header: true }],
      auth: { headers: { "X-Key": "{apiKey}" } },
      mediaType: "application/json",
      headers: { Accept: "application/json" },
      querySerializer: { array: { style: "form", explode: false } },
      errorKinds: { "403": "bad-request" },
      errorBody,
    });
  });

  it("names regions, credentials and a key carried in the body of some methods", () => {
    const document = spec(
      {
        servers: [
          { url: "https://api.acme.test", "x-rollcall-region": "us" },
          { url: "https://api.eu.acme.test", "x-rollcall-region": "eu" },
        ],
        components: {
          securitySchemes: {
            key: {
              type: "apiKey",
              in: "query",
              name: "key",
              "x-rollcall-credential": { option: "secret", description: "the Acme key" },
            },
          },
        },
      },
      { security: [], "x-rollcall-api-key-in-body": true },
    );
    expect(describeVendor(vendor, document)).toMatchObject({
      regions: { us: "https://api.acme.test", eu: "https://api.eu.acme.test" },
      defaultRegion: "us",
      credentials: [{ option: "secret", description: "the Acme key" }],
      auth: {
        query: { params: { key: "{secret}" }, methods: ["GET"] },
        body: { fields: { key: "{secret}" }, methods: ["POST"] },
      },
    });
  });

  it("reads bearer and basic schemes, and a vendor JSON media type", () => {
    const vnd = { content: { "application/vnd.api+json": {} } };
    const bearer = spec(
      { components: { securitySchemes: { key: { type: "http", scheme: "bearer" } } } },
      {},
      vnd,
    );
    expect(describeVendor(vendor, bearer)).toMatchObject({
      credentials: [{ option: "token", header: true }],
      auth: { headers: { Authorization: "Bearer {token}" } },
      mediaType: "application/vnd.api+json",
      bodyHeaders: { "Content-Type": "application/vnd.api+json" },
    });
    const basic = spec({
      components: { securitySchemes: { key: { type: "http", scheme: "basic" } } },
    });
    expect(describeVendor(vendor, basic)).toMatchObject({
      credentials: [{ option: "username" }, { option: "password" }],
      auth: {},
      basic: ["username", "password"],
    });
  });

  it("refuses malformed extensions, naming the spec and the JSON path", () => {
    expect(
      problems(spec({ "x-rollcall-error-kinds": { "403": "forbidden", "200": "other" } })),
    ).toEqual([
      "specs/acme.yaml: x-rollcall-error-kinds.200 is not a 4xx or 5xx status",
      "specs/acme.yaml: x-rollcall-error-kinds.403 must be one of bad-request, authentication, not-found, rate-limit, server, other",
    ]);
    expect(
      problems(spec({ "x-rollcall-error-body": [{ at: "errors", messages: ["title"] }] })),
    ).toEqual([
      "specs/acme.yaml: x-rollcall-error-body[0].messages is not a shape field (at, message, code, separator)",
      "specs/acme.yaml: x-rollcall-error-body[0] needs message or code fields",
    ]);
    expect(problems(spec({}, { "x-rollcall-api-key-in-body": "yes" }))).toContain(
      "specs/acme.yaml: paths./users.post.x-rollcall-api-key-in-body must be true when present",
    );
    const twoServers = spec({
      servers: [
        { url: "https://api.acme.test" },
        { url: "https://api.eu.acme.test", "x-rollcall-region": "EU" },
      ],
    });
    expect(problems(twoServers)).toEqual([
      "specs/acme.yaml: servers[0] needs x-rollcall-region: the spec has several servers",
      "specs/acme.yaml: servers[1].x-rollcall-region must be a lower-case name such as us or eu",
    ]);
    const badCredential = spec({
      components: {
        securitySchemes: {
          key: { type: "apiKey", in: "header", name: "X-Key", "x-rollcall-credential": "key" },
        },
      },
    });
    expect(problems(badCredential)[0]).toBe(
      "specs/acme.yaml: components.securitySchemes.key.x-rollcall-credential must be { option: <option name>, description?: <text>, prefix?: <text> }",
    );
  });

  it("refuses what the runtime cannot place: a registry URL not in servers, split Basic auth", () => {
    expect(problems(spec({ servers: [{ url: "https://elsewhere.test" }] }))).toEqual([
      "specs/acme.yaml: servers lists no server with the registry's defaultBaseUrl https://api.acme.test",
    ]);
    const basic = { securitySchemes: { key: { type: "http", scheme: "basic" } } };
    expect(problems(spec({ components: basic }, { security: [] }))).toEqual([
      "specs/acme.yaml: security puts HTTP Basic credentials on some operations only; core sends them on all",
    ]);
    const prefix = {
      securitySchemes: {
        key: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          "x-rollcall-credential": { option: "apiKey", prefix: "GenieKey" },
        },
      },
    };
    expect(problems(spec({ components: prefix }))).toEqual([
      'specs/acme.yaml: components.securitySchemes.key.x-rollcall-credential.prefix must be a scheme word and one space, e.g. "GenieKey "',
    ]);
  });

  it("scopes a header credential to the methods whose operations all carry it", () => {
    expect(describeVendor(vendor, spec({}, { security: [] })).auth).toEqual({
      scopedHeaders: { headers: { "X-Key": "{apiKey}" }, methods: ["GET"] },
    });
  });

  it("places per operation where one method's operations authenticate differently (v1 and v2)", () => {
    const document = spec(
      {
        components: {
          securitySchemes: {
            key: { type: "apiKey", in: "query", name: "apiKey" },
            genieKey: {
              type: "apiKey",
              in: "header",
              name: "Authorization",
              "x-rollcall-credential": { option: "apiKey", prefix: "GenieKey " },
            },
          },
        },
      },
      { security: [], "x-rollcall-api-key-in-body": true },
    );
    const v2 = { security: [{ genieKey: [] }], responses: { "200": json } };
    Object.assign(document.paths, {
      "/v2/teams/{id}": { get: v2, delete: v2 },
      "/v2/schedules/{id}": { patch: v2 },
    });
    expect(describeVendor(vendor, document)).toMatchObject({
      credentials: [{ option: "apiKey", header: true }],
      auth: {
        query: { params: { apiKey: "{apiKey}" }, routes: ["GET /users"] },
        body: { fields: { apiKey: "{apiKey}" }, methods: ["POST"] },
        scopedHeaders: {
          headers: { Authorization: "GenieKey {apiKey}" },
          methods: ["DELETE", "PATCH"],
          routes: ["GET /v2/teams/{id}"],
        },
      },
    });
  });
});

describe("x-rollcall-rate-limits", () => {
  const limit = {
    id: "reads",
    keyedBy: "credential",
    requests: 3000,
    windowSeconds: 60,
    scope: { methods: ["GET"], routes: ["POST /users"] },
    headers: {
      remaining: "X-RateLimit-Remaining",
      reset: "X-RateLimit-Reset",
      resetIn: "epoch-seconds",
    },
    source: "https://docs.acme.test/limits",
  };

  it("carries each limit into the descriptor, the window in milliseconds and headers lower-case", () => {
    expect(describeVendor(vendor, spec({ "x-rollcall-rate-limits": [limit] })).rateLimits).toEqual([
      {
        id: "reads",
        keyedBy: "credential",
        requests: 3000,
        windowMs: 60_000,
        scope: { methods: ["GET"], routes: ["POST /users"] },
        headers: {
          remaining: "x-ratelimit-remaining",
          reset: "x-ratelimit-reset",
          resetIn: "epoch-seconds",
        },
        source: "https://docs.acme.test/limits",
      },
    ]);
    expect(describeVendor(vendor, spec())).not.toHaveProperty("rateLimits");
  });

  it("refuses a malformed limit, naming the spec and the JSON path", () => {
    const bad = {
      id: "Reads",
      keyedBy: "account",
      requests: 0,
      windowSeconds: "60",
      scope: { methods: ["get"], routes: ["GET /nowhere"] },
      headers: { reset: "X RateLimit", used: "X-RateLimit-Used" },
      source: "docs.acme.test",
      burst: 5,
    };
    expect(
      problems(spec({ "x-rollcall-rate-limits": [bad, { ...limit, id: "reads" }, limit] })),
    ).toEqual([
      "specs/acme.yaml: x-rollcall-rate-limits[0].burst is not a limit field (id, keyedBy, requests, windowSeconds, scope, headers, source)",
      "specs/acme.yaml: x-rollcall-rate-limits[0].id must be a lower-case name such as configuration-api",
      "specs/acme.yaml: x-rollcall-rate-limits[0].keyedBy must be one of credential, ip",
      "specs/acme.yaml: x-rollcall-rate-limits[0].requests must be a whole number of requests, at least 1",
      "specs/acme.yaml: x-rollcall-rate-limits[0].windowSeconds must be a number of seconds greater than 0",
      "specs/acme.yaml: x-rollcall-rate-limits[0].source must be the https URL where the vendor publishes the limit",
      "specs/acme.yaml: x-rollcall-rate-limits[0].scope.methods[0] names no method of the spec's operations",
      "specs/acme.yaml: x-rollcall-rate-limits[0].scope.routes[0] names no route of the spec's operations",
      "specs/acme.yaml: x-rollcall-rate-limits[0].headers.reset must be a header name such as X-RateLimit-Remaining",
      "specs/acme.yaml: x-rollcall-rate-limits[0].headers.used is not a header role (limit, remaining, reset, period, state, resetIn)",
      'specs/acme.yaml: x-rollcall-rate-limits[2].id repeats "reads"',
    ]);
    expect(problems(spec({ "x-rollcall-rate-limits": {} }))).toEqual([
      "specs/acme.yaml: x-rollcall-rate-limits must be a non-empty list of request limits",
    ]);
    const noResetIn = { ...limit, headers: { reset: "X-RateLimit-Reset" } };
    expect(problems(spec({ "x-rollcall-rate-limits": [noResetIn] }))).toEqual([
      "specs/acme.yaml: x-rollcall-rate-limits[0].headers.resetIn must say how the reset header counts: seconds or epoch-seconds",
    ]);
  });
});
