import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspect, promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createApiClient,
  NotFoundError,
  ServerError,
  toApiError,
  unwrap,
  type ErrorInfo,
} from "../../src/runtime";
import { API_KEY, fakeClient, fakeVendor } from "./fake-vendor";
import { startScriptedServer, type paths, type SeenRequest } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const QUERY_KEY = "qk_SECRET-81d0c3";
const PASSWORD = "pw_SECRET-2b6e44";
const SECRETS = [API_KEY, QUERY_KEY, PASSWORD];

/** A 401 whose message, body and status text echo every credential the request carried. */
const echoingRefusal = (seen: SeenRequest) => {
  const echo = `${seen.url} ${seen.headers["x-api-key"]} ${seen.body}`;
  return { status: 401, body: { message: `refused ${echo}`, echo } };
};

const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
};

describe("the ApiError a client builds where the response arrives", () => {
  it("is the same object from every unwrap and toApiError, reported to onError once", async () => {
    server = await startScriptedServer([{ status: 404, body: { message: "no such user" } }]);
    const reported: ErrorInfo[] = [];
    const client = fakeClient(server.baseUrl, {
      hooks: { onError: (info) => reported.push(info) },
    });

    const result = await client.GET("/users/{id}", { params: { path: { id: "u1" } } });
    const first = thrownBy(() => unwrap(result));
    expect(first).toBeInstanceOf(NotFoundError);
    expect(thrownBy(() => unwrap(result))).toBe(first);
    expect(toApiError(result)).toBe(first);
    // Destructured and rebuilt, the result still leads to the same error.
    const { error, response } = result;
    expect(toApiError({ error, response })).toBe(first);

    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ vendor: "fakevendor", method: "GET", attempt: 1 });
    expect(reported[0]!.error).toBe(first);
    expect(first).toMatchObject({ vendor: "fakevendor", vendorMessage: "no such user" });
  });

  it("reports a failed call to onError once even when nobody unwraps it, with its attempts", async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 503 }, { status: 200 }]);
    const reported: ErrorInfo[] = [];
    const client = fakeClient(server.baseUrl, {
      hooks: { onError: (info) => reported.push(info) },
      retry: { maxRetries: 1, sleep: async () => {} },
    });

    const failed = await client.GET("/users");
    expect(failed.response.status).toBe(503);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ attempt: 2 });
    expect(reported[0]!.error).toBeInstanceOf(ServerError);
    expect(toApiError(failed)).toMatchObject({ attempts: 2 });

    // A call that succeeds reports nothing.
    await client.GET("/users");
    expect(reported).toHaveLength(1);
    expect(server.seen).toHaveLength(3);
  });

  it("redacts every credential placement: query, header and body", async () => {
    server = await startScriptedServer(echoingRefusal);
    const client = createApiClient<paths>(
      fakeVendor({
        auth: {
          headers: { "X-Api-Key": API_KEY },
          query: { params: { apiKey: QUERY_KEY } },
          body: { fields: { password: PASSWORD } },
        },
      }),
      { baseUrl: server.baseUrl, retry: false },
    );

    for (const call of [
      () => client.GET("/users"),
      () => client.POST("/users", { body: { name: "x" } }),
    ]) {
      const result = await call();
      const apiError = thrownBy(() => unwrap(result)) as ApiError;
      expect(apiError).toBeInstanceOf(ApiError);
      expect(apiError.url).toContain("apiKey=[REDACTED]");
      expect(apiError.vendorMessage).toContain("refused");
      const views = [
        apiError.message,
        apiError.stack ?? "",
        JSON.stringify(apiError),
        inspect(apiError, { depth: 10 }),
      ].join("\n");
      for (const secret of SECRETS) expect(views).not.toContain(secret);
    }
    // The credentials were sent (and echoed), so the test would see a leak.
    expect(server.seen[0]!.url).toContain(QUERY_KEY);
    expect(server.seen[1]!.body).toContain(PASSWORD);
  });

  it("leaves what logging, spreading or serialising the result shows unchanged", async () => {
    server = await startScriptedServer([{ status: 404, body: { message: "gone" } }]);
    const result = await fakeClient(server.baseUrl).GET("/users");
    expect(Object.keys(result).sort()).toEqual(["error", "response"]);
    expect(Object.keys({ ...result }).sort()).toEqual(["error", "response"]);
    expect(JSON.stringify(result)).toBe(JSON.stringify({ ...result }));
    expect(inspect(result)).not.toMatch(/NotFoundError|Symbol/);
  });

  it("builds an anonymous ApiError for a result no Rollcall client made", () => {
    const response = new Response(JSON.stringify({ message: "missing" }), { status: 404 });
    const handBuilt = { error: { message: "missing" }, response };
    const error = toApiError(handBuilt);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ vendor: "unknown", method: "?", attempts: 1 });
    expect(error.vendorMessage).toBe("missing");
    expect(thrownBy(() => unwrap(handBuilt))).toBeInstanceOf(NotFoundError);
  });

  it("throws for a failed result that carries no error body, and returns a success's data", () => {
    const failed = { response: new Response(null, { status: 503 }) };
    expect(thrownBy(() => unwrap(failed))).toMatchObject({ name: "ServerError", status: 503 });
    expect(unwrap({ data: { id: "u1" }, response: new Response(null, { status: 200 }) })).toEqual({
      id: "u1",
    });
  });
});

// Two copies of the built package, as when a vendor package resolves another core version than the
// app: the client comes from copy A, unwrap from copy B. Turbo builds core before its tests.
describe("two copies of @rollcall/core", () => {
  const dist = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
  const script = `
const a = await import(${JSON.stringify(`${dist}?copy=a`)});
const b = await import(${JSON.stringify(`${dist}?copy=b`)});
const client = a.createApiClient(
  { vendor: "fakevendor", packageName: "@rollcall/fake-client", packageVersion: "1.0.0",
    baseUrl: process.env.BASE_URL, auth: { headers: { "X-Api-Key": ${JSON.stringify(API_KEY)} } } },
  { retry: false },
);
const result = await client.GET("/users");
let thrown;
try { b.unwrap(result); } catch (error) { thrown = error; }
console.log(JSON.stringify({
  twoCopies: a.unwrap !== b.unwrap,
  same: thrown === a.toApiError(result) && thrown === b.toApiError(result),
  vendor: thrown.vendor,
  vendorMessage: thrown.vendorMessage,
}));
`;

  it("unwrap from one copy throws the error the other copy's client built, redacted", async () => {
    expect(existsSync(dist), "dist/index.js is missing: build @rollcall/core first").toBe(true);
    server = await startScriptedServer((seen) => ({
      status: 403,
      body: { message: `key ${seen.headers["x-api-key"]} may not list users` },
    }));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", script],
      { env: { ...process.env, BASE_URL: server.baseUrl } },
    );
    expect(JSON.parse(stdout.trim())).toEqual({
      twoCopies: true,
      same: true,
      vendor: "fakevendor",
      vendorMessage: "key [REDACTED] may not list users",
    });
    expect(server.seen[0]!.headers["x-api-key"]).toBe(API_KEY);
  });
});
