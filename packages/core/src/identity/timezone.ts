import { RAILS_TIME_ZONES } from "./rails-time-zones";
import { boundedMemo } from "./bounded-memo";

/**
 * How sure we are of an account's zone: "exact" — the vendor gave an IANA id; "mapped" — a Rails
 * name translated through {@link RAILS_TIME_ZONES}; "offset" — only a UTC offset (and maybe a place
 * description) is known; "unknown" — nothing usable.
 */
export type TimezonePrecision = "exact" | "mapped" | "offset" | "unknown";

export interface AccountTimezone {
  /** An IANA zone id, or null when it cannot be known without guessing. */
  readonly iana: string | null;
  /** The vendor's value, untouched. */
  readonly raw: string | number | null;
  readonly precision: TimezonePrecision;
  /** Minutes east of UTC, when the vendor gave an offset ("offset" precision only). */
  readonly utcOffsetMinutes: number | null;
}

// Intl's canonical ids (a few hundred), by lower case; Intl does not list "UTC" itself.
// Built at first use, not when the module loads: a bundle that reads no time zone (a lone client
// factory, say) then drops the tables, which a bundler must keep if module loading builds them.
let zonesByLowerCase: Map<string, string> | undefined;
const zonesOf = () =>
  (zonesByLowerCase ??= new Map<string, string>([
    ...Intl.supportedValuesOf("timeZone").map((zone): [string, string] => [
      zone.toLowerCase(),
      zone,
    ]),
    ["utc", "UTC"],
  ]));

/** The IANA id Intl knows `id` as (keeping the caller's spelling when it is valid), or null. */
const checkIanaZone = /* @__PURE__ */ boundedMemo((id): string | null => {
  let result: string | null = null;
  // Intl accepts "+10:00" style offsets as zones in newer engines; those are not IANA ids.
  if (/^[A-Za-z]/.test(id)) {
    // Prefer the canonical spelling; otherwise keep the caller's (a link such as Asia/Kolkata is
    // valid, but V8 would rewrite it to its own canonical Asia/Calcutta).
    result = zonesOf().get(id.toLowerCase()) ?? null;
    if (result === null) {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: id });
        result = id;
      } catch {
        // not a zone Intl knows: result stays null
      }
    }
  }
  return result;
});

/** No usable zone. */
export function timezoneUnknown(raw: string | number | null = null): AccountTimezone {
  return { iana: null, raw, precision: "unknown", utcOffsetMinutes: null };
}

/** From an IANA id ("America/New_York"), checked with Intl. */
export function timezoneFromIana(raw: string | null | undefined): AccountTimezone {
  if (typeof raw !== "string") return timezoneUnknown(raw);
  const iana = checkIanaZone(raw.trim());
  return iana === null
    ? timezoneUnknown(raw)
    : { iana, raw, precision: "exact", utcOffsetMinutes: null };
}

let railsByLowerCase: Map<string, string> | undefined;
const railsOf = () =>
  (railsByLowerCase ??= new Map(
    Object.entries(RAILS_TIME_ZONES).map(([name, iana]) => [name.toLowerCase(), iana]),
  ));

/** From a Rails friendly name ("Eastern Time (US & Canada)"), case-insensitively. */
export function timezoneFromRails(raw: string | null | undefined): AccountTimezone {
  if (typeof raw !== "string") return timezoneUnknown(raw);
  const iana = railsOf().get(raw.trim().toLowerCase());
  return iana === undefined
    ? timezoneUnknown(raw)
    : { iana, raw, precision: "mapped", utcOffsetMinutes: null };
}

/** From a value that may be an IANA id or a Rails name, as a Rails app's `time_zone` is. */
export function timezoneFromName(raw: string | null | undefined): AccountTimezone {
  const exact = timezoneFromIana(raw);
  return exact.precision === "exact" ? exact : timezoneFromRails(raw);
}

// "+10:00", "-0430", "UTC+10", "(UTC+10:00) Canberra, …", "GMT-04:00# Brazil West".
const OFFSET = /^\(?\s*(?:UTC|GMT)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?\s*\)?[#*]?\s*(.*)$/iu;

/**
 * From a UTC offset, as some vendors' time-zone tables describe them: minutes east of UTC (a number, its
 * `OffsetFromUtc`) or text such as "+10:00", "(UTC+10:00) Canberra, Melbourne, Sydney" or
 * "GMT-06:00* Central time". An offset alone never names a zone (many share it, and DST differs),
 * so `iana` stays null unless every place named in the description maps through the Rails table to
 * the same zone.
 */
export function timezoneFromOffset(raw: string | number | null | undefined): AccountTimezone {
  if (typeof raw === "number") {
    if (!Number.isInteger(raw) || Math.abs(raw) > 14 * 60) return timezoneUnknown(raw);
    return { iana: null, raw, precision: "offset", utcOffsetMinutes: raw === 0 ? 0 : raw };
  }
  if (typeof raw !== "string") return timezoneUnknown(raw);
  // Both patterns allow surrounding whitespace themselves.
  if (/^\(?\s*(UTC|GMT)\s*\)?$/i.test(raw)) {
    return { iana: null, raw, precision: "offset", utcOffsetMinutes: 0 };
  }
  const match = OFFSET.exec(raw);
  if (match === null) return timezoneUnknown(raw);
  const [, sign, hours, minutes = "0", description = ""] = match;
  const magnitude = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) >= 60 || magnitude > 14 * 60) return timezoneUnknown(raw);
  const offset = sign === "+" ? magnitude : -magnitude;
  return {
    iana: zoneNamedBy(description),
    raw,
    precision: "offset",
    utcOffsetMinutes: offset === 0 ? 0 : offset,
  };
}

function zoneNamedBy(description: string): string | null {
  const zones = new Set<string>();
  for (const place of description.split(/[,;&/]|\band\b/)) {
    const name = place.trim().toLowerCase();
    const iana = railsOf().get(name);
    if (iana !== undefined) zones.add(iana);
  }
  return zones.size === 1 ? [...zones][0]! : null;
}
