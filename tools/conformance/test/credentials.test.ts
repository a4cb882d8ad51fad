import { ClientValidationError } from "@rollcall/core";
import { secretLeaks, thrownBy } from "@rollcall/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerJson,
  credentialsIn,
  startHostileServer,
  type HostileServer,
} from "./support/hostile-server";
import { VENDORS } from "./support/vendors";

// Credentials are checked when the client is made: a bad one is a ClientValidationError naming the
// option (never the value) and nothing is sent, instead of a TypeError from fetch on every call.

describe.each(VENDORS)("$vendor credential checks ($placement)", (harness) => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer((res) => answerJson(res));
  });
  afterAll(() => server.close());
  const make =
    (secret: unknown, extra: object = {}) =>
    () =>
      harness.factory({
        ...harness.credentialOptions({ ...harness.testCredential, secret: "placeholder" }),
        [harness.secretField.replace("options.", "")]: secret,
        baseUrl: server.url,
        ...extra,
      } as never);

  it.each([
    ["missing", undefined, /is required/],
    ["empty", "", /must not be empty/],
    ["blank", "   ", /must not be empty/],
    ["not a string", 42, /must be a string/],
    ["with a newline (header injection)", "s3cret-value\r\nX-Evil: 1", /whitespace or control/],
    ["with a space", "s3cret value", /whitespace or control/],
  ])("refuses a %s secret, naming the option", (_label, secret, message) => {
    const error = thrownBy(make(secret), ClientValidationError);
    expect(error.field).toBe(harness.secretField);
    expect(error.message).toMatch(message);
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain("s3cret");
    expect(server.received).toHaveLength(0);
  });

  it("refuses options that are not an object", () => {
    expect(thrownBy(() => harness.factory(null as never), ClientValidationError).field).toBe(
      "options",
    );
  });

  it("refuses a base URL that carries credentials, without echoing them", () => {
    const url = new URL(server.url);
    url.username = "api";
    url.password = "s3cret-pass";
    const error = thrownBy(
      () => harness.create(url.toString(), harness.testCredential),
      ClientValidationError,
    );
    expect(error.field).toBe("options.baseUrl");
    expect(JSON.stringify(error) + error.message).not.toContain("s3cret");
  });

  // Outside Latin-1: fetch cannot put it in a header. Vendors sending the secret raw in a header
  // must refuse it at once; the others encode it (query, JSON body, Basic's base64) and send it.
  const unicode = "ключ-s3cret-0123";
  if (harness.rawHeader) {
    it("refuses a secret a header cannot carry, before any call", () => {
      const error = thrownBy(make(unicode), ClientValidationError);
      expect(error.field).toBe(harness.secretField);
      expect(error.message).toMatch(/header cannot carry/);
      expect(JSON.stringify(error) + error.message).not.toContain("s3cret");
      expect(server.received).toHaveLength(0);
    });
  } else {
    it("carries a non-Latin-1 secret encoded, so calls work", async () => {
      const credential = { ...harness.testCredential, secret: unicode };
      const client = harness.create(server.url, credential) as never;
      await expect(harness.get.call(client)).resolves.toEqual({ ok: true });
      await expect(harness.post.call(client)).resolves.toEqual({ ok: true });
      const forms = harness.secretForms(credential);
      for (const request of server.received.splice(0))
        expect(credentialsIn(request, forms).length).toBeGreaterThan(0);
    });
  }

  it("never shows the secret in a thrown check error for a bad user header either", () => {
    const error = thrownBy(
      () =>
        harness.create(server.url, harness.testCredential, {
          headers: { "X-Trace": "s3cret\nX-Evil: 1" },
        }),
      ClientValidationError,
    );
    expect(error.field).toBe("options.headers.X-Trace");
    expect(secretLeaks(error, ["s3cret"])).toEqual([]);
  });
});
