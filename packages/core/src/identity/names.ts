export type NameField = "display" | "given" | "family";

/** An account's names; `derived` lists the fields we computed rather than received. */
export interface AccountNames {
  readonly display: string | null;
  readonly given: string | null;
  readonly family: string | null;
  readonly derived: readonly NameField[];
}

/**
 * Split a full name into given and family names. "Family, Given" splits at the comma; otherwise
 * the first word is the given name and the rest the family name ("Mary Ann van Dyke" → "Mary" /
 * "Ann van Dyke"). That is a Western-order guess, which is why results are marked derived.
 */
export function splitName(full: string): { given: string | null; family: string | null } {
  const text = full.trim().replace(/\s+/g, " ");
  if (text === "") return { given: null, family: null };
  const comma = text.indexOf(",");
  if (comma >= 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    return { given: given || null, family: family || null };
  }
  const [given, ...rest] = text.split(" ");
  return { given: given!, family: rest.length > 0 ? rest.join(" ") : null };
}

function clean(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/\s+/g, " ");
  return text === "" ? null : text;
}

/**
 * Build {@link AccountNames} from whatever the vendor gives: a full name, given/family names, or
 * both. A missing display name is joined from given + family; missing given/family names are
 * split from the full name. Either way the computed fields are listed in `derived`.
 */
export function namesFrom(input: {
  full?: string | null | undefined;
  given?: string | null | undefined;
  family?: string | null | undefined;
}): AccountNames {
  let display = clean(input.full);
  let given = clean(input.given);
  let family = clean(input.family);
  const derived: NameField[] = [];
  if (display === null && (given !== null || family !== null)) {
    display = [given, family].filter((part) => part !== null).join(" ");
    derived.push("display");
  }
  if (display !== null && given === null && family === null) {
    const split = splitName(display);
    given = split.given;
    family = split.family;
    if (given !== null) derived.push("given");
    if (family !== null) derived.push("family");
  }
  return { display, given, family, derived };
}
