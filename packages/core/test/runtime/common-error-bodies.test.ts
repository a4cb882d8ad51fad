// What a failed call's ApiError says when the vendor has no error reader of its own: the common
// shapes are read, trimmed and bounded; what says nothing useful (HTML, blanks, junk) gives no
// message; a body that is no object at all never breaks the error. Over real loopback HTTP.
import { describe, expect, it } from "vitest";
import { ApiError, unwrap } from "../../src/runtime";
import { fakeClient } from "./fake-vendor";
import {
  closeAfterEach,
  startScriptedServer,
  type Reply,
  type ScriptedServer,
} from "./scripted-server";

let server: ScriptedServer | undefined;
closeAfterEach(() => server);

async function apiErrorFor(reply: Reply): Promise<ApiError> {
  server = await startScriptedServer([reply]);
  const error = await fakeClient(server.baseUrl, { retry: false })
    .GET("/users")
    .then(unwrap)
    .catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const text = (body: string, type = "text/plain"): Reply => ({
  status: 400,
  headers: { "content-type": type },
  body,
});

describe("the common error-body reader", () => {
  it.each([
    ["a trimmed text body", text("  Too many fields  "), "Too many fields", undefined],
    ["an HTML page as nothing", text("<html><p>Bad</p></html>", "text/html"), undefined, undefined],
    ["a blank text body as nothing", text("   "), undefined, undefined],
    ["a JSON null as nothing", text("null", "application/json"), undefined, undefined],
    ["a JSON list as nothing", text("[1, 2]", "application/json"), undefined, undefined],
    [
      "a trimmed error string and its code",
      { status: 400, body: { error: " Slow down ", code: "E1" } },
      "Slow down",
      "E1",
    ],
    [
      "a blank message as none",
      { status: 400, body: { error: { message: "  ", code: 7 } } },
      undefined,
      7,
    ],
    [
      "an empty or non-text code as none",
      { status: 400, body: { error: "No", code: "" } },
      "No",
      undefined,
    ],
    ["a boolean code as none", { status: 400, body: { error: "No", code: true } }, "No", undefined],
    ["a zero code", { status: 400, body: { error: "No", code: 0 } }, "No", 0],
    [
      "JSON:API titles and details, skipping junk entries, with the first code given",
      {
        status: 400,
        body: {
          errors: [
            null,
            "x",
            { title: "Invalid", detail: "Email taken" },
            { title: "Second", code: "E2" },
          ],
        },
      },
      "Invalid: Email taken; Second",
      "E2",
    ],
    [
      "a list of messages",
      { status: 400, body: { Messages: ["One", { Message: "Two" }], Code: "U1" } },
      "One; Two",
      "U1",
    ],
    ["a code alone", { status: 400, body: { code: "E9" } }, undefined, "E9"],
    [
      "a detail alone",
      { status: 400, body: { detail: "Gone for good" } },
      "Gone for good",
      undefined,
    ],
  ])("reads %s", async (_label, reply, vendorMessage, vendorCode) => {
    const error = await apiErrorFor(reply);
    expect(error.vendorMessage).toBe(vendorMessage);
    expect(error.vendorCode).toBe(vendorCode);
  });

  it("cuts a long text body to 200 characters and marks the cut", async () => {
    const long = await apiErrorFor(text("x".repeat(201)));
    expect(long.vendorMessage).toBe(`${"x".repeat(200)}…`);
    const exact = await apiErrorFor(text("y".repeat(200)));
    expect(exact.vendorMessage).toBe("y".repeat(200));
  });

  it("cuts a request id to 200 characters", async () => {
    const error = await apiErrorFor({
      status: 400,
      headers: { "x-request-id": "r".repeat(300) },
      body: { error: "No" },
    });
    expect(error.requestId).toBe("r".repeat(200));
  });
});
