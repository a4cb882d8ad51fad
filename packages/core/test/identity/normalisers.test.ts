import { describe, expect, it } from "vitest";
import {
  RAILS_TIME_ZONES,
  defineAccount,
  isoFromEpochMs,
  localeFrom,
  namesFrom,
  phone,
  roleFrom,
  splitName,
  timestampFrom,
  timestampFromIso,
  timezoneFromIana,
  timezoneFromName,
  timezoneFromOffset,
  timezoneFromRails,
  timezoneUnknown,
  toE164,
} from "../../src/identity/index";

describe("toE164", () => {
  it("accepts numbers that carry their country code", () => {
    expect(toE164("+61 4-1234 5678")).toBe("+61412345678");
    expect(toE164("+31612345678")).toBe("+31612345678");
    expect(toE164("0031 6 1234 5678")).toBe("+31612345678");
  });

  it("reads OpsGenie's code-dash-number form only when told it is international", () => {
    expect(toE164("1-9999999999")).toBeNull();
    expect(toE164("1-9999999999", { assumeInternational: true })).toBe("+19999999999");
  });

  it("prepends a given country code, dropping a trunk prefix only when told", () => {
    expect(toE164("0412 345 678", { countryCode: "+61", trunkPrefix: "0" })).toBe("+61412345678");
    expect(toE164("06 1234 5678", { countryCode: "39" })).toBe("+390612345678");
  });

  it("refuses what it cannot honestly convert", () => {
    expect(toE164("0412 345 678")).toBeNull();
    expect(toE164("+1 555 CALL NOW")).toBeNull();
    expect(toE164("+1 555 123 4567 ext 9")).toBeNull();
    expect(toE164("+0123456789")).toBeNull();
    expect(toE164("+1234567890123456")).toBeNull();
    expect(toE164("")).toBeNull();
    expect(toE164(null)).toBeNull();
  });

  it("phone() keeps the raw value and skips blanks", () => {
    expect(phone("+31 6 1234 5678")).toEqual({ raw: "+31 6 1234 5678", e164: "+31612345678" });
    expect(phone("  ")).toBeNull();
    expect(phone(undefined)).toBeNull();
  });
});

describe("time zones", () => {
  it("checks IANA ids with Intl", () => {
    expect(timezoneFromIana("America/New_York")).toEqual({
      iana: "America/New_York",
      raw: "America/New_York",
      precision: "exact",
      utcOffsetMinutes: null,
    });
    expect(timezoneFromIana("Mars/Olympus_Mons").precision).toBe("unknown");
    expect(timezoneFromIana("").precision).toBe("unknown");
    expect(timezoneFromIana(null)).toMatchObject({ iana: null, raw: null, precision: "unknown" });
  });

  it("maps Rails names", () => {
    expect(timezoneFromRails("Eastern Time (US & Canada)")).toMatchObject({
      iana: "America/New_York",
      precision: "mapped",
    });
    expect(timezoneFromRails("Pacific Time (US & Canada)").iana).toBe("America/Los_Angeles");
    expect(timezoneFromRails("London").iana).toBe("Europe/London");
    expect(timezoneFromRails("UTC").iana).toBe("Etc/UTC");
    expect(timezoneFromRails("Nowhere").precision).toBe("unknown");
  });

  it("ships the full Rails table, every value a zone Intl knows", () => {
    const entries = Object.entries(RAILS_TIME_ZONES);
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const [name, iana] of entries) {
      expect(timezoneFromIana(iana).precision, `${name} → ${iana}`).toBe("exact");
    }
  });

  it("takes Rootly's either-form time_zone", () => {
    expect(timezoneFromName("Europe/Berlin").precision).toBe("exact");
    expect(timezoneFromName("Berlin")).toMatchObject({
      iana: "Europe/Berlin",
      precision: "mapped",
    });
  });

  it("reads Uptrends offsets without inventing a zone", () => {
    expect(timezoneFromOffset("+10:00")).toMatchObject({
      iana: null,
      precision: "offset",
      utcOffsetMinutes: 600,
    });
    expect(timezoneFromOffset("(UTC+10:00) Canberra, Melbourne, Sydney")).toMatchObject({
      iana: null,
      utcOffsetMinutes: 600,
    });
    expect(timezoneFromOffset("GMT-06:00* Central time")).toMatchObject({
      iana: null,
      utcOffsetMinutes: -360,
    });
    expect(timezoneFromOffset("GMT-04:00# Brazil West, Chile, Paraguay").utcOffsetMinutes).toBe(
      -240,
    );
    expect(timezoneFromOffset("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi")).toMatchObject({
      iana: "Asia/Kolkata",
      utcOffsetMinutes: 330,
    });
    expect(timezoneFromOffset(-360)).toMatchObject({ precision: "offset", utcOffsetMinutes: -360 });
    expect(timezoneFromOffset("sometime").precision).toBe("unknown");
    expect(timezoneFromOffset("+25:00").precision).toBe("unknown");
    expect(timezoneFromOffset(undefined).precision).toBe("unknown");
  });
});

describe("localeFrom", () => {
  it("turns POSIX locales into BCP 47", () => {
    expect(localeFrom("en_US")).toEqual({ tag: "en-US", raw: "en_US" });
    expect(localeFrom("pt_br")).toEqual({ tag: "pt-BR", raw: "pt_br" });
    expect(localeFrom("de_DE.UTF-8").tag).toBe("de-DE");
  });

  it("gives null for invalid or missing values, keeping raw", () => {
    expect(localeFrom("not a locale!")).toEqual({ tag: null, raw: "not a locale!" });
    expect(localeFrom("")).toEqual({ tag: null, raw: "" });
    expect(localeFrom(null)).toEqual({ tag: null, raw: null });
  });
});

describe("timestamps", () => {
  it("turns epoch milliseconds into UTC ISO", () => {
    expect(isoFromEpochMs(1472023687693)).toEqual({
      iso: "2016-08-24T07:28:07.693Z",
      zone: "utc",
      raw: 1472023687693,
    });
    expect(isoFromEpochMs(Number.NaN)).toBeNull();
    expect(isoFromEpochMs(1e20)).toBeNull();
  });

  it("normalises ISO strings with an offset to UTC", () => {
    expect(timestampFromIso("2021-12-16T03:17:35.170Z")?.iso).toBe("2021-12-16T03:17:35.170Z");
    expect(timestampFromIso("2021-12-16T13:17:35+10:00")?.iso).toBe("2021-12-16T03:17:35.000Z");
  });

  it("keeps offset-less Uptrends times as given, marked local", () => {
    expect(timestampFromIso("2023-01-24T13:42:18")).toEqual({
      iso: "2023-01-24T13:42:18",
      zone: "local",
      raw: "2023-01-24T13:42:18",
    });
  });

  it("rejects impossible or malformed values", () => {
    expect(timestampFromIso("2023-02-30T00:00:00Z")).toBeNull();
    expect(timestampFromIso("2023-01-24T25:00:00")).toBeNull();
    expect(timestampFromIso("yesterday")).toBeNull();
    expect(timestampFromIso(null)).toBeNull();
    expect(timestampFrom(true)).toBeNull();
    expect(timestampFrom(0)?.iso).toBe("1970-01-01T00:00:00.000Z");
  });
});

describe("names", () => {
  it("splits full names and says so", () => {
    expect(splitName("Jane Smith")).toEqual({ given: "Jane", family: "Smith" });
    expect(splitName("Smith, Jane")).toEqual({ given: "Jane", family: "Smith" });
    expect(splitName("Cher")).toEqual({ given: "Cher", family: null });
    expect(namesFrom({ full: " John  Smith " })).toEqual({
      display: "John Smith",
      given: "John",
      family: "Smith",
      derived: ["given", "family"],
    });
  });

  it("joins given and family names into a derived display name", () => {
    expect(namesFrom({ given: "Rod", family: "Lewis" })).toEqual({
      display: "Rod Lewis",
      given: "Rod",
      family: "Lewis",
      derived: ["display"],
    });
  });

  it("treats missing and blank names as unknown", () => {
    expect(namesFrom({ full: null, given: "  " })).toEqual({
      display: null,
      given: null,
      family: null,
      derived: [],
    });
  });
});

describe("account builders", () => {
  it("maps vendor roles case-insensitively, keeping custom roles as unknown", () => {
    const table = { Owner: "owner", Admin: "admin", User: "member" } as const;
    expect(roleFrom("admin", table)).toEqual({ level: "admin", raw: "admin" });
    expect(roleFrom("Stakeholder", table)).toEqual({ level: "unknown", raw: "Stakeholder" });
    expect(roleFrom(null, table)).toEqual({ level: "unknown", raw: null });
    expect(roleFrom(undefined, table)).toEqual({ level: "unknown", raw: null });
    expect(roleFrom(" Admin\n", table)).toEqual({ level: "admin", raw: " Admin\n" });
  });

  it("knows nothing about a record an adapter gave only its source and raw value", () => {
    const source = { vendor: "rootly", kind: "rootly.user", id: "1" };
    expect(defineAccount({ source, raw: null })).toEqual({
      source,
      emails: [],
      names: { display: null, given: null, family: null, derived: [] },
      phones: [],
      timezone: timezoneUnknown(),
      locale: { tag: null, raw: null },
      status: "unknown",
      role: { level: "unknown", raw: null },
      groups: [],
      createdAt: null,
      lastLoginAt: null,
      extras: {},
      raw: null,
      provenance: {},
    });
  });

  it("fills every field an adapter leaves out", () => {
    const built = defineAccount({
      source: { vendor: "rootly", kind: "rootly.user", id: "1" },
      raw: { id: "1" },
      phones: [phone(""), phone("+61400000000")],
    });
    expect(built).toMatchObject({
      emails: [],
      phones: [{ raw: "+61400000000", e164: "+61400000000" }],
      timezone: { precision: "unknown" },
      status: "unknown",
      role: { level: "unknown" },
      createdAt: null,
    });
  });
});
