export const REDACTED = "[REDACTED]";

/** Headers that carry credentials in at least one vendor's API. */
const SECRET_HEADERS = new Set(["authorization", "x-api-key", "cookie", "proxy-authorization"]);

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (!SECRET_HEADERS.has(name.toLowerCase())) {
      redacted[name] = text;
      continue;
    }
    // Keep the scheme ("Basic", "Bearer"): it is what a test usually wants to assert.
    const scheme = /^(\w+)\s+\S/.exec(text)?.[1];
    redacted[name] =
      scheme && name.toLowerCase() !== "x-api-key" ? `${scheme} ${REDACTED}` : REDACTED;
  }
  return redacted;
}

export function redactQuery(
  query: URLSearchParams,
  secretNames: ReadonlySet<string>,
): Record<string, string | string[]> {
  const redacted: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name).map((value) => (secretNames.has(name) ? REDACTED : value));
    redacted[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return redacted;
}

/** A deep copy of a JSON value with every property named in `secretNames` replaced. */
export function redactJson(value: unknown, secretNames: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secretNames));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      secretNames.has(key) ? REDACTED : redactJson(item, secretNames),
    ]),
  );
}

/** Removes every occurrence of the given secrets from free text (raw bodies, messages). */
export function scrubText(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length > 0) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed;
}
