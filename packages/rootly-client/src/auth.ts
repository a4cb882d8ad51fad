import type { AuthOptions } from "@rollcall/core";
import { requireCredential } from "./credentials";

/** Rootly authenticates every request with `Authorization: Bearer <token>`. */
export function rootlyAuth(token: unknown): AuthOptions {
  const checked = requireCredential("rootly", "createRootlyClient", "options.token", token);
  return { headers: { Authorization: `Bearer ${checked}` } };
}
