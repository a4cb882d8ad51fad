import { describe, expect, it } from "vitest";
import { localeFrom, namesFrom, splitName, toE164 } from "../../src/identity/index";

// The edges of the phone, locale and name normalisers: what a directory shows for each vendor value.

describe("toE164 with a configured country code", () => {
  it("accepts one to three digits, with or without a plus", () => {
    expect(toE164("2345 6789", { countryCode: "1" })).toBe("+123456789");
    expect(toE164("2345 6789", { countryCode: "+358" })).toBe("+35823456789");
  });

  it("refuses a malformed country code rather than repairing it", () => {
    for (const countryCode of ["1234", "0", "x1", "6+1", ""]) {
      expect(toE164("2345 6789", { countryCode }), countryCode).toBeNull();
    }
  });

  it("needs a country code for a national number, however short", () => {
    expect(toE164("5550123")).toBeNull();
    expect(toE164("2345 6789", { trunkPrefix: "0" })).toBeNull();
  });

  it("drops the trunk prefix only when the number starts with it", () => {
    expect(toE164("412 345 678", { countryCode: "61", trunkPrefix: "0" })).toBe("+61412345678");
    expect(toE164("0412 345 678", { countryCode: "61", trunkPrefix: "" })).toBe("+610412345678");
    expect(toE164("06 1234 5678", { countryCode: "39", trunkPrefix: "" })).toBe("+390612345678");
  });

  it("accepts 8 to 15 digits and nothing outside that", () => {
    expect(toE164("+1234567")).toBeNull();
    expect(toE164("+12345678")).toBe("+12345678");
    expect(toE164("+123456789012345")).toBe("+123456789012345");
    expect(toE164("+1234567890123456")).toBeNull();
  });

  it("ignores padding around the number", () => {
    expect(toE164("  +61 412 345 678\n")).toBe("+61412345678");
  });
});

describe("localeFrom at the edges", () => {
  it("ignores padding and a POSIX modifier", () => {
    expect(localeFrom(" en_US ")).toEqual({ tag: "en-US", raw: " en_US " });
    expect(localeFrom("de_DE@euro").tag).toBe("de-DE");
    expect(localeFrom("   ")).toEqual({ tag: null, raw: "   " });
    expect(localeFrom(".UTF-8").tag).toBeNull();
  });
});

describe("splitName at the edges", () => {
  it("collapses runs of whitespace and padding", () => {
    expect(splitName("  Jane \t  Smith ")).toEqual({ given: "Jane", family: "Smith" });
    expect(splitName("  Cher ")).toEqual({ given: "Cher", family: null });
    expect(splitName("Mary Ann van Dyke")).toEqual({ given: "Mary", family: "Ann van Dyke" });
  });

  it("gives nothing for a blank name", () => {
    expect(splitName("")).toEqual({ given: null, family: null });
    expect(splitName("   ")).toEqual({ given: null, family: null });
  });

  it("splits at a comma even when one side is empty", () => {
    expect(splitName(", Jane")).toEqual({ given: "Jane", family: null });
    expect(splitName("Smith ,")).toEqual({ given: null, family: "Smith" });
    expect(splitName("van Dyke , Mary Ann")).toEqual({ given: "Mary Ann", family: "van Dyke" });
  });
});

describe("namesFrom at the edges", () => {
  it("derives a display name from one part alone", () => {
    expect(namesFrom({ given: "Rod" })).toEqual({
      display: "Rod",
      given: "Rod",
      family: null,
      derived: ["display"],
    });
    expect(namesFrom({ family: "Lewis" })).toEqual({
      display: "Lewis",
      given: null,
      family: "Lewis",
      derived: ["display"],
    });
  });

  it("keeps every name the vendor gave, deriving nothing", () => {
    expect(namesFrom({ full: "Dr Jane Smith", given: "Jane", family: "Smith" })).toEqual({
      display: "Dr Jane Smith",
      given: "Jane",
      family: "Smith",
      derived: [],
    });
    expect(namesFrom({ full: "Jane Q Smith", given: "Jane" })).toEqual({
      display: "Jane Q Smith",
      given: "Jane",
      family: null,
      derived: [],
    });
  });

  it("lists only the parts a split actually found", () => {
    expect(namesFrom({ full: "Cher" }).derived).toEqual(["given"]);
    expect(namesFrom({ full: "Smith," })).toMatchObject({
      given: null,
      family: "Smith",
      derived: ["family"],
    });
  });
});
