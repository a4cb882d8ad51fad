import { boundedMemo } from "./bounded-memo";

/** A BCP 47 language tag, with the vendor's value kept. */
export interface AccountLocale {
  /** Canonical BCP 47 tag ("en-US"), or null when the value is not a valid tag. */
  readonly tag: string | null;
  readonly raw: string | null;
}

/**
 * From a vendor locale: POSIX-style "en_US" or BCP 47 "en-GB", canonicalised
 * by Intl. Blank or invalid values give `tag: null`.
 */
export function localeFrom(raw: string | null | undefined): AccountLocale {
  if (typeof raw !== "string") return { tag: null, raw: null };
  return { tag: canonicalTag(raw), raw };
}

const canonicalTag = /* @__PURE__ */ boundedMemo((raw): string | null => {
  // Drop a POSIX encoding or modifier ("en_US.UTF-8", "de_DE@euro") before canonicalising.
  const candidate = raw
    .trim()
    .replace(/[.@].*/, "")
    .replaceAll("_", "-");
  try {
    // Intl throws a RangeError for a blank or malformed tag.
    const [tag] = Intl.getCanonicalLocales(candidate);
    return tag ?? null;
  } catch {
    return null;
  }
});
