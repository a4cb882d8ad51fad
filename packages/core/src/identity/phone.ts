/** A phone number as the vendor gave it, and its E.164 form when one can honestly be derived. */
export interface Phone {
  readonly raw: string;
  readonly e164: string | null;
}

export interface E164Options {
  /**
   * Country calling code (e.g. "61" or "+61") to prepend to numbers written without one.
   * Without it, only numbers that carry their own code (`+…` or `00…`) are converted.
   */
  readonly countryCode?: string;
  /**
   * A national trunk prefix to drop before prepending `countryCode` (e.g. "0" for "0412 345 678"
   * in Australia). Never guessed: some countries (Italy) keep the leading 0.
   */
  readonly trunkPrefix?: string;
  /**
   * The digits already start with the country code even without a "+", as some vendors write
   * contacts ("1-9999999999").
   */
  readonly assumeInternational?: boolean;
}

// Separators people type between digit groups (\s also removes padding); anything else (letters,
// "ext") makes us give up.
const SEPARATORS = /[\s\-.()/\u00a0]/g;

/**
 * Convert a number to E.164 (`+` and 8–15 digits, country code not starting with 0), or null.
 * This checks shape only: it does not know national numbering plans, so a well-shaped number
 * that no carrier would route still converts.
 */
export function toE164(raw: unknown, options: E164Options = {}): string | null {
  if (typeof raw !== "string") return null;
  let compact = raw.replace(SEPARATORS, "");
  let international = options.assumeInternational === true;
  if (compact.startsWith("+")) {
    compact = compact.slice(1);
    international = true;
  } else if (compact.startsWith("00")) {
    compact = compact.slice(2);
    international = true;
  }
  if (!/^[0-9]+$/.test(compact)) return null;
  if (!international) {
    const code = options.countryCode?.replace(/^\+/, "") ?? "";
    if (!/^[1-9][0-9]{0,2}$/.test(code)) return null;
    const trunk = options.trunkPrefix;
    if (trunk !== undefined && compact.startsWith(trunk)) {
      compact = compact.slice(trunk.length);
    }
    compact = code + compact;
  }
  if (compact.startsWith("0") || compact.length < 8 || compact.length > 15) return null;
  return `+${compact}`;
}

/** Build a {@link Phone} for an adapter; null for a missing or blank value. */
export function phone(raw: string | null | undefined, options?: E164Options): Phone | null {
  if (typeof raw !== "string" || raw.trim().length === 0) return null;
  return { raw, e164: toE164(raw, options) };
}
