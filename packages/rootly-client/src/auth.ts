import { requireCredential, type AuthOptions } from "@rollcall/core";

/** Rootly authenticates every request with `Authorization: Bearer <token>`. */
export function rootlyAuth(token: unknown): AuthOptions {
  const checked = requireCredential(token, {
    vendor: "rootly",
    operation: "createRootlyClient",
    field: "options.token",
    header: true,
  });
  return { headers: { Authorization: `Bearer ${checked}` } };
}
