import type { ErrorBodyInfo } from "@rollcall/core";

/** OpsGenie's error body: `{"error":"<message>","code":<int>}` (its own code, not always the status). */
export function parseOpsgenieError(body: unknown): ErrorBodyInfo | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { error, code } = body as { error?: unknown; code?: unknown };
  if (typeof error !== "string" || error.trim() === "") return undefined;
  return {
    message: error.trim(),
    code: typeof code === "number" || typeof code === "string" ? code : undefined,
  };
}
