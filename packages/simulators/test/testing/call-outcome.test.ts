import { describe, expect, it } from "vitest";
import { outcomeOf, secretLeaks } from "../../src/testing/call-outcome";

describe("outcomeOf", () => {
  it("keeps the value or the error", async () => {
    expect(await outcomeOf(async () => 42)).toEqual({ data: 42 });
    const error = new Error("no");
    expect(await outcomeOf(async () => Promise.reject(error))).toEqual({ error });
  });
});

describe("secretLeaks", () => {
  const secret = "sk_live_abc123";

  it("finds a secret in an error's message, stack, inspect and JSON views", () => {
    const error = Object.assign(new Error(`bad key ${secret}`), { detail: { key: secret } });
    const leaks = secretLeaks(error, ["unrelated", secret]);
    expect(leaks).toEqual(
      expect.arrayContaining(["message shows secret #1", "inspect shows secret #1"]),
    );
    expect(leaks.join(" ")).not.toContain(secret);
  });

  it("finds a secret in a plain payload and reports nothing when it is absent", () => {
    expect(secretLeaks({ url: `https://x.test/?apiKey=${secret}` }, [secret])).toEqual([
      "inspect shows secret #0",
      "JSON shows secret #0",
    ]);
    expect(secretLeaks(new Error("bad key [REDACTED]"), [secret])).toEqual([]);
  });
});
