import type { ApiErrorKind, ErrorBodyInfo } from "@rollcall/core";

/** Reads Uptrends' `{"Messages":[{"Message":"..."}]}` error body; undefined for anything else. */
export function parseUptrendsError(body: unknown): ErrorBodyInfo | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const messages = (body as { Messages?: unknown }).Messages;
  if (!Array.isArray(messages)) return undefined;
  const texts = messages
    .map((entry) =>
      typeof entry === "object" && entry !== null
        ? (entry as { Message?: unknown }).Message
        : undefined,
    )
    .filter((text): text is string => typeof text === "string" && text.trim() !== "")
    .map((text) => text.trim());
  return texts.length === 0 ? undefined : { message: texts.join("; ") };
}

/** Uptrends answers validation failures with 403, so they are bad requests, not auth failures. */
export const UPTRENDS_ERROR_KINDS: Readonly<Record<number, ApiErrorKind>> = {
  403: "bad-request",
};
