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

// The runtime's other openapi-fetch values, re-exported by name from this one module: a bundle keeps
// an import line per importing module, and named re-exports (unlike destructuring the namespace)
// let a bundler drop the rest of openapi-fetch.
export { createQuerySerializer, defaultBodySerializer, mergeHeaders } from "openapi-fetch";
