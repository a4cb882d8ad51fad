import type { ErrorBodyInfo } from "@rollcall/core";

/** eagle.io's error body: `{"error":{"code":405,"message":"…"}}`. */
export function parseEagleError(body: unknown): ErrorBodyInfo | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    message: typeof message === "string" && message.trim() !== "" ? message.trim() : undefined,
    code: typeof code === "number" || typeof code === "string" ? code : undefined,
  };
}
