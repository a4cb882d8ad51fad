import { isRecord } from "../is-record";
import type { ErrorBodyInfo } from "./client-options";
import type { Redactor } from "./redaction";

/** Request-id headers tried by default, first match wins. */
export const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = [
  "x-request-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "request-id",
  "x-correlation-id",
];

type Json = Record<string, unknown>;

export { isRecord };

export const textOf = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

const codeOf = (value: unknown): string | number | undefined =>
  typeof value === "number" || (typeof value === "string" && value) ? value : undefined;

/** The non-empty texts of a list, joined; undefined when there are none. */
export const joined = (texts: (string | undefined)[], separator = "; ") =>
  texts.filter(Boolean).join(separator) || undefined;

/**
 * Reads the common error shapes: `{error:{code,message}}`, `{error:"…",code}`, JSON:API
 * `{errors:[{title,detail,code}]}`, `{Messages:[{Message}]}`, plain `{message}` and short text
 * bodies.
 */
export function parseCommonErrorBody(body: unknown): ErrorBodyInfo | undefined {
  if (typeof body === "string") {
    const text = body.trim();
    // An HTML error page says nothing useful in one line; the body stays on the error.
    if (!text || text[0] === "<") return undefined;
    return { message: text.length > 200 ? `${text.slice(0, 200)}…` : text };
  }
  if (!isRecord(body)) return undefined;
  const { error, errors } = body;
  if (isRecord(error)) return { message: textOf(error.message), code: codeOf(error.code) };
  if (typeof error === "string") return { message: textOf(error), code: codeOf(body.code) };
  if (Array.isArray(errors)) {
    const entries = errors.filter(isRecord);
    return {
      message: joined(entries.map((e) => joined([textOf(e.title), textOf(e.detail)], ": "))),
      code: entries.map((e) => codeOf(e.code)).find((c) => c !== undefined),
    };
  }
  const messages = body.Messages ?? body.messages;
  const code = codeOf(body.code ?? body.Code);
  if (Array.isArray(messages)) {
    const texts = messages.map((m) => textOf(isRecord(m) ? (m.Message ?? m.message) : m));
    return { message: joined(texts), code };
  }
  const message = textOf(body.message ?? body.Message ?? body.detail ?? body.title);
  return message === undefined && code === undefined ? undefined : { message, code };
}

/** The first request-id header present on the response, redacted (a server may echo anything). */
export function readRequestId(
  headers: Headers,
  names: readonly string[],
  redactor: Redactor,
): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return redactor.text(value.slice(0, 200));
  }
  return undefined;
}

/**
 * One shape of a vendor's error body, as the spec's `x-rollcall-error-body` states it: where the
 * fields sit (`at`, a dotted path; the body itself when absent), which fields make the message
 * (their texts joined with ": "), which hold the code (the first present wins), and what joins
 * the messages of a list (`separator`, default "; ").
 */
export interface ErrorBodyShape {
  readonly at?: string;
  readonly message?: readonly string[];
  readonly code?: readonly string[];
  readonly separator?: string;
}
