// `x-rollcall-rate-limits`: a vendor's published request limits, read into the descriptor as core's
// RateLimitDescriptor (tsc checks the generated descriptor against the real type). The spec says
// the window in seconds, as vendors publish it; the descriptor carries milliseconds.

const KEYS = ["credential", "ip"];
const FIELDS = ["id", "keyedBy", "requests", "windowSeconds", "scope", "headers", "source"];
const HEADER_NAMES = ["limit", "remaining", "reset", "period", "state"];
const RESET_FORMATS = ["seconds", "epoch-seconds"];
const ID = /^[a-z][a-z0-9-]*$/;
const HEADER = /^[A-Za-z][A-Za-z0-9-]*$/;

export interface RateLimitFact {
  id: string;
  keyedBy: "credential" | "ip";
  requests: number;
  windowMs: number;
  scope?: { methods?: string[]; routes?: string[] };
  headers?: Record<string, string>;
  source: string;
}

type Fail = (path: string, message: string) => undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Validates the extension against the spec's operations (`routes`: `"METHOD /path"`, `methods`:
 * the methods the spec uses) and returns the descriptor's limits; faults go to `fail`.
 */
export function rateLimits(
  value: unknown,
  routes: readonly string[],
  fail: Fail,
): RateLimitFact[] | undefined {
  if (value === undefined) return undefined;
  const where = "x-rollcall-rate-limits";
  if (!Array.isArray(value) || value.length === 0)
    return fail(where, "must be a non-empty list of request limits");
  const ids = new Set<string>();
  const limits = value.map((limit, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(limit)) return fail(at, "must be an object");
    for (const key of Object.keys(limit))
      if (!FIELDS.includes(key))
        fail(`${at}.${key}`, `is not a limit field (${FIELDS.join(", ")})`);
    const { id, keyedBy, requests, windowSeconds, source } = limit;
    if (typeof id !== "string" || !ID.test(id))
      fail(`${at}.id`, "must be a lower-case name such as configuration-api");
    else if (ids.has(id)) fail(`${at}.id`, `repeats "${id}"`);
    else ids.add(id);
    if (typeof keyedBy !== "string" || !KEYS.includes(keyedBy))
      fail(`${at}.keyedBy`, `must be one of ${KEYS.join(", ")}`);
    if (!Number.isInteger(requests) || (requests as number) < 1)
      fail(`${at}.requests`, "must be a whole number of requests, at least 1");
    if (typeof windowSeconds !== "number" || !(windowSeconds > 0) || !isFinite(windowSeconds))
      fail(`${at}.windowSeconds`, "must be a number of seconds greater than 0");
    if (typeof source !== "string" || !/^https:\/\/\S+$/.test(source))
      fail(`${at}.source`, "must be the https URL where the vendor publishes the limit");
    const scope = scopeOf(limit.scope, `${at}.scope`, routes, fail);
    const headers = headersOf(limit.headers, `${at}.headers`, fail);
    return {
      id,
      keyedBy,
      requests,
      windowMs: Math.round((windowSeconds as number) * 1000),
      ...(scope && { scope }),
      ...(headers && { headers }),
      source,
    } as RateLimitFact;
  });
  return limits as RateLimitFact[];
}

function scopeOf(value: unknown, at: string, routes: readonly string[], fail: Fail) {
  if (value === undefined) return undefined;
  if (!isObject(value) || (value.methods === undefined && value.routes === undefined))
    return fail(at, 'must be { methods?: [METHOD, …], routes?: ["METHOD /path", …] }');
  const methods = new Set(routes.map((route) => route.slice(0, route.indexOf(" "))));
  for (const key of Object.keys(value))
    if (key !== "methods" && key !== "routes") fail(`${at}.${key}`, "is not a scope field");
  const list = (name: "methods" | "routes", known: ReadonlySet<string>, example: string) => {
    const items = value[name];
    if (items === undefined) return undefined;
    if (!Array.isArray(items) || items.length === 0)
      return fail(`${at}.${name}`, `must be a non-empty list such as [${example}]`);
    items.forEach((item, index) => {
      if (typeof item !== "string" || !known.has(item))
        fail(`${at}.${name}[${index}]`, `names no ${name.slice(0, -1)} of the spec's operations`);
    });
    return items as string[];
  };
  const scope = {
    ...(value.methods !== undefined && { methods: list("methods", methods, "GET") }),
    ...(value.routes !== undefined && { routes: list("routes", new Set(routes), '"GET /users"') }),
  };
  return scope;
}

/** Header names are case-insensitive; the descriptor carries them lower-case. */
function headersOf(value: unknown, at: string, fail: Fail) {
  if (value === undefined) return undefined;
  if (!isObject(value))
    return fail(at, `must name the vendor's headers (${HEADER_NAMES.join(", ")})`);
  const headers: Record<string, string> = {};
  for (const [key, name] of Object.entries(value)) {
    if (key === "resetIn") {
      if (typeof name !== "string" || !RESET_FORMATS.includes(name))
        fail(`${at}.resetIn`, `must be one of ${RESET_FORMATS.join(", ")}`);
      else headers.resetIn = name;
    } else if (!HEADER_NAMES.includes(key))
      fail(`${at}.${key}`, `is not a header role (${HEADER_NAMES.join(", ")}, resetIn)`);
    else if (typeof name !== "string" || !HEADER.test(name))
      fail(`${at}.${key}`, "must be a header name such as X-RateLimit-Remaining");
    else headers[key] = name.toLowerCase();
  }
  if (headers.reset !== undefined && headers.resetIn === undefined)
    fail(`${at}.resetIn`, "must say how the reset header counts: seconds or epoch-seconds");
  return headers;
}
