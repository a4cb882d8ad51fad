import { describe, expect, it } from "vitest";
import {
  IdentityError,
  email,
  emailKey,
  emailRejection,
  isValidEmail,
  normalizeEmail,
  parseEmail,
  sameEmail,
} from "../../src/identity/index";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Jane.Smith@Example.COM \n")).toBe("jane.smith@example.com");
  });

  it("makes NFC and NFD spellings of the same name equal", () => {
    const nfc = "Jos\u00e9@example.com";
    const nfd = "Jose\u0301@example.com";
    expect(nfc).not.toBe(nfd);
    expect(normalizeEmail(nfd)).toBe(normalizeEmail(nfc));
    expect(normalizeEmail(nfc)).toBe("jos\u00e9@example.com");
  });

  it("converts an internationalised domain to punycode", () => {
    expect(normalizeEmail("info@Bücher.example")).toBe("info@xn--bcher-kva.example");
    expect(normalizeEmail("info@xn--bcher-kva.example")).toBe("info@xn--bcher-kva.example");
  });

  it("keeps Cyrillic look-alike letters distinct from Latin ones", () => {
    const latin = normalizeEmail("anna@apple.com");
    const cyrillicDomain = normalizeEmail("anna@\u0430pple.com");
    const cyrillicLocal = normalizeEmail("\u0430nna@apple.com");
    expect(cyrillicDomain).toBe("anna@xn--pple-43d.com");
    expect(cyrillicDomain).not.toBe(latin);
    expect(cyrillicLocal).not.toBe(latin);
  });

  it("leaves Gmail dots and +tags alone unless asked", () => {
    expect(normalizeEmail("J.Smith+ops@gmail.com")).toBe("j.smith+ops@gmail.com");
    expect(
      normalizeEmail("J.Smith+ops@googlemail.com", {
        gmail: { ignoreDots: true, ignorePlusTags: true },
      }),
    ).toBe("jsmith@gmail.com");
    expect(
      normalizeEmail("j.smith+ops@example.com", {
        gmail: { ignoreDots: true, ignorePlusTags: true },
      }),
    ).toBe("j.smith+ops@example.com");
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["no-at-sign", "missing-at"],
    ["@example.com", "bad-local-part"],
    ["a..b@example.com", "bad-local-part"],
    [".a@example.com", "bad-local-part"],
    ["a b@example.com", "bad-local-part"],
    ["a@", "bad-domain"],
    ["a@localhost", "bad-domain"],
    ["a@1.2.3.4", "bad-domain"],
    ["a@exa mple.com", "bad-domain"],
    ["a@example.com/path", "bad-domain"],
    ["a@-bad.com", "bad-domain"],
  ])("rejects %j (%s)", (value, reason) => {
    expect(normalizeEmail(value)).toBeNull();
    expect(isValidEmail(value)).toBe(false);
    expect(emailRejection(value)).toBe(reason);
  });

  it("rejects values that are not strings", () => {
    expect(normalizeEmail(null)).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
    expect(normalizeEmail(42)).toBeNull();
    expect(emailRejection({})).toBe("not-a-string");
  });
});

describe("parseEmail", () => {
  it("splits a valid address", () => {
    expect(parseEmail(" Ops@Bücher.example ")).toEqual({
      address: "ops@xn--bcher-kva.example",
      local: "ops",
      domain: "xn--bcher-kva.example",
    });
  });

  it("throws a typed error saying what and where", () => {
    let caught: unknown;
    try {
      parseEmail("jane@@", "argv[1]");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IdentityError);
    expect((caught as IdentityError).code).toBe("invalid-email");
    expect((caught as IdentityError).path).toBe("argv[1]");
    expect((caught as IdentityError).message).toMatch(/^argv\[1\]: /);
  });
});

describe("email()", () => {
  it("keeps the value as received and normalises once", () => {
    expect(email(" Jane@Example.com", "login")).toEqual({
      value: " Jane@Example.com",
      normalized: "jane@example.com",
      kind: "login",
    });
  });

  it("keeps a malformed value with a null normalised form instead of throwing", () => {
    expect(email("not an email", "contact")).toEqual({
      value: "not an email",
      normalized: null,
      kind: "contact",
    });
  });
});

describe("normalizeEmail fast path for plain ASCII addresses", () => {
  it("returns an already-normal address unchanged", () => {
    const address = "jane.smith+ops@corp-1.example.com";
    expect(normalizeEmail(address)).toBe(address);
    expect(parseEmail(address)).toEqual({
      address,
      local: "jane.smith+ops",
      domain: "corp-1.example.com",
    });
  });

  it("still applies Unicode normalisation and IDNA when any character is not ASCII", () => {
    expect(normalizeEmail(" JOSE\u0301@BÜCHER.example")).toBe("jos\u00e9@xn--bcher-kva.example");
    expect(normalizeEmail("\u0130nfo@example.com")).toBe("i\u0307nfo@example.com");
  });

  it("still validates punycode labels and rejects hex-number top-level labels", () => {
    expect(normalizeEmail("info@xn--bcher-kva.example")).toBe("info@xn--bcher-kva.example");
    // Whether a malformed punycode label ("xn--zz") is refused is up to the platform's IDNA (Node 20
    // refuses it, Node 24 keeps it), so it is not asserted here.
    expect(emailRejection("ops@host.0x1f")).toBe("bad-domain");
    expect(emailRejection("ops@host.0x")).toBe("bad-domain");
    expect(normalizeEmail("ops@host.0xg")).toBe("ops@host.0xg");
  });

  it("rejects malformed ASCII addresses with the same reasons", () => {
    expect(emailRejection("plain")).toBe("missing-at");
    expect(emailRejection("a..b@example.com")).toBe("bad-local-part");
    expect(emailRejection("a@example")).toBe("bad-domain");
    expect(emailRejection("a@-bad.example")).toBe("bad-domain");
    expect(emailRejection("a@example.com.")).toBe("bad-domain");
    expect(emailRejection("a@10.0.0.1")).toBe("bad-domain");
  });
});

describe("sameEmail", () => {
  it("matches NFD and NFC spellings, any case, and a Unicode domain against its punycode", () => {
    expect(sameEmail("Jose\u0301@Example.com ", "jos\u00e9@example.com")).toBe(true);
    expect(sameEmail("ana@B\u00fccher.example", "ana@xn--bcher-kva.example")).toBe(true);
    expect(sameEmail("ana@bucher.example", "ana@xn--bcher-kva.example")).toBe(false);
  });

  it("compares a malformed value with itself, trimmed, and never with a well-formed address", () => {
    expect(emailKey(" not an address ")).toBe("not an address");
    expect(sameEmail("no-at-sign", " no-at-sign")).toBe(true);
    expect(sameEmail("no-at-sign", "no-at-sign@example.com")).toBe(false);
  });
});

describe("emailRejection at the limits", () => {
  const label = (length: number) => "a".repeat(length);
  it.each([
    [`${label(64)}@example.com`, null],
    [`${label(65)}@example.com`, "bad-local-part"],
    [`a@${label(63)}.com`, null],
    [`a@${label(64)}.com`, "bad-domain"],
    [`a@${[label(63), label(63), label(63), label(58)].join(".")}.io`, null],
    [`a@${[label(63), label(63), label(63), label(59)].join(".")}.io`, "bad-domain"],
    [`${label(64)}@${[label(63), label(63), label(63), label(61)].join(".")}`, null],
    [`${label(64)}@${[label(63), label(63), label(63), label(61)].join(".")}x`, "bad-domain"],
    ["", "empty"],
    ["   ", "empty"],
    ["@example.com", "bad-local-part"],
    [".a@example.com", "bad-local-part"],
    ['"a"@example.com', "bad-local-part"],
    ["a b@example.com", "bad-local-part"],
    ["a@b@example.com", "bad-local-part"],
    ["a@b_c.example", "bad-domain"],
    ["a@example-.com", "bad-domain"],
    ["a@ex-ample.com", null],
    ["a@example.c0m", null],
    ["a@example.123", "bad-domain"],
  ])("%s → %s", (value, reason) => {
    expect(emailRejection(value)).toBe(reason);
    expect(isValidEmail(value)).toBe(reason === null);
  });

  it("counts the whole address, at most 320 characters", () => {
    const domain = [label(63), label(63), label(63), label(61)].join(".");
    expect(`${label(64)}@${domain}`).toHaveLength(318);
    expect(emailRejection(` ${label(64)}@${domain} `)).toBeNull();
    expect(emailRejection(`${label(400)}@example.com`)).toBe("too-long");
  });

  it("gives each rejection its own message naming where it was", () => {
    const messages = new Set<string>();
    for (const value of [42, "", "plain", "@example.com", "a@example", "a".repeat(321)]) {
      try {
        parseEmail(value, "records[3].email");
      } catch (error) {
        expect(error).toMatchObject({ code: "invalid-email", path: "records[3].email" });
        messages.add((error as Error).message);
      }
    }
    expect(messages.size).toBe(6);
  });
});

describe("IdentityError", () => {
  it("prefixes the message with where the bad value was, and only when it is known", () => {
    const located = new IdentityError("invalid-option", "must be a list", "aliases[0]");
    expect(located).toMatchObject({ name: "IdentityError", message: "aliases[0]: must be a list" });
    const unlocated = new IdentityError("invalid-option", "must be a list");
    expect(unlocated).toMatchObject({ name: "IdentityError", message: "must be a list" });
    expect(unlocated.path).toBeUndefined();
  });
});
