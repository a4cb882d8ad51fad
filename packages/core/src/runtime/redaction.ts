const REDACTED = "[REDACTED]";

// Query parameters, headers and JSON fields that carry credentials at the four vendors (and commonly
// elsewhere): api key, token, auth, password, secret, signature, cookie.
const NAMES = String.raw`x-api-key|api[-_]?key|key|(?:access[-_]?)?token|auth(?:orization)?|passw(?:or)?d|(?:client[-_]?)?secret|sig(?:nature)?|(?:set-)?cookie|proxy-authorization`;
const SENSITIVE_NAME = new RegExp(`^(?:${NAMES})$`, "i");
const SCHEMES = "Bearer|Basic|GenieKey|Token";

// Credential shapes worth removing even when nobody registered the value, in one pass: each
// alternative captures what to keep in its own group and the credential after it is replaced.
// 1 `Bearer x` (and Basic, GenieKey, Token); 2 URL user-info; 3 credential query parameters;
// 4 `"password": "x"` / `X-Api-Key: x` (narrower names: "key" or "auth" alone are common words).
const SHAPES = new RegExp(
  String.raw`\b((?:${SCHEMES})\s+)[\w.~+/=-]+|(\b[a-z][a-z\d+.-]*:\/\/)[^/\s:@]+:[^/\s@]*(?=@)|([?&;#](?:${NAMES})=)[^&#\s"']*|(["']?(?:x-api-key|api[-_]?key|passw(?:or)?d|secret|token|authorization)["']?\s*[:=]\s*["']?)(?!\[REDACTED]|(?:${SCHEMES})\s)[^"'\s,}&]+`,
  "gi",
);

/** True when a query parameter, header or JSON field with this name holds a credential. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** Removes secrets from text, URLs, parsed bodies, headers and errors. */
export interface Redactor {
  /** Text with every registered secret and every credential-shaped substring replaced. */
  text(text: string): string;
  /** A URL without its fragment, then text-redacted (query credentials and user-info blanked). */
  url(url: string): string;
  /** A deep copy of a parsed body (or any value) with credential fields and secrets removed. */
  value(value: unknown, depth?: number): unknown;
  /** Headers as a plain object, credential headers replaced. */
  headers(headers: Headers): Record<string, string>;
  /** An error (and its causes) rebuilt with redacted messages, keeping name and code. */
  error(error: unknown, depth?: number): Error;
}

/**
 * A redactor built once per client from every credential it was given, so error paths only pay for
 * one precompiled pattern. Each secret is matched raw, URL-, form- and JSON-encoded.
 */
export function createRedactor(secrets: readonly (string | undefined | null)[] = []): Redactor {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret === "") continue;
    const encoded = encodeURIComponent(secret);
    for (const v of [
      secret,
      encoded,
      encoded.replace(/%20/g, "+"),
      JSON.stringify(secret).slice(1, -1),
    ])
      variants.add(v);
  }
  // Longest first, so "user:pass" is removed whole before "pass" could split it.
  const sorted = [...variants]
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = sorted.length ? new RegExp(sorted.join("|"), "g") : undefined;

  const redactor: Redactor = {
    text: (text) =>
      (pattern ? text.replace(pattern, REDACTED) : text).replace(SHAPES, `$1$2$3$4${REDACTED}`),
    url: (url) => redactor.text(url.split("#")[0]!),
    value(value, depth = 0) {
      if (typeof value === "string") return redactor.text(value);
      if (value === null || typeof value !== "object") return value;
      if (depth > 20) return REDACTED;
      if (Array.isArray(value)) return value.map((item) => redactor.value(item, depth + 1));
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        copy[key] =
          isSensitiveName(key) && item != null && item !== ""
            ? REDACTED
            : redactor.value(item, depth + 1);
      }
      return copy;
    },
    headers(headers) {
      const copy: Record<string, string> = {};
      headers.forEach((value, name) => {
        copy[name] = isSensitiveName(name) ? REDACTED : redactor.text(value);
      });
      return copy;
    },
    error(error, depth = 0) {
      if (!(error instanceof Error)) return new Error(redactor.text(String(error)));
      const cause = error.cause;
      const copy: Error & { code?: unknown } = new Error(
        redactor.text(error.message),
        depth < 5 && cause !== undefined ? { cause: redactor.error(cause, depth + 1) } : undefined,
      );
      copy.name = error.name;
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" || typeof code === "number") copy.code = code;
      copy.stack = `${copy.name}: ${copy.message}`;
      return copy;
    },
  };
  return redactor;
}

/** Replace every given secret (and credential-shaped substrings) in `text` with `[REDACTED]`. */
export function redact(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  return createRedactor(secrets).text(text);
}

/** Blank credential query parameters (apiKey, token, …), user-info and given secrets in a URL. */
export function redactUrl(
  url: string,
  secrets: readonly (string | undefined | null)[] = [],
): string {
  return createRedactor(secrets).url(url);
}

/**
 * The secrets hidden inside a credential header value: the token of `Bearer x`, and for
 * `Basic base64(user:pass)` the base64, `user:pass` and the password.
 */
export function secretsInHeaderValue(value: string): string[] {
  const match = /^\s*([A-Za-z][\w-]*)\s+(\S+)\s*$/.exec(value);
  if (!match) return [value];
  const credential = match[2]!;
  const found = [value, credential];
  if (/^basic$/i.test(match[1]!)) {
    try {
      const bytes = Uint8Array.from(atob(credential), (char) => char.charCodeAt(0));
      const decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      found.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
    } catch {
      // Not base64 (or not UTF-8): the raw value and token are all there is to hide.
    }
  }
  return found;
}

/** The `Authorization` value for HTTP Basic auth (UTF-8 safe). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
