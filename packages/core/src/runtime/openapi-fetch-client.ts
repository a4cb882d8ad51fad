import * as openapiFetch from "openapi-fetch";

type CreateClient = typeof openapiFetch.default;

/**
 * openapi-fetch 0.17 exports `createClient` only as its default export. Our CJS build loads it with
 * Node's interop, where `default` is the whole `module.exports` object (whose own `default` is the
 * function), so calling the default import threw there. Resolving it here works in both builds.
 */
export const createClient: CreateClient = resolveCreateClient(openapiFetch.default);

function resolveCreateClient(candidate: unknown): CreateClient {
  if (typeof candidate === "function") return candidate as CreateClient;
  const nested = (candidate as { default?: unknown } | null | undefined)?.default;
  if (typeof nested === "function") return nested as CreateClient;
  throw new TypeError("openapi-fetch did not provide createClient as its default export");
}
