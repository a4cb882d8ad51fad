import { describe, expect, it } from "vitest";
import { ClientValidationError, requireCredential, requireOptionsObject } from "../../src/runtime";

const site = { vendor: "fakevendor", operation: "createFakeClient", field: "options.apiKey" };

describe("requireCredential", () => {
  it("returns a usable credential unchanged", () => {
    expect(requireCredential("sk_live_abc", site)).toBe("sk_live_abc");
  });

  it.each([
    ["missing", undefined, /options\.apiKey is required$/],
    ["null", null, /options\.apiKey is required$/],
    ["not a string", 42, /options\.apiKey must be a string, got number/],
    ["empty", "  ", /options\.apiKey must not be empty/],
    ["with a newline", "abc\ndef", /must not contain whitespace or control characters/],
    ["with a control character", "abc\u0007def", /must not contain whitespace/],
  ])("refuses a credential that is %s, naming the field", (_label, value, message) => {
    let thrown: unknown;
    try {
      requireCredential(value, site);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ClientValidationError);
    expect(thrown).toMatchObject({ vendor: "fakevendor", field: "options.apiKey" });
    expect((thrown as Error).message).toMatch(message);
  });

  it("says what the credential is when told, and never echoes the value", () => {
    const described = { ...site, description: "the Fake API key" };
    expect(() => requireCredential(undefined, described)).toThrow(
      /is required: pass the Fake API key/,
    );
    expect(() => requireCredential(7, described)).toThrow(
      /must be a string \(the Fake API key\), got number/,
    );
    expect(() => requireCredential("secret value", described)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("secret value") }),
    );
  });

  it("refuses characters beyond Latin-1 only for a credential sent as a raw header", () => {
    const key = "ключ-0123";
    expect(requireCredential(key, site)).toBe(key);
    const error = (() => {
      try {
        requireCredential(key, { ...site, header: true });
      } catch (caught) {
        return caught as ClientValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error!.problem).toBe("holds characters an HTTP header cannot carry");
    expect(error!.message).not.toContain("ключ");
  });
});

describe("requireOptionsObject", () => {
  it.each([undefined, null, "key", []])("refuses %j as options", (options) => {
    expect(() =>
      requireOptionsObject(options, { vendor: "fakevendor", operation: "createFakeClient" }),
    ).toThrow(
      /fakevendor createFakeClient: options must be an object with the client's credentials/,
    );
  });

  it("accepts a plain object and uses the expected shape in its message", () => {
    const where = { vendor: "fakevendor", operation: "createFakeClient" };
    expect(() => requireOptionsObject({ apiKey: "k" }, where)).not.toThrow();
    expect(() => requireOptionsObject(1, where, "an object with at least { apiKey }")).toThrow(
      /options must be an object with at least \{ apiKey \}/,
    );
  });
});
