import type { ApiClientOptions, VendorConfig } from "./client-options";

/** Throws a ClientValidationError naming `field`; `message` never echoes a value. */
export type Fail = (field: string, message: string) => never;

/**
 * Stage 1: refuses a malformed vendor config or options before anything is built, naming the field
 * and never echoing a value (auth records hold credentials).
 */
export function checkVendorConfig(
  vendor: VendorConfig,
  options: ApiClientOptions,
  fail: Fail,
): void {
  if (typeof vendor !== "object" || vendor === null)
    fail("vendor", "must be the vendor's config object");
  for (const key of ["vendor", "packageName", "packageVersion", "baseUrl"] as const) {
    if (typeof vendor[key] !== "string" || !vendor[key])
      fail(`vendor.${key}`, "must be a non-empty string");
  }
  if (typeof options !== "object" || options === null) fail("options", "must be an object");
  const auth = vendor.auth ?? {};
  const { query: authQuery, body: authBody, headers: authHeaders, scopedHeaders } = auth;
  for (const [record, field] of [
    [vendor.bodyHeaders, "bodyHeaders"],
    [authHeaders, "auth.headers"],
    [scopedHeaders && (scopedHeaders.headers ?? null), "auth.scopedHeaders.headers"],
    [authQuery && (authQuery.params ?? null), "auth.query.params"],
    [authBody && (authBody.fields ?? null), "auth.body.fields"],
  ] as const) {
    if (record === undefined) continue;
    if (typeof record !== "object" || record === null)
      fail(`vendor.${field}`, "must be an object of strings");
    for (const [key, item] of Object.entries(record))
      if (typeof item !== "string" || !item)
        fail(`vendor.${field}.${key}`, "must be a non-empty string");
  }
  // A header value fetch cannot send would fail every call with a TypeError: refuse it now.
  for (const [headers, field] of [
    [vendor.headers, "vendor.headers"],
    [vendor.bodyHeaders, "vendor.bodyHeaders"],
    [authHeaders, "vendor.auth.headers"],
    [scopedHeaders?.headers, "vendor.auth.scopedHeaders.headers"],
    [options.headers, "options.headers"],
  ] as const) {
    for (const [name, value] of Object.entries(headers ?? {}))
      if (typeof value === "string" && /[\0\r\n\u0100-\uffff]/.test(value))
        fail(`${field}.${name}`, "holds characters an HTTP header cannot carry");
  }
  for (const [value, field] of [
    [vendor.checkRequest, "vendor.checkRequest"],
    [vendor.rateLimiter, "vendor.rateLimiter"],
    [auth.onRequest, "vendor.auth.onRequest"],
    ...Object.entries(options.hooks ?? {}).map(
      ([name, hook]) => [hook, `options.hooks.${name}`] as const,
    ),
  ] as const) {
    if (value !== undefined && typeof value !== "function") fail(field, "must be a function");
  }
}
