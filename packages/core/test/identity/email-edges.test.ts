import { describe, expect, it } from "vitest";
import {
  IdentityError,
  emailRejection,
  normalizeEmail,
  parseEmail,
} from "../../src/identity/index";

// The edges of address parsing and the opt-in Gmail matching rules.

describe("Gmail matching options", () => {
  it("applies only the rule asked for", () => {
    const address = "J.Smith+ops@gmail.com";
    expect(normalizeEmail(address, { gmail: { ignoreDots: true } })).toBe("jsmith+ops@gmail.com");
    expect(normalizeEmail(address, { gmail: { ignorePlusTags: true } })).toBe("j.smith@gmail.com");
    expect(normalizeEmail(address, { gmail: { ignoreDots: true, ignorePlusTags: true } })).toBe(
      "jsmith@gmail.com",
    );
  });

  it("changes nothing when no rule is on, not even googlemail.com", () => {
    expect(normalizeEmail("J.Smith+ops@googlemail.com", { gmail: {} })).toBe(
      "j.smith+ops@googlemail.com",
    );
    expect(normalizeEmail("J.Smith+ops@googlemail.com", {})).toBe("j.smith+ops@googlemail.com");
    expect(
      normalizeEmail("j.smith@googlemail.com", {
        gmail: { ignoreDots: false, ignorePlusTags: false },
      }),
    ).toBe("j.smith@googlemail.com");
  });

  it("keeps a local part that starts with '+' whole", () => {
    expect(normalizeEmail("+ops@gmail.com", { gmail: { ignorePlusTags: true } })).toBe(
      "+ops@gmail.com",
    );
  });
});

describe("address limits", () => {
  it("allows a 64-character local part and refuses a longer one", () => {
    expect(emailRejection(`${"a".repeat(64)}@example.com`)).toBeNull();
    expect(emailRejection(`${"a".repeat(65)}@example.com`)).toBe("bad-local-part");
  });

  it("calls only addresses over 320 characters too long", () => {
    const domainOf = (length: number) => `${"b".repeat(length - 4)}.com`;
    expect(emailRejection(`${"a".repeat(64)}@${domainOf(255)}`)).toBe("bad-domain");
    expect(emailRejection(`${"a".repeat(65)}@${domainOf(255)}`)).toBe("too-long");
  });

  it("accepts a top-level label that merely ends in a digit", () => {
    expect(normalizeEmail("ops@build.server1")).toBe("ops@build.server1");
    expect(emailRejection("ops@10.0.0.1")).toBe("bad-domain");
  });

  it("drops characters IDNA ignores, so the address matches its plain form", () => {
    expect(normalizeEmail("a@\u00adexample.com")).toBe("a@example.com");
  });

  it("lower-cases every address, whatever its shape", () => {
    expect(normalizeEmail("M@example.com")).toBe("m@example.com");
    expect(normalizeEmail("x.com@X.COM")).toBe("x.com@x.com");
  });

  it("names the field 'email' in the error when no path is given", () => {
    let caught: unknown;
    try {
      parseEmail("no-at-sign");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IdentityError);
    expect((caught as IdentityError).path).toBe("email");
    expect((caught as IdentityError).message).toBe("email: the email address has no '@'");
  });
});
