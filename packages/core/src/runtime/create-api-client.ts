import {
  createQuerySerializer,
  defaultBodySerializer,
  mergeHeaders,
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from "openapi-fetch";
import type { ApiClientOptions, CallOptions, FetchFunction, VendorConfig } from "./client-options";
import type { HttpMethod } from "./http-method";
import { createRuntime, type CallContext } from "./client-runtime";
import { createClient } from "./openapi-fetch-client";
import { mayCheckMethod } from "./request-checks";
import { DEFAULT_REQUEST_ID_HEADERS } from "./error-body";
import { ClientValidationError, RollcallError } from "./errors";
import { createRedactor, isSensitiveName, secretsInHeaderValue } from "./redaction";
import { DEFAULT_RETRY, isMs, resolveRetryPolicy, serverRetryDelay } from "./retry-policy";
import { userAgent } from "./user-agent";

/** A media type such as `application/json`, as openapi-fetch types it. */
export type MediaType = `${string}/${string}`;
type LowerMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

// Mirrors openapi-fetch's own helper so an init object stays optional exactly when it is there.
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> =
  RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;
type InitArgs<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & CallOptions & { [key: string]: unknown })?]
    : [Init & CallOptions & { [key: string]: unknown }];

/** An openapi-fetch method that also accepts {@link CallOptions} (`timeoutMs`, `retry`) per call. */
export type ApiClientMethod<Paths extends {}, M extends LowerMethod, Media extends MediaType> = <
  Path extends ClientPathsWithMethod<Client<Paths, Media>, M>,
  Init extends MaybeOptionalInit<Paths[Path & keyof Paths], M & keyof Paths[Path & keyof Paths]>,
>(
  url: Path,
  ...init: InitArgs<Init>
) => Promise<
  FetchResponse<
    Paths[Path & keyof Paths][M & keyof Paths[Path & keyof Paths]] & Record<string | number, any>,
    Init,
    Media
  >
>;

/** The openapi-fetch client for a vendor's `paths`, with typed per-call options. */
export interface ApiClient<Paths extends {}, Media extends MediaType = MediaType> extends Omit<
  Client<Paths, Media>,
  "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE"
> {
  GET: ApiClientMethod<Paths, "get", Media>;
  PUT: ApiClientMethod<Paths, "put", Media>;
  POST: ApiClientMethod<Paths, "post", Media>;
  DELETE: ApiClientMethod<Paths, "delete", Media>;
  OPTIONS: ApiClientMethod<Paths, "options", Media>;
  HEAD: ApiClientMethod<Paths, "head", Media>;
  PATCH: ApiClientMethod<Paths, "patch", Media>;
  TRACE: ApiClientMethod<Paths, "trace", Media>;
  /** The vendor id errors and hooks carry. */
  readonly vendor: string;
}

const METHODS = "GET PUT POST DELETE OPTIONS HEAD PATCH TRACE".split(" ") as HttpMethod[];

// Init keys that need a per-call context; anything else goes straight to openapi-fetch.
type LooseInit = Record<string, unknown> & {
  timeoutMs?: unknown;
  maxResponseBytes?: unknown;
  retry?: unknown;
  signal?: unknown;
  parseAs?: unknown;
  fetch?: unknown;
  querySerializer?: unknown;
  checkRequest?: unknown;
};
type Result = { data?: unknown; error?: unknown; response: Response };
type BaseMethod = (url: string, init?: Record<string, unknown>) => Promise<Result>;
type Serializer = (query: Record<string, unknown>) => string;

const needsCallContext = (init: LooseInit) =>
  init.timeoutMs !== undefined ||
  init.maxResponseBytes !== undefined ||
  init.retry !== undefined ||
  init.signal != null ||
  init.parseAs !== undefined ||
  init.fetch !== undefined ||
  init.querySerializer !== undefined;

/** Default `maxResponseBytes`: 32 MiB, far above any page the four vendors send. */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

// Looked up per call so test doubles and polyfills installed after construction still apply.
const defaultFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

type Fail = (field: string, message: string) => never;

/**
 * Stage 1: refuses a malformed vendor config or options before anything is built, naming the field
 * and never echoing a value (auth records hold credentials).
 */
function checkVendorConfig(vendor: VendorConfig, options: ApiClientOptions, fail: Fail): void {
  if (typeof vendor !== "object" || vendor === null)
    fail("vendor", "must be the vendor's config object");
  for (const key of ["vendor", "packageName", "packageVersion", "baseUrl"] as const) {
    if (typeof vendor[key] !== "string" || !vendor[key])
      fail(`vendor.${key}`, "must be a non-empty string");
  }
  if (typeof options !== "object" || options === null) fail("options", "must be an object");
  const auth = vendor.auth ?? {};
  const { query: authQuery, body: authBody, headers: authHeaders } = auth;
  for (const [record, field] of [
    [vendor.bodyHeaders, "bodyHeaders"],
    [authHeaders, "auth.headers"],
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
    [options.headers, "options.headers"],
  ] as const) {
    for (const [name, value] of Object.entries(headers ?? {}))
      if (typeof value === "string" && /[\0\r\n\u0100-\uffff]/.test(value))
        fail(`${field}.${name}`, "holds characters an HTTP header cannot carry");
  }
  for (const [value, field] of [
    [vendor.checkRequest, "vendor.checkRequest"],
    [auth.onRequest, "vendor.auth.onRequest"],
    [options.fetch, "options.fetch"],
    ...Object.entries(options.hooks ?? {}).map(
      ([name, hook]) => [hook, `options.hooks.${name}`] as const,
    ),
  ] as const) {
    if (value !== undefined && typeof value !== "function") fail(field, "must be a function");
  }
}

/** Stage 2: every credential the client was given: auth placements, sensitive headers, `secrets`. */
function secretsOf(vendor: VendorConfig, options: ApiClientOptions): string[] {
  const { query: authQuery, body: authBody, headers: authHeaders } = vendor.auth ?? {};
  const secrets: unknown[] = [
    ...(vendor.secrets ?? []),
    ...Object.values(authQuery?.params ?? {}),
    ...Object.values(authBody?.fields ?? {}),
  ];
  for (const [headers, all] of [
    [authHeaders, true],
    [vendor.headers, false],
    [options.headers, false],
  ] as const) {
    for (const [name, value] of Object.entries(headers ?? {}))
      if (all || (typeof value === "string" && isSensitiveName(name)))
        secrets.push(...secretsInHeaderValue(value));
  }
  return secrets as string[];
}

/**
 * Builds a vendor client: openapi-fetch's `createClient` plus auth placement, User-Agent, timeouts,
 * retries, redacted errors and hooks. `vendor` comes from the vendor package; `options` are the
 * user's, passed through untouched (kept apart so user keys can never replace auth or secrets).
 */
export function createApiClient<Paths extends {}, Media extends MediaType = MediaType>(
  vendor: VendorConfig,
  options: ApiClientOptions = {},
): ApiClient<Paths, Media> {
  const fail = (field: string, message: string): never => {
    throw new ClientValidationError({
      vendor: typeof vendor?.vendor === "string" ? vendor.vendor : "unknown",
      operation: "createApiClient",
      field,
      message,
    });
  };
  const checkTimeout = (value: unknown, field: string) =>
    isMs(value)
      ? (value as number)
      : fail(field, "must be a finite number of milliseconds ≥ 0 (0 turns the timeout off)");
  const checkMaxBytes = (value: unknown, field: string) =>
    isMs(value)
      ? (value as number)
      : fail(field, "must be a finite number of bytes ≥ 0 (0 turns the limit off)");

  checkVendorConfig(vendor, options, fail);
  const auth = vendor.auth ?? {};
  const { query: authQuery, body: authBody, headers: authHeaders } = auth;
  const hooks = options.hooks ?? {};
  const secrets = secretsOf(vendor, options);
  const redactor = createRedactor(secrets);

  const baseUrl = options.baseUrl ?? vendor.baseUrl;
  const baseUrlField = options.baseUrl === undefined ? "vendor.baseUrl" : "options.baseUrl";
  const parsed = typeof baseUrl === "string" ? tryUrl(baseUrl) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol))
    fail(
      baseUrlField,
      `must be an absolute http(s) URL, got ${JSON.stringify(redactor.url(String(baseUrl)))}`,
    );
  if (parsed!.username || parsed!.password)
    fail(baseUrlField, "must not carry credentials; pass them to the client's auth options");
  const timeoutMs = checkTimeout(options.timeoutMs ?? 30_000, "options.timeoutMs");
  const maxBytes = checkMaxBytes(
    options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    "options.maxResponseBytes",
  );
  const retry = resolveRetryPolicy(DEFAULT_RETRY, options.retry, "options.retry", fail);
  const userFetch = options.fetch ?? defaultFetch;

  const runtime = createRuntime({
    vendor: vendor.vendor,
    redactor,
    hooks,
    parseErrorBody: vendor.parseErrorBody,
    requestIdHeaders: (vendor.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) =>
      h.toLowerCase(),
    ),
    retryDelay: vendor.retryDelay ?? serverRetryDelay,
    errorKinds: vendor.errorKinds ?? {},
    authOnRequest: auth.onRequest,
  });
  const defaultCall: CallContext = {
    fetch: userFetch,
    timeoutMs,
    retry,
    userSignal: false,
    rawBody: false,
    stream: false,
    maxBytes,
  };

  // `vendor.bodyHeaders` without the names the user's or auth headers set: those rank higher, and
  // per-call headers (where body headers have to go) would otherwise outrank them.
  const taken = Object.keys({ ...options.headers, ...authHeaders }).map((n) => n.toLowerCase());
  const kept = Object.entries(vendor.bodyHeaders ?? {}).filter(
    ([name]) => !taken.includes(name.toLowerCase()),
  );
  const bodyHeaders = kept.length ? Object.fromEntries(kept) : undefined;
  const checkRequest = vendor.checkRequest;
  const queryOptions = vendor.querySerializer;
  const baseQuery = createQuerySerializer(queryOptions);
  const authQueryText = authQuery ? new URLSearchParams(authQuery.params).toString() : "";
  const withAuthQuery = (serialize: Serializer) => (query: Record<string, unknown>) => {
    const own = serialize(query);
    return own ? `${own}&${authQueryText}` : authQueryText;
  };
  const authFields = authBody?.fields;
  // openapi-fetch passes the merged headers too (for form encoding); its typings omit them.
  const serializeBody = defaultBodySerializer as (body: unknown, headers?: unknown) => unknown;
  const bodyWithAuth = (body: unknown, requestHeaders?: unknown) =>
    serializeBody(isPlainObject(body) ? { ...body, ...authFields } : body, requestHeaders);
  const appliesTo = (methods: readonly HttpMethod[] | undefined, method: HttpMethod) =>
    !methods || methods.includes(method);

  // One openapi-fetch client per distinct auth placement, chosen per method at construction, so
  // Query and body credentials cost nothing per call.
  const variants = new Map<string, Client<Paths, Media>>();
  const client: Record<string, unknown> = {
    vendor: vendor.vendor,
    request(method: string, url: string, init?: LooseInit) {
      const upper = String(method).toUpperCase() as HttpMethod;
      if (!METHODS.includes(upper)) fail("method", `must be one of ${METHODS.join(", ")}`);
      return (client[upper] as BaseMethod)(url, init);
    },
    use(...middleware: Middleware[]) {
      for (const variant of new Set(variants.values())) variant.use(...middleware);
    },
    eject(...middleware: Middleware[]) {
      for (const variant of new Set(variants.values())) variant.eject(...middleware);
    },
  };

  // `checkRequest: false` is a call's explicit opt-out of the vendor's request check.
  const withoutCheck = ({ checkRequest: optOut, ...init }: LooseInit): LooseInit =>
    optOut === false ? init : fail("checkRequest", "may only be false (skip the request check)");

  for (const method of METHODS) {
    const queryAuth = !!authQuery && appliesTo(authQuery.methods, method);
    const bodyAuth = !!authFields && appliesTo(authBody?.methods, method);
    const key = `${queryAuth}${bodyAuth}`;
    let variant = variants.get(key);
    if (!variant) {
      variant = createClient<Paths, Media>({
        baseUrl,
        fetch: (request: Request) => runtime.send(request, defaultCall),
        headers: {
          "User-Agent": userAgent(vendor.packageName, vendor.packageVersion),
          ...vendor.headers,
          ...options.headers,
          ...authHeaders,
        },
        querySerializer: queryAuth ? withAuthQuery(baseQuery) : baseQuery,
        // Also on the Request itself, for a custom fetch that ignores the init it is given.
        redirect: "manual",
        ...(bodyAuth && { bodySerializer: bodyWithAuth }),
      });
      variants.set(key, variant);
    }
    const base = variant[method] as unknown as BaseMethod;

    // A per-call timeout, retry, signal, parseAs, fetch or query serialiser needs its own context.
    const perCallInit = (init: LooseInit): Record<string, unknown> => {
      const {
        timeoutMs: callTimeout,
        retry: callRetry,
        fetch: callFetch,
        maxResponseBytes: callMaxBytes,
        ...rest
      } = init;
      if (callFetch !== undefined && typeof callFetch !== "function")
        fail("fetch", "must be a function");
      const callContext: CallContext = {
        fetch: (callFetch as FetchFunction | undefined) ?? userFetch,
        timeoutMs: callTimeout === undefined ? timeoutMs : checkTimeout(callTimeout, "timeoutMs"),
        retry: resolveRetryPolicy(retry, callRetry as never, "retry", fail),
        userSignal: rest.signal != null,
        rawBody: rest.parseAs !== undefined && rest.parseAs !== "json",
        stream: rest.parseAs === "stream",
        maxBytes:
          callMaxBytes === undefined ? maxBytes : checkMaxBytes(callMaxBytes, "maxResponseBytes"),
      };
      rest.fetch = (request: Request) => runtime.send(request, callContext);
      const own = rest.querySerializer;
      if (queryAuth && own !== undefined) {
        rest.querySerializer = withAuthQuery(
          typeof own === "function"
            ? (own as Serializer)
            : createQuerySerializer({ ...queryOptions, ...(own as object) }),
        );
      }
      return rest;
    };

    // Made once per method, not per call.
    const checked = (result: Result) => {
      const response = result.response;
      let type: string | null | undefined;
      if (!response.ok) runtime.failed(result, method);
      else if (
        result.data === undefined &&
        result.error === undefined &&
        response.status !== 204 &&
        response.status !== 205 &&
        method !== "HEAD" &&
        (type = response.headers.get("content-type"))?.includes("json")
      ) {
        throw runtime.parseError(
          method,
          response.url || baseUrl,
          response.status,
          type!,
          "",
          "the response promised JSON but the body was empty",
        );
      }
      return result;
    };
    const rethrow = (url: string, error: unknown): never => {
      if (error instanceof RollcallError) throw error;
      if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
        // openapi-fetch parsed a 2xx body labelled JSON and it was not JSON.
        throw runtime.parseError(
          method,
          baseUrl + url,
          undefined,
          undefined,
          "",
          `the response body is not valid JSON (${error.message})`,
        );
      }
      // Anything else (middleware, serialisers, a bad header value) keeps its type, minus secrets.
      if (error instanceof Error) {
        error.message = redactor.text(error.message);
        if (error.stack) error.stack = redactor.text(error.stack);
      }
      throw error;
    };

    // One async frame per call, no `.then` closures; a bad argument still rejects, never throws.
    const check = checkRequest && mayCheckMethod(checkRequest, method) ? checkRequest : undefined;
    client[method] = async (url: string, init?: LooseInit) => {
      try {
        if (init?.checkRequest !== undefined) init = withoutCheck(init);
        else check?.({ method, path: url, init: init ?? {} });
        const sent =
          bodyHeaders && init?.body !== undefined
            ? { ...init, headers: mergeHeaders(bodyHeaders, init.headers as HeadersInit) }
            : init;
        return checked(await base(url, sent && needsCallContext(sent) ? perCallInit(sent) : sent));
      } catch (error) {
        return rethrow(url, error);
      }
    };
  }
  return client as unknown as ApiClient<Paths, Media>;
}

function tryUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
