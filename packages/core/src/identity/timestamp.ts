/**
 * A point in time from a vendor. `zone: "utc"` — the vendor's value carried an offset (or was epoch
 * milliseconds) and `iso` is its UTC form. `zone: "local"` — the vendor gave wall-clock time with
 * no offset (a vendor writing the account's own zone, which its API does not say), so `iso` is kept as
 * given and must not be compared with UTC times as if it were one.
 */
export interface Timestamp {
  readonly iso: string;
  readonly zone: "utc" | "local";
  readonly raw: string | number;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  // A month that does not exist has no days.
  const days = DAYS_IN_MONTH[month - 1] ?? 0;
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= days + (leapDay ? 1 : 0);
}

/**
 * From an ISO 8601 string. With an offset or "Z" it becomes UTC ("2021-12-16T03:17:35.170Z");
 * without one it is kept as given and marked local. Returns null for anything else.
 */
export function timestampFromIso(raw: unknown): Timestamp | null {
  if (typeof raw !== "string") return null;
  const value = raw.trim();
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", , offset] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (offset === undefined) return { iso: value.replace(" ", "T"), zone: "local", raw };
  // Already UTC to the millisecond, as most vendors write it: it is its own ISO form.
  if (offset === "Z" && value.length === 24 && value[10] === "T") {
    return { iso: value, zone: "utc", raw };
  }
  const ms = Date.parse(value.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(ms) ? null : { iso: new Date(ms).toISOString(), zone: "utc", raw };
}

/** From epoch milliseconds (as many APIs write `createdAt`). Returns null for non-finite or absurd values. */
export function isoFromEpochMs(raw: number | null | undefined): Timestamp | null {
  if (typeof raw !== "number") return null;
  // NaN, ±Infinity and values past ±8.64e15 all make an invalid Date.
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return null;
  return { iso: date.toISOString(), zone: "utc", raw };
}

/** From either form: a number is epoch milliseconds, a string is ISO 8601. */
export function timestampFrom(raw: unknown): Timestamp | null {
  return typeof raw === "number" ? isoFromEpochMs(raw) : timestampFromIso(raw);
}
