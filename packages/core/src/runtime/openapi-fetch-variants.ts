import type { Client } from "openapi-fetch";
import type { AuthPlacement } from "./auth-placement";
import type { HttpMethod } from "./http-method";
import { createClient } from "./openapi-fetch-client";

/**
 * Stage 6: one openapi-fetch client per distinct auth placement (query and body credential on or
 * off), each method mapped to its own at construction, so placed credentials cost nothing per call.
 */
export function openapiFetchVariants<Paths extends {}, Media extends `${string}/${string}`>(
  baseUrl: string,
  auth: AuthPlacement,
  send: (request: Request) => Promise<Response>,
  methods: readonly HttpMethod[],
): Map<HttpMethod, Client<Paths, Media>> {
  const byPlacement = new Map<string, Client<Paths, Media>>();
  const byMethod = new Map<HttpMethod, Client<Paths, Media>>();
  for (const method of methods) {
    const inQuery = auth.inQuery(method);
    const inBody = auth.inBody(method);
    const key = `${inQuery}${inBody}`;
    let variant = byPlacement.get(key);
    if (!variant) {
      variant = createClient<Paths, Media>({
        baseUrl,
        fetch: send,
        headers: auth.headers,
        querySerializer: auth.querySerializer(inQuery),
        // Also on the Request itself, for a custom fetch that ignores the init it is given.
        redirect: "manual",
        ...(inBody && { bodySerializer: auth.bodyWithAuth }),
      });
      byPlacement.set(key, variant);
    }
    byMethod.set(method, variant);
  }
  return byMethod;
}
