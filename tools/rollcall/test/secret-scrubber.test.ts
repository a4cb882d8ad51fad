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
});
