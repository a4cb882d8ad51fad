import { ApiError, ResponseParseError, toApiError } from "@rollcall/core";
import { outcomeOf, recordHooks, secretLeaks } from "@rollcall/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { startHostileServer, type HostileServer } from "./support/hostile-server";
import { VENDORS } from "./support/vendors";

// A server that echoes the credential it was sent everywhere outside the body too: the status
// text, a request-id header, the content type. Nothing a response contributes may carry it into
// an error, its JSON or inspect output, or a hook payload.

describe.each(VENDORS)("$vendor with a server echoing its credential", (harness) => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const credential = harness.testCredential;
  const secrets = harness.secretForms(credential);
  // What the server saw of the credential, in the form it saw it (header, query or body).
  const echo = (request: { url: string; body: string; headers: Record<string, unknown> }) =>
    [credential.secret, ...secrets].find(
      (form) =>
        request.url.includes(form) ||
        request.body.includes(form) ||
        Object.values(request.headers).some((value) => String(value).includes(form)),
    ) ?? "";

  it.each([
    [502, "application/json"],
    [200, "text/plain"],
  ])("status %s: status text, request id and content type are redacted", async (status, type) => {
    server = await startHostileServer((res, request) => {
      const seen = echo(request);
      res.writeHead(status, `Bad ${seen}`, {
        "content-type": `${type}; note=${seen}`,
        "x-request-id": `req-${seen}`,
        "request-id": `req-${seen}`,
        "x-correlation-id": `req-${seen}`,
      });
      res.end(status === 200 ? `not json ${seen}` : JSON.stringify({ message: `bad key ${seen}` }));
    });
    const recorder = recordHooks();
    const client = harness.create(server.url, credential, {
      retry: false,
      hooks: recorder.hooks,
    }) as never;
    for (const call of [harness.get.call, harness.post.call]) {
      const { error } = (await outcomeOf(() => call(client))) as { error: Error };
      expect(error).toBeInstanceOf(status === 200 ? ResponseParseError : ApiError);
      expect(secretLeaks(error, secrets)).toEqual([]);
      // The echo arrived (so there was something to redact) and was redacted.
      if (error instanceof ApiError) expect(error.requestId).toBe("req-[REDACTED]");
      else expect((error as ResponseParseError).contentType).toContain("[REDACTED]");
    }
    expect(recorder.payloads.length).toBeGreaterThan(0);
    expect(recorder.leaks(secrets)).toEqual([]);
  });

  it("toApiError on a raw result redacts the same strings", async () => {
    server = await startHostileServer((res, request) => {
      res.writeHead(401, `Refused ${echo(request)}`, { "x-request-id": echo(request) });
      res.end();
    });
    const client = harness.create(server.url, credential, { retry: false }) as {
      GET(path: string, init?: object): Promise<{ response: Response; error?: unknown }>;
    };
    const result = await client.GET("/anything");
    expect(secretLeaks(toApiError(result as never), secrets)).toEqual([]);
  });
});
