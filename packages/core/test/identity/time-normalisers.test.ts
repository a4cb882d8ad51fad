import { describe, expect, it } from "vitest";
import {
  isoFromEpochMs,
  timestampFrom,
  timestampFromIso,
  timezoneFromIana,
  timezoneFromRails,
  timezoneFromOffset,
} from "../../src/identity/index";

// The edges of the zone and timestamp normalisers: what a directory shows for each vendor's value.

describe("IANA zones as vendors spell them", () => {
  it("gives the canonical spelling whatever the case, and UTC as UTC", () => {
    expect(timezoneFromIana("america/new_york")).toEqual({
      iana: "America/New_York",
      raw: "america/new_york",
      precision: "exact",
      utcOffsetMinutes: null,
    });
    expect(timezoneFromIana("EUROPE/BERLIN").iana).toBe("Europe/Berlin");
    expect(timezoneFromIana("utc").iana).toBe("UTC");
    expect(timezoneFromIana("UTC").iana).toBe("UTC");
  });

  it("ignores padding around the id but keeps the raw value untouched", () => {
    expect(timezoneFromIana("  Europe/London ")).toMatchObject({
      iana: "Europe/London",
      raw: "  Europe/London ",
      precision: "exact",
    });
  });

  it("gives the same answer when asked again", () => {
    expect(timezoneFromIana("asia/tokyo").iana).toBe("Asia/Tokyo");
    expect(timezoneFromIana("asia/tokyo").iana).toBe("Asia/Tokyo");
    expect(timezoneFromIana("Atlantis/Lost").precision).toBe("unknown");
    expect(timezoneFromIana("Atlantis/Lost").precision).toBe("unknown");
  });

  it("does not take an offset for a zone id", () => {
    expect(timezoneFromIana("+10:00")).toMatchObject({ iana: null, precision: "unknown" });
  });
});

describe("Rails zone names", () => {
  it("ignore padding and case, and a missing name is unknown", () => {
    expect(timezoneFromRails("  london ")).toMatchObject({
      iana: "Europe/London",
      raw: "  london ",
      precision: "mapped",
    });
    expect(timezoneFromRails(null)).toEqual({
      iana: null,
      raw: null,
      precision: "unknown",
      utcOffsetMinutes: null,
    });
    expect(timezoneFromRails(undefined).raw).toBeNull();
  });
});

describe("UTC offsets", () => {
  it("accepts minutes east of UTC up to ±14 hours, whole minutes only", () => {
    expect(timezoneFromOffset(840)).toEqual({
      iana: null,
      raw: 840,
      precision: "offset",
      utcOffsetMinutes: 840,
    });
    expect(timezoneFromOffset(-840).utcOffsetMinutes).toBe(-840);
    expect(timezoneFromOffset(841)).toMatchObject({ precision: "unknown", raw: 841 });
    expect(timezoneFromOffset(-900).precision).toBe("unknown");
    expect(timezoneFromOffset(90.5).precision).toBe("unknown");
  });

  it("reports a zero offset as plain 0, never -0", () => {
    expect(Object.is(timezoneFromOffset(-0).utcOffsetMinutes, 0)).toBe(true);
    expect(Object.is(timezoneFromOffset("-00:00").utcOffsetMinutes, 0)).toBe(true);
  });

  it("reads bare UTC and GMT as offset zero", () => {
    for (const raw of ["UTC", "gmt", "(UTC)", "( GMT )", " UTC "]) {
      expect(timezoneFromOffset(raw), raw).toEqual({
        iana: null,
        raw,
        precision: "offset",
        utcOffsetMinutes: 0,
      });
    }
    expect(timezoneFromOffset("Not UTC").precision).toBe("unknown");
    expect(timezoneFromOffset("UTCX").precision).toBe("unknown");
  });

  it("reads hour-only and compact offsets", () => {
    expect(timezoneFromOffset("UTC+10")).toMatchObject({ utcOffsetMinutes: 600, iana: null });
    expect(timezoneFromOffset("-0430").utcOffsetMinutes).toBe(-270);
    expect(timezoneFromOffset(" +05:45 ").utcOffsetMinutes).toBe(345);
  });

  it("rejects minutes past 59 and offsets past ±14 hours", () => {
    expect(timezoneFromOffset("+14:00").utcOffsetMinutes).toBe(840);
    expect(timezoneFromOffset("+14:01")).toMatchObject({ precision: "unknown", raw: "+14:01" });
    expect(timezoneFromOffset("+15:00").precision).toBe("unknown");
    expect(timezoneFromOffset("+10:60").precision).toBe("unknown");
    expect(timezoneFromOffset("+10:59").utcOffsetMinutes).toBe(659);
  });

  it("names a zone only when every place in the description agrees", () => {
    expect(timezoneFromOffset("(UTC+01:00) Berlin, , Berlin").iana).toBe("Europe/Berlin");
    expect(timezoneFromOffset("(UTC+01:00) Berlin, Paris").iana).toBeNull();
  });
});

describe("timestamps at the edges of the calendar and clock", () => {
  it("accepts the first and last day of a month and the last second of a day", () => {
    expect(timestampFromIso("2023-01-01T00:00:00")?.iso).toBe("2023-01-01T00:00:00");
    expect(timestampFromIso("2023-01-31T23:59:59")?.iso).toBe("2023-01-31T23:59:59");
    expect(timestampFromIso("2024-02-29T12:00:00Z")?.iso).toBe("2024-02-29T12:00:00.000Z");
    expect(timestampFromIso("2000-02-29T12:00:00Z")?.iso).toBe("2000-02-29T12:00:00.000Z");
    expect(timestampFromIso("2023-12-31 23:00:00")?.iso).toBe("2023-12-31T23:00:00");
  });

  it("keeps a UTC time already in ISO form, and writes any other in that form", () => {
    expect(timestampFromIso(" 2021-12-16T03:17:35.170Z ")).toEqual({
      iso: "2021-12-16T03:17:35.170Z",
      zone: "utc",
      raw: " 2021-12-16T03:17:35.170Z ",
    });
    expect(timestampFromIso("2021-12-16t03:17:35.170z")?.iso).toBe("2021-12-16T03:17:35.170Z");
    expect(timestampFromIso("2021-12-16 03:17:35.170Z")?.iso).toBe("2021-12-16T03:17:35.170Z");
    expect(timestampFromIso("2021-12-16T03:17:35.1Z")?.iso).toBe("2021-12-16T03:17:35.100Z");
    expect(timestampFromIso("2023-02-29T03:17:35.170Z")).toBeNull();
  });

  it("rejects months, days and clock fields that do not exist", () => {
    for (const raw of [
      "2023-13-01T00:00:00",
      "2023-00-10T00:00:00",
      "2023-01-00T00:00:00",
      "2023-01-32T00:00:00",
      "2023-02-29T00:00:00",
      "1900-02-29T00:00:00",
      "2023-04-31T00:00:00",
      "2024-04-31T00:00:00",
      "2024-02-30T00:00:00",
      "2023-01-24T24:00:00",
      "2023-01-24T12:60:00",
      "2023-01-24T12:00:60",
    ]) {
      expect(timestampFromIso(raw), raw).toBeNull();
    }
  });

  it("ignores padding and reads a date alone as local", () => {
    expect(timestampFromIso(" 2023-01-24T13:42:18 ")).toEqual({
      iso: "2023-01-24T13:42:18",
      zone: "local",
      raw: " 2023-01-24T13:42:18 ",
    });
    expect(timestampFromIso("2023-01-24")).toEqual({
      iso: "2023-01-24",
      zone: "local",
      raw: "2023-01-24",
    });
  });

  it("converts offsets written without a colon to UTC", () => {
    expect(timestampFromIso("2021-12-16T13:17:35+1000")).toEqual({
      iso: "2021-12-16T03:17:35.000Z",
      zone: "utc",
      raw: "2021-12-16T13:17:35+1000",
    });
    expect(timestampFromIso("2021-12-15T22:47:35-0430")?.iso).toBe("2021-12-16T03:17:35.000Z");
  });

  it("takes either form through timestampFrom, and nothing else", () => {
    expect(timestampFrom("2021-12-16T03:17:35.170Z")).toEqual({
      iso: "2021-12-16T03:17:35.170Z",
      zone: "utc",
      raw: "2021-12-16T03:17:35.170Z",
    });
    expect(timestampFrom(1472023687693)?.iso).toBe("2016-08-24T07:28:07.693Z");
    expect(timestampFrom(null)).toBeNull();
    expect(timestampFrom({ iso: "2021-12-16T03:17:35Z" })).toBeNull();
  });

  it("never turns a missing epoch value into 1970", () => {
    expect(isoFromEpochMs(null)).toBeNull();
    expect(isoFromEpochMs(undefined)).toBeNull();
    expect(isoFromEpochMs(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
