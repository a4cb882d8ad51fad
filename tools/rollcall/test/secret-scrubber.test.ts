import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { describeFailure, SecretScrubber } from "../src/secret-scrubber";

describe("SecretScrubber", () => {
  it("removes every known secret, also URL-encoded", () => {
    const scrubber = new SecretScrubber();
    scrubber.add(["k3y/with+chars", "tok_abcdef"]);
    const text = "GET /v1?apiKey=k3y%2Fwith%2Bchars failed; body k3y/with+chars; tok_abcdef";
    const scrubbed = scrubber.scrubKnown(text);
    expect(scrubbed).not.toContain("k3y");
    expect(scrubbed).not.toContain("tok_abcdef");
    expect(scrubbed).toContain("[REDACTED]");
  });

  it("removes credential shapes it was not told about", () => {
    const scrubber = new SecretScrubber();
    const text =
      "https://x.example/u?apiKey=abc123&limit=5 Authorization: Bearer eyJhbGciOi.x Basic dXNlcjpwYXNz https://user:pw@host.example/";
    const scrubbed = scrubber.scrub(text);
    for (const secret of ["abc123", "eyJhbGciOi", "dXNlcjpwYXNz", "user:pw"]) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain("limit=5");
  });

  it("never shows what it holds", () => {
    const scrubber = new SecretScrubber();
    scrubber.add(["s3cret-value"]);
    expect(JSON.stringify(scrubber)).not.toContain("s3cret-value");
    expect(inspect(scrubber)).not.toContain("s3cret-value");
  });

  it("describes a failure on one line with the cause, secrets removed", () => {
    const scrubber = new SecretScrubber();
    scrubber.add(["s3cret-value"]);
    const error = new Error("request to https://h.example/?key=s3cret-value\nfailed", {
      cause: new Error("ECONNREFUSED s3cret-value"),
    });
    const line = describeFailure(error, scrubber);
    expect(line).not.toContain("\n");
    expect(line).not.toContain("s3cret-value");
    expect(line).toMatch(/^Error: request to .* failed \(ECONNREFUSED \[REDACTED\]\)$/);
  });

  it("removes a secret that contains another one whole, and ignores secrets too short to matter", () => {
    const scrubber = new SecretScrubber();
    scrubber.add(["abcd", "xyz"]);
    scrubber.add(["abcd1234efgh"]);
    expect(scrubber.scrubKnown("key abcd1234efgh; short abcd; xyz")).toBe(
      "key [REDACTED]; short [REDACTED]; xyz",
    );
  });

  it.each([
    "apiKey",
    "api_key",
    "api-key",
    "APIKEY",
    "key",
    "token",
    "access_token",
    "password",
    "secret",
  ])("removes a %s= query value, up to the next parameter", (name) => {
    const scrubber = new SecretScrubber();
    expect(scrubber.scrub(`GET https://h.example/v1?limit=5&${name}=s3cr3t&offset=0 failed`)).toBe(
      `GET https://h.example/v1?limit=5&${name}=[REDACTED]&offset=0 failed`,
    );
    expect(scrubber.scrub(`/v1;${name}=s3cr3t#top`)).toBe(`/v1;${name}=[REDACTED]#top`);
    expect(scrubber.scrub(`"/v1?${name}=s3cr3t" 'x?${name}=s3cr3t' ?${name}=s3cr3t end`)).toBe(
      `"/v1?${name}=[REDACTED]" 'x?${name}=[REDACTED]' ?${name}=[REDACTED] end`,
    );
  });

  it("leaves a parameter that only ends like a credential name alone", () => {
    const scrubber = new SecretScrubber();
    expect(scrubber.scrub("/v1?monkey=1&tokens=2")).toBe("/v1?monkey=1&tokens=2");
  });

  it.each(["Bearer", "Basic", "GenieKey", "Token"])(
    "removes an %s credential, whatever its characters",
    (scheme) => {
      const scrubber = new SecretScrubber();
      expect(scrubber.scrub(`Authorization: ${scheme}  aB3._~+/=-x9 rest`)).toBe(
        `Authorization: ${scheme} [REDACTED] rest`,
      );
    },
  );

  it("removes user:password@ from a URL of any scheme, keeping the host", () => {
    const scrubber = new SecretScrubber();
    expect(scrubber.scrub("see HTTPS://ann:pw@h.example/x and svn+ssh://bob:@git.example/")).toBe(
      "see HTTPS://[REDACTED]@h.example/x and svn+ssh://[REDACTED]@git.example/",
    );
  });

  it("describes what was thrown: a bare error by its name, a cause it already says only once", () => {
    const scrubber = new SecretScrubber();
    expect(describeFailure(new TypeError(""), scrubber)).toBe("TypeError");
    const cause = new Error("connect ECONNREFUSED");
    const said = new Error("fetch failed: connect ECONNREFUSED", { cause });
    expect(describeFailure(said, scrubber)).toBe("Error: fetch failed: connect ECONNREFUSED");
    expect(describeFailure(new Error("x", { cause: "not an error" }), scrubber)).toBe("Error: x");
    expect(describeFailure(new Error("x", { cause: new Error("") }), scrubber)).toBe("Error: x");
    expect(describeFailure("  plain\t text\n ", scrubber)).toBe("plain text");
    expect(describeFailure("GET /x?token=abc", scrubber)).toBe("GET /x?token=[REDACTED]");
  });
});
