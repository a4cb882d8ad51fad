import { requireCredential, type AuthOptions } from "@rollcall/core";

/** eagle.io authenticates every request with the API key in the `X-Api-Key` header. */
export function eagleAuth(apiKey: unknown): AuthOptions {
  const key = requireCredential(apiKey, {
    vendor: "eagle",
    operation: "createEagleClient",
    field: "options.apiKey",
    description: "the eagle.io API key",
    header: true,
  });
  return { headers: { "X-Api-Key": key } };
}
