const REDACTED = "[REDACTED]";

// Query parameters and JSON fields that carry credentials at the four vendors (and commonly elsewhere).
const SENSITIVE_NAME =
  /^(?:api[-_]?key|apikey|x-api-key|key|token|access[-_]?token|auth|authorization|password|passwd|secret|client[-_]?secret|signature|sig|cookie|set-cookie|proxy-authorization)$/i;

// Credential shapes worth removing even when nobody registered the value.
const SHAPES: readonly (readonly [RegExp, string])[] = [
  [/\b(Bearer|Basic|GenieKey|Token)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]*@/gi, `$1${REDACTED}@`],
  [
    /([?&;](?:api[-_]?key|apikey|key|token|access[-_]?token|password|passwd|secret|signature)=)[^&#\s"']*/gi,
    `$1${REDACTED}`,
  ],
  [
    /(["']?(?:api[-_]?key|x-api-key|password|passwd|secret|token|authorization)["']?\s*[:=]\s*["']?)(?!\[REDACTED\]|(?:Bearer|Basic|GenieKey|Token)\s)[^"'\s,}&]+/gi,
    `$1${REDACTED}`,
  ],
];

/** True when a query parameter, header or JSON field with this name holds a credential. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/**
 * Removes secrets from text, URLs and parsed bodies. Built once per client from every credential the
 * client was given, so error paths only pay for one precompiled pattern.
 */
export class Redactor {
  readonly #pattern: RegExp | undefined;

  constructor(secrets: readonly (string | undefined | null)[] = []) {
    const variants = new Set<string>();
    for (const secret of secrets) {
      if (typeof secret !== "string" || secret === "") continue;
      for (const variant of secretVariants(secret)) if (variant !== "") variants.add(variant);
    }
    // Longest first, so "user:pass" is removed whole before "pass" could split it.
    const sorted = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.#pattern = sorted.length === 0 ? undefined : new RegExp(sorted.join("|"), "g");
  }

  /** Text with every registered secret and every credential-shaped substring replaced. */
  text(text: string): string {
    let result = this.#pattern === undefined ? text : text.replace(this.#pattern, REDACTED);
    for (const [shape, replacement] of SHAPES) result = result.replace(shape, replacement);
    return result;
  }

  /** A URL with credential query parameters and user-info blanked, then text-redacted. */
  url(url: string): string {
    return this.text(redactUrlStructure(url));
  }

  /** A deep copy of a parsed body (or any value) with credential fields and secrets removed. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === "string") return this.text(value);
    if (value === null || typeof value !== "object") return value;
    if (depth > 20) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] =
        isSensitiveName(key) && item != null && item !== ""
          ? REDACTED
          : this.value(item, depth + 1);
    }
    return copy;
  }

  /** Headers as a plain object, credential headers replaced. */
  headers(headers: Headers): Record<string, string> {
    const copy: Record<string, string> = {};
    headers.forEach((value, name) => {
      copy[name] = isSensitiveName(name) ? REDACTED : this.text(value);
    });
    return copy;
  }

  /** An error (and its causes) rebuilt with redacted messages, keeping name and code. */
  error(error: unknown, depth = 0): Error {
    if (!(error instanceof Error)) return new Error(this.text(String(error)));
    const copy = new Error(
      this.text(error.message),
      depth < 5 && error.cause !== undefined
        ? { cause: this.error(error.cause, depth + 1) }
        : undefined,
    );
    copy.name = error.name;
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") {
      (copy as Error & { code?: string | number }).code = code;
    }
    copy.stack = `${copy.name}: ${copy.message}`;
    return copy;
  }
}

/** Forms a secret takes on the wire: raw, URL-encoded, form-encoded and JSON-escaped. */
function secretVariants(secret: string): string[] {
  const variants = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, "+"),
  ];
  variants.push(JSON.stringify(secret).slice(1, -1));
  return variants;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function redactUrlStructure(url: string): string {
  const hashAt = url.indexOf("#");
  const withoutHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = withoutHash.indexOf("?");
  if (queryAt === -1) return withoutHash;
  const pairs = withoutHash.slice(queryAt + 1).split("&");
  const kept = pairs.map((pair) => {
    const eq = pair.indexOf("=");
    const name = eq === -1 ? pair : pair.slice(0, eq);
    return eq !== -1 && isSensitiveName(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
  });
  return `${withoutHash.slice(0, queryAt)}?${kept.join("&")}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** Replace every given secret (and credential-shaped substrings) in `text` with `[REDACTED]`. */
export function redact(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  return new Redactor(secrets).text(text);
}

/** Blank credential query parameters (apiKey, token, …), user-info and given secrets in a URL. */
export function redactUrl(
  url: string,
  secrets: readonly (string | undefined | null)[] = [],
): string {
  return new Redactor(secrets).url(url);
}

/**
 * The secrets hidden inside a credential header value: the token of `Bearer x`, and for
 * `Basic base64(user:pass)` the base64, `user:pass` and the password.
 */
export function secretsInHeaderValue(value: string): string[] {
  const match = /^\s*([A-Za-z][\w-]*)\s+(\S+)\s*$/.exec(value);
  if (match === null) return [value];
  const [, scheme = "", credential = ""] = match;
  const found = [value, credential];
  if (scheme.toLowerCase() === "basic") {
    const decoded = decodeBase64(credential);
    if (decoded !== undefined) {
      found.push(decoded);
      const colon = decoded.indexOf(":");
      if (colon !== -1) found.push(decoded.slice(colon + 1));
    }
  }
  return found;
}

/** The `Authorization` value for HTTP Basic auth (UTF-8 safe). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
