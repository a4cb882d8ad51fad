import type { FetchFunction } from "./client-options";
import type { CallContext } from "./client-runtime";
import { DEFAULT_RETRY, isMs, resolveRetryPolicy } from "./retry-policy";
import type { Fail } from "./vendor-config-check";

/** Default `maxResponseBytes`: 32 MiB, far above any page the four vendors send. */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

// Looked up per call so test doubles and polyfills installed after construction still apply.
const defaultFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/** A call's init, loosely typed: the keys the runtime reads, and openapi-fetch's own. */
export type LooseInit = Record<string, unknown> & {
  timeoutMs?: unknown;
  maxResponseBytes?: unknown;
  retry?: unknown;
  signal?: unknown;
  parseAs?: unknown;
  fetch?: unknown;
  querySerializer?: unknown;
  checkRequest?: unknown;
};

/** Init keys that need a per-call context; anything else goes straight to openapi-fetch. */
export const needsCallContext = (init: LooseInit) =>
  init.timeoutMs !== undefined ||
  init.maxResponseBytes !== undefined ||
  init.retry !== undefined ||
  init.signal != null ||
  init.parseAs !== undefined ||
  init.fetch !== undefined ||
  init.querySerializer !== undefined;

/** A limit in `unit`s ≥ 0, where 0 turns `what` off. */
const checkLimit = (value: unknown, field: string, unit: string, what: string, fail: Fail) =>
  isMs(value)
    ? (value as number)
    : fail(field, `must be a finite number of ${unit} ≥ 0 (0 turns the ${what} off)`);

/** What a call inherits: the rest of its context comes from the call's own init. */
type Defaults = Pick<CallContext, "fetch" | "timeoutMs" | "retry" | "maxBytes">;

/** What a call gets when neither the client's options nor the call say otherwise. */
const BUILT_IN: Defaults = {
  fetch: defaultFetch,
  timeoutMs: 30_000,
  retry: DEFAULT_RETRY,
  maxBytes: DEFAULT_MAX_RESPONSE_BYTES,
};

/**
 * How a call is sent: the options of `init` (the client's options, field prefix `options.`, over the
 * built-in defaults — stage 4; or a call's own, see {@link needsCallContext}, over the client's) and
 * the rest of `init`, for openapi-fetch.
 */
export function callContext(
  init: LooseInit,
  fail: Fail,
  defaults: Defaults = BUILT_IN,
  prefix = "options.",
): [call: CallContext, rest: Record<string, unknown>] {
  const { timeoutMs, retry, fetch, maxResponseBytes, ...rest } = init;
  if (fetch !== undefined && typeof fetch !== "function")
    fail(`${prefix}fetch`, "must be a function");
  const call: CallContext = {
    fetch: (fetch as FetchFunction | undefined) ?? defaults.fetch,
    timeoutMs:
      timeoutMs === undefined
        ? defaults.timeoutMs
        : checkLimit(timeoutMs, `${prefix}timeoutMs`, "milliseconds", "timeout", fail),
    retry: resolveRetryPolicy(defaults.retry, retry as never, `${prefix}retry`, fail),
    userSignal: rest.signal != null,
    rawBody: rest.parseAs !== undefined && rest.parseAs !== "json",
    stream: rest.parseAs === "stream",
    maxBytes:
      maxResponseBytes === undefined
        ? defaults.maxBytes
        : checkLimit(maxResponseBytes, `${prefix}maxResponseBytes`, "bytes", "limit", fail),
  };
  return [call, rest];
}
