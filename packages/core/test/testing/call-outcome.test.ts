import { describe, expect, it } from "vitest";
import { outcomeOf, secretLeaks, thrownBy } from "../../src/testing/call-outcome";

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

describe("thrownBy", () => {
  class InputError extends Error {}
  const refuse = (): never => {
    throw new InputError("bad input");
  };

  it("returns the error of the expected class", () => {
    const error = thrownBy(refuse, InputError);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe("bad input");
  });

  it("fails when the call returned, returned a promise, or threw something else", () => {
    expect(() => thrownBy(() => 42, InputError)).toThrow(
      /InputError to be thrown, but the call returned/,
    );
    expect(() => thrownBy(() => Promise.reject(new InputError("late")), InputError)).toThrow(
      /at once, but the call returned a promise/,
    );
    expect(() => thrownBy(() => JSON.parse("{"), InputError)).toThrow(/got SyntaxError/);
  });
});
