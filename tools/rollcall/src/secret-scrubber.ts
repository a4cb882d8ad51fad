// The last line of defence before text reaches the terminal: every known secret, and anything
// shaped like a credential, is replaced. Clients redact their own errors; this also covers errors
// from places that do not know the secrets (fetch, DNS, the simulators).

const REDACTED = "[REDACTED]";

const CREDENTIAL_SHAPES: readonly [RegExp, string][] = [
  [
    /([?&;](?:api[_-]?key|apikey|key|token|access_token|password|secret)=)[^&#\s"']*/gi,
    `$1${REDACTED}`,
  ],
  [/\b(Bearer|Basic|GenieKey|Token)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]*@/gi, `$1${REDACTED}@`],
];

/** `=` (query parameters), whitespace (`Bearer …`) or `://` (user:password@ in a URL). */
const MAYBE_SHAPED = /[=\s]|:\/\//;

export class SecretScrubber {
  readonly #secrets: string[] = [];

  /** Remember secrets to remove; longest first so a secret containing another is caught whole. */
  add(secrets: readonly string[]): void {
    for (const secret of secrets) {
      if (secret.length >= 4 && !this.#secrets.includes(secret)) this.#secrets.push(secret);
    }
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  /** Removes the secrets it was given (safe inside JSON: the replacement needs no escaping). */
  scrubKnown(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) result = result.split(encoded).join(REDACTED);
    }
    return result;
  }

  /** Removes known secrets and anything shaped like a credential. */
  scrub(text: string): string {
    let result = this.scrubKnown(text);
    // Every shape needs one of these; most text (names, ids, addresses) has none.
    if (!MAYBE_SHAPED.test(result)) return result;
    for (const [pattern, replacement] of CREDENTIAL_SHAPES) {
      result = result.replace(pattern, replacement);
    }
    return result;
  }

  // Never show what it holds.
  toJSON(): string {
    return "SecretScrubber";
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "SecretScrubber";
  }
}

/** A one-line description of anything thrown, secrets removed. */
export function describeFailure(error: unknown, scrubber: SecretScrubber): string {
  let text: string;
  if (error instanceof Error) {
    text = error.message ? `${error.name}: ${error.message}` : error.name;
    const cause = error.cause;
    if (cause instanceof Error && cause.message && !text.includes(cause.message)) {
      text += ` (${cause.message})`;
    }
  } else {
    text = String(error);
  }
  return scrubber.scrub(text.replace(/\s+/g, " ").trim());
}
