import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  ResponseParseError,
  unwrap,
} from "../../src/runtime";
import { fakeClient } from "./fake-vendor";
import { startScriptedServer } from "./scripted-server";

let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
}

describe("unwrap and ApiError", () => {
  it("parses the vendor's error body with the vendor parser, plus request id and status class", async () => {
    server = await startScriptedServer([
      {
        status: 404,
        headers: { "x-request-id": "req-42" },
        body: { problem: { text: "no such user", id: "E404" } },
      },
    ]);
    const client = fakeClient(
      server.baseUrl,
      {},
      {
        parseErrorBody: (body) => {
          const problem = (body as { problem?: { text?: string; id?: string } }).problem;
          return { message: problem?.text, code: problem?.id };
        },
      },
    );
    const error = await failure(
      client.GET("/users/{id}", { params: { path: { id: "u1" } } }).then(unwrap),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      name: "NotFoundError",
      kind: "not-found",
      vendor: "fakevendor",
      status: 404,
      method: "GET",
      vendorMessage: "no such user",
      vendorCode: "E404",
      requestId: "req-42",
      attempts: 1,
    });
    expect((error as ApiError).url).toBe(`${server.baseUrl}/users/u1`);
    expect((error as Error).message).toContain("no such user");
  });

  it.each([
    [
      "eagle.io",
      { error: { code: 405, message: "Method not allowed" } },
      "Method not allowed",
      405,
    ],
    ["OpsGenie", { error: "Invalid apiKey", code: 40 }, "Invalid apiKey", 40],
    [
      "Rootly",
      { errors: [{ title: "Not found", status: "404", code: null, detail: null }] },
      "Not found",
      undefined,
    ],
    [
      "Uptrends",
      { Messages: [{ Message: "Operator is invalid" }] },
      "Operator is invalid",
      undefined,
    ],
  ])("reads %s error bodies without a vendor parser", async (_vendor, body, message, code) => {
    server = await startScriptedServer([{ status: 400, body }]);
    const client = fakeClient(server.baseUrl);
    const error = await failure(client.GET("/users").then(unwrap));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ vendorMessage: message, vendorCode: code, body });
  });

  it("lets a vendor remap a status to another error class", async () => {
    server = await startScriptedServer([
      { status: 403, body: { Messages: [{ Message: "Name is required" }] } },
    ]);
    const client = fakeClient(server.baseUrl, {}, { errorKinds: { 403: "bad-request" } });
    const error = await failure(client.GET("/users").then(unwrap));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
  });

  it("keeps a text error body and an empty one", async () => {
    server = await startScriptedServer([{ status: 502, body: "upstream down" }, { status: 401 }]);
    const client = fakeClient(server.baseUrl, { retry: false });
    const text = await failure(client.GET("/users").then(unwrap));
    expect(text).toMatchObject({
      status: 502,
      vendorMessage: "upstream down",
      body: "upstream down",
    });
    const empty = await failure(client.GET("/users").then(unwrap));
    expect(empty).toBeInstanceOf(AuthenticationError);
  });

  it("turns an HTML 200 into a ResponseParseError with status, content type and a snippet", async () => {
    const html = `<!DOCTYPE html><html><body>${"Maintenance ".repeat(40)}</body></html>`;
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "text/html" }, body: html },
    ]);
    const client = fakeClient(server.baseUrl);
    const error = await failure(client.GET("/users"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({
      status: 200,
      contentType: "text/html",
      bodySnippet: html.slice(0, 200),
    });
    expect((error as Error).message).toContain("expected a JSON body");
  });

  it("turns invalid JSON labelled as JSON into a ResponseParseError, not a SyntaxError", async () => {
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "application/json" }, body: "{not json" },
    ]);
    const client = fakeClient(server.baseUrl);
    const error = await failure(client.GET("/users"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  it("turns an empty 200 that promised JSON into a ResponseParseError", async () => {
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "application/json" } },
    ]);
    const client = fakeClient(server.baseUrl);
    const error = await failure(client.GET("/users"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ status: 200, contentType: "application/json" });
  });

  it("accepts an empty 200 that promised nothing, and JSON served with a wrong content type", async () => {
    server = await startScriptedServer([
      { status: 200 },
      { status: 200, headers: { "content-type": "text/plain" }, body: '{"users":[]}' },
    ]);
    const client = fakeClient(server.baseUrl);
    expect(unwrap(await client.GET("/users"))).toBeUndefined();
    expect(unwrap(await client.GET("/users"))).toEqual({ users: [] });
  });

  it("leaves non-JSON bodies alone when the call asks for text", async () => {
    server = await startScriptedServer([
      { status: 200, headers: { "content-type": "text/csv" }, body: "a,b\n1,2" },
    ]);
    const client = fakeClient(server.baseUrl);
    const { data } = await client.GET("/users", { parseAs: "text" });
    expect(data).toBe("a,b\n1,2");
  });
});
