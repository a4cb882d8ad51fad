const REDACTED = "[REDACTED]";

// Credential shapes the four vendors use: keys in query strings (OpsGenie), Bearer tokens (Rootly),
// Basic credentials and URL user-info (Uptrends), X-Api-Key headers (eagle.io), keys in JSON bodies.
const PATTERNS: readonly [RegExp, string][] = [
  [
    /([?&;](?:api[_-]?key|apikey|key|token|access_token|password|passwd|secret|signature)=)[^&#\s"']*/gi,
    `$1${REDACTED}`,
  ],
  [/\b(Bearer|Basic|GenieKey|Token)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]*@/gi, `$1${REDACTED}@`],
  [
    /(["']?(?:api[_-]?key|x-api-key|password|passwd|secret|token|authorization)["']?\s*[:=]\s*["']?)[^"'\s,}&]+/gi,
    `$1${REDACTED}`,
  ],
];

/** Remove anything shaped like a credential from text that may end up in a report or log. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
