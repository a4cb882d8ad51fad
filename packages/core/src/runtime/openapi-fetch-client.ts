import * as openapiFetch from "openapi-fetch";

type CreateClient = typeof openapiFetch.default;

/**
 * openapi-fetch 0.17 exports `createClient` only as its default export. Our CJS build loads it with
 * Node's interop, where `default` is the whole `module.exports` object (whose own `default` is the
 * function), so calling the default import threw there. Resolving it here works in both builds.
 */
const candidate = openapiFetch.default as unknown;
export const createClient: CreateClient =
  typeof candidate === "function"
    ? (candidate as CreateClient)
    : (candidate as { default: CreateClient }).default;

// The runtime's other openapi-fetch values, through this one import: a bundle keeps an import line
// per importing module.
export const { createQuerySerializer, defaultBodySerializer, mergeHeaders } = openapiFetch;
