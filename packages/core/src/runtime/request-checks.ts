import type { HttpMethod } from "./http-method";

/** One call as the client is asked to make it, before anything is built or sent. */
export interface RequestToCheck {
  method: HttpMethod;
  /** The path template as the caller wrote it, e.g. "/v1/json/user" or "/users/{id}". */
  path: string;
  /** The call's init (`params`, `body`, …); `{}` when none was given. */
  init: Readonly<Record<string, unknown>>;
}

/** `VendorConfig.checkRequest`: throw (a ClientValidationError) to refuse a call. */
export type RequestCheck = (request: RequestToCheck) => void;

/** Checks of one call's init, keyed by `"METHOD /path/template"`, e.g. `"GET /v1/json/user"`. */
export type RouteChecks = Readonly<
  Record<string, (init: Readonly<Record<string, unknown>>) => void>
>;

// The methods each `checksByRoute` result has checks for: a client skips the call for the others.
const routeMethods = new WeakMap<RequestCheck, ReadonlySet<string>>();

/**
 * A {@link RequestCheck} that runs the checks registered for the call's method and path, if any:
 * those of every table, in order (e.g. the spec's parameter limits, then a hand-written body rule).
 */
export function checksByRoute(...tables: RouteChecks[]): RequestCheck {
  const checks: Record<string, ((init: Readonly<Record<string, unknown>>) => void)[]> = {};
  for (const table of tables)
    for (const [key, check] of Object.entries(table)) (checks[key] ??= []).push(check);
  const run: RequestCheck = ({ method, path, init }) => {
    // Own keys only: a path like "/constructor" must not reach Object.prototype.
    const key = `${method} ${path}`;
    if (Object.hasOwn(checks, key)) for (const check of checks[key]!) check(init);
  };
  routeMethods.set(run, new Set(Object.keys(checks).map((key) => key.split(" ")[0]!)));
  return run;
}

/** False only when `check` came from {@link checksByRoute} and has nothing for `method`. */
export function mayCheckMethod(check: RequestCheck, method: string): boolean {
  return routeMethods.get(check)?.has(method) ?? true;
}
