import type { ErrorBodyInfo } from "./client-options";

/** Request-id headers tried by default, first match wins. */
export const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = [
  "x-request-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "request-id",
  "x-correlation-id",
];

/**
 * Reads the error shapes the four vendors use: eagle.io `{error:{code,message}}`, OpsGenie and
 * Rootly's 429 `{error:"…",code}`, Rootly JSON:API `{errors:[{title,detail,code}]}`, Uptrends
 * `{Messages:[{Message}]}`, plus plain `{message}` and short text bodies.
 */
export function parseCommonErrorBody(body: unknown): ErrorBodyInfo | undefined {
  if (typeof body === "string") {
    const text = body.trim();
    // An HTML error page says nothing useful in one line; the body stays on the error.
    if (text === "" || text.startsWith("<")) return undefined;
    return { message: text.length > 200 ? `${text.slice(0, 200)}…` : text };
  }
  if (!isRecord(body)) return undefined;
  const error = body.error;
  if (isRecord(error)) return { message: textOf(error.message), code: codeOf(error.code) };
  if (typeof error === "string") return { message: error, code: codeOf(body.code) };
  if (Array.isArray(body.errors)) {
    const entries = body.errors.filter(isRecord);
    const messages = entries
      .map((entry) => [textOf(entry.title), textOf(entry.detail)].filter(Boolean).join(": "))
      .filter(Boolean);
    const code = entries.map((entry) => codeOf(entry.code)).find((c) => c !== undefined);
    return { message: messages.join("; ") || undefined, code };
  }
  const messages = body.Messages ?? body.messages;
  if (Array.isArray(messages)) {
    const texts = messages
      .map((entry) => (isRecord(entry) ? textOf(entry.Message ?? entry.message) : textOf(entry)))
      .filter(Boolean);
    return { message: texts.join("; ") || undefined, code: codeOf(body.Code ?? body.code) };
  }
  const message = textOf(body.message ?? body.Message ?? body.detail ?? body.title);
  const code = codeOf(body.code ?? body.Code);
  return message === undefined && code === undefined ? undefined : { message, code };
}

/** The first request-id header present on the response. */
export function readRequestId(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value !== "") return value;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function codeOf(value: unknown): string | number | undefined {
  return typeof value === "number" || (typeof value === "string" && value !== "")
    ? value
    : undefined;
}
