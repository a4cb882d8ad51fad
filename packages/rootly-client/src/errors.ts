import type { ErrorBodyInfo } from "@rollcall/core";

/**
 * Reads Rootly's two error shapes: the JSON:API document
 * `{"errors":[{"title","status","code","detail"}]}` (status is a string, code and detail often
 * null) and the plain `{"error":"Rate limit exceeded. Try again later."}` some 429s carry.
 * Returns undefined for anything else so core's common reader gets a try.
 */
export function parseRootlyError(body: unknown): ErrorBodyInfo | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.error === "string" && body.error.trim() !== "") {
    return { message: body.error.trim() };
  }
  if (!Array.isArray(body.errors)) return undefined;
  const entries = body.errors.filter(isRecord);
  const messages = entries
    .map((entry) => [text(entry.title), text(entry.detail)].filter(Boolean).join(": "))
    .filter((message) => message !== "");
  // Rootly's own code when it gives one, else the status it repeats in the body.
  const code = entries.map((entry) => text(entry.code) ?? text(entry.status)).find(Boolean);
  if (messages.length === 0 && code === undefined) return undefined;
  return { message: messages.length > 0 ? messages.join("; ") : undefined, code };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
