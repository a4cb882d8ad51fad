// TODO(core): every vendor package that checks calls before sending needs this wrapper; it
// belongs next to createApiClient (the OpsGenie package carries an identical copy).
import type { ApiClient } from "@rollcall/core";

/** Checks one call's init (`params`, `body`, …) before anything is sent; throws to refuse it. */
export type RequestCheck = (init: Readonly<Record<string, unknown>>) => void;

/** Checks keyed by `"METHOD /path/template"`, e.g. `"GET /v1/json/user"`. */
export type RequestChecks = Readonly<Record<string, RequestCheck>>;

type Send = (url: string, init?: Record<string, unknown>) => Promise<unknown>;
type SendAny = (method: string, url: string, init?: Record<string, unknown>) => Promise<unknown>;

const CHECKED_METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH"] as const;

/**
 * The same client with `checks` run before the matching calls. A refused call rejects with the
 * check's error and sends nothing; other calls go straight through.
 */
export function withRequestChecks<C extends ApiClient<{}>>(client: C, checks: RequestChecks): C {
  const inner = client as unknown as Record<string, Send> & { request: SendAny };
  const guarded: Record<string, unknown> = { ...(client as object) };
  const senders = new Map<string, Send>();
  for (const method of CHECKED_METHODS) {
    const send = inner[method]!;
    const checked: Send = (url, init) => {
      const check = checks[`${method} ${url}`];
      if (check !== undefined) {
        try {
          check(init ?? {});
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return send(url, init);
    };
    senders.set(method, checked);
    guarded[method] = checked;
  }
  // `client.request("PUT", …)` must not be a way around the checks.
  guarded.request = (method: string, url: string, init?: Record<string, unknown>) => {
    const checked = senders.get(String(method).toUpperCase());
    return checked === undefined ? inner.request(method, url, init) : checked(url, init);
  };
  return guarded as C;
}
