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
import type {
  ApiClientOptions,
  AuthOptions,
  CallOptions,
  FetchFunction,
  HttpMethod,
  VendorConfig,
} from "./client-options";
import { ClientRuntime, type CallContext } from "./client-runtime";
import { createClient } from "./openapi-fetch-client";
import { DEFAULT_REQUEST_ID_HEADERS } from "./error-body";
import { ClientValidationError, RollcallError } from "./errors";
import { isSensitiveName, Redactor, secretsInHeaderValue } from "./redaction";
import { DEFAULT_RETRY, resolveRetryPolicy, serverRetryDelay } from "./retry-policy";
import { userAgent } from "./user-agent";

type MediaType = `${string}/${string}`;
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

const METHODS: readonly HttpMethod[] = [
  "GET",
  "PUT",
  "POST",
  "DELETE",
  "OPTIONS",
  "HEAD",
  "PATCH",
  "TRACE",
];
const DEFAULT_TIMEOUT_MS = 30_000;

// Init keys that need a per-call context; anything else goes straight to openapi-fetch.
type LooseInit = Record<string, unknown> & {
  timeoutMs?: unknown;
  retry?: unknown;
  signal?: unknown;
  parseAs?: unknown;
  fetch?: unknown;
  querySerializer?: unknown;
};
type Result = { data?: unknown; error?: unknown; response: Response };
type BaseMethod = (url: string, init?: Record<string, unknown>) => Promise<Result>;

/**
 * Builds a vendor client: openapi-fetch's `createClient` plus auth placement, User-Agent, timeouts,
 * retries, redacted errors and hooks. `vendor` comes from the vendor package; `options` are the
 * user's, passed through untouched (kept apart so user keys can never replace auth or secrets).
 */
export function createApiClient<Paths extends {}, Media extends MediaType = MediaType>(
  vendor: VendorConfig,
  options: ApiClientOptions = {},
): ApiClient<Paths, Media> {
  const fail = validationFailure(typeof vendor?.vendor === "string" ? vendor.vendor : "unknown");
  checkVendorConfig(vendor, fail);
  if (typeof options !== "object" || options === null) fail("options", "must be an object");
  const auth = vendor.auth ?? {};
  const redactor = new Redactor(collectSecrets(vendor, options, auth));
  const baseUrl = checkBaseUrl(
    options.baseUrl ?? vendor.baseUrl,
    options.baseUrl === undefined ? "vendor.baseUrl" : "options.baseUrl",
    fail,
    redactor,
  );
  const timeoutMs = checkTimeout(
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    "options.timeoutMs",
    fail,
  );
  const retry = resolveRetryPolicy(DEFAULT_RETRY, options.retry, "options.retry", fail);
  const userFetch = options.fetch ?? defaultFetch;
  if (typeof userFetch !== "function") fail("options.fetch", "must be a function");
  const hooks = options.hooks ?? {};
  for (const [name, hook] of Object.entries(hooks)) {
    if (typeof hook !== "function" && hook !== undefined)
      fail(`options.hooks.${name}`, "must be a function");
  }

  const runtime = new ClientRuntime({
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
  };
  const transport = (request: Request) => runtime.send(request, defaultCall);

  const headers: Record<string, string> = {
    "User-Agent": userAgent(vendor.packageName, vendor.packageVersion),
    ...vendor.headers,
    ...options.headers,
    ...auth.headers,
  };
  const bodyHeaders = headersNotIn(vendor.bodyHeaders, [options.headers, auth.headers]);
  const checkRequest = vendor.checkRequest;
  const baseQuery = createQuerySerializer(vendor.querySerializer);
  const authQuery =
    auth.query === undefined ? "" : new URLSearchParams(auth.query.params).toString();
  const withAuthQuery =
    (serialize: (query: Record<string, unknown>) => string) => (query: Record<string, unknown>) => {
      const own = serialize(query);
      return own === "" ? authQuery : `${own}&${authQuery}`;
    };
  const authFields = auth.body?.fields;
  // openapi-fetch passes the merged headers too (for form encoding); its typings omit them.
  const serializeBody = defaultBodySerializer as (body: unknown, headers?: unknown) => unknown;
  const bodyWithAuth = (body: unknown, requestHeaders?: unknown) =>
    serializeBody(isPlainObject(body) ? { ...body, ...authFields } : body, requestHeaders);

  // One openapi-fetch client per distinct auth placement, chosen per method at construction, so
  // OpsGenie-style query/body credentials cost nothing per call.
  const variants = new Map<string, Client<Paths, Media>>();
  const queryAuthFor = (m: HttpMethod) =>
    auth.query !== undefined && appliesTo(auth.query.methods, m);
  const clientFor = (m: HttpMethod): Client<Paths, Media> => {
    const query = queryAuthFor(m);
    const body = authFields !== undefined && appliesTo(auth.body?.methods, m);
    const key = `${query}/${body}`;
    let client = variants.get(key);
    if (client === undefined) {
      client = createClient<Paths, Media>({
        baseUrl,
        fetch: transport,
        headers,
        querySerializer: query ? withAuthQuery(baseQuery) : baseQuery,
        ...(body ? { bodySerializer: bodyWithAuth } : {}),
      });
      variants.set(key, client);
    }
    return client;
  };

  const methods = {} as Record<HttpMethod, (url: string, init?: LooseInit) => Promise<Result>>;
  for (const method of METHODS) {
    const base = clientFor(method)[method] as unknown as BaseMethod;
    const queryAuth = queryAuthFor(method);
    const afterCall = (result: Result): Result => {
      if (result.data === undefined && result.error === undefined) {
        checkEmptyBody(result.response, method);
      }
      return result;
    };
    methods[method] = (url, init) => {
      let pending: Promise<Result>;
      try {
        checkRequest?.({ method, path: url, init: init ?? {} });
        const sent =
          bodyHeaders === undefined || init?.body === undefined
            ? init
            : { ...init, headers: mergeHeaders(bodyHeaders, init.headers as HeadersInit) };
        pending =
          sent === undefined || !needsCallContext(sent)
            ? base(url, sent)
            : base(url, perCallInit(sent, queryAuth));
      } catch (error) {
        pending = Promise.reject(error);
      }
      return pending.then(afterCall, (error: unknown) => {
        throw translateFailure(error, method, `${baseUrl}${url}`);
      });
    };
  }

  function perCallInit(init: LooseInit, queryAuth: boolean): Record<string, unknown> {
    const { timeoutMs: callTimeout, retry: callRetry, fetch: callFetch, ...rest } = init;
    const callContext: CallContext = {
      fetch: callFetch === undefined ? userFetch : (callFetch as FetchFunction),
      timeoutMs:
        callTimeout === undefined ? timeoutMs : checkTimeout(callTimeout, "timeoutMs", fail),
      retry: resolveRetryPolicy(retry, callRetry as never, "retry", fail),
      userSignal: rest.signal != null,
      rawBody: rest.parseAs !== undefined && rest.parseAs !== "json",
    };
    if (callFetch !== undefined && typeof callFetch !== "function")
      fail("fetch", "must be a function");
    rest.fetch = (request: Request) => runtime.send(request, callContext);
    if (queryAuth && rest.querySerializer !== undefined) {
      const own = rest.querySerializer;
      const serialize =
        typeof own === "function"
          ? (own as (query: Record<string, unknown>) => string)
          : createQuerySerializer({ ...vendor.querySerializer, ...(own as object) });
      rest.querySerializer = withAuthQuery(serialize);
    }
    return rest;
  }

  function translateFailure(error: unknown, method: string, url: string): unknown {
    if (error instanceof RollcallError) return error;
    if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
      // openapi-fetch parsed a 2xx body labelled JSON and it was not JSON.
      return runtime.parseError({
        method,
        url,
        status: undefined,
        contentType: undefined,
        body: "",
        problem: `the response body is not valid JSON (${error.message})`,
      });
    }
    // Anything else (middleware, serialisers, a bad header value) keeps its type, minus secrets.
    if (error instanceof Error) {
      error.message = redactor.text(error.message);
      if (error.stack !== undefined) error.stack = redactor.text(error.stack);
    }
    return error;
  }

  function checkEmptyBody(response: Response, method: string): void {
    if (!response.ok || response.status === 204 || response.status === 205 || method === "HEAD")
      return;
    const type = response.headers.get("content-type");
    if (type === null || !type.includes("json")) return;
    throw runtime.parseError({
      method,
      url: response.url || baseUrl,
      status: response.status,
      contentType: type,
      body: "",
      problem: "the response promised JSON but the body was empty",
    });
  }

  const distinct = () => [...new Set(variants.values())];
  const client = {
    vendor: vendor.vendor,
    GET: methods.GET,
    PUT: methods.PUT,
    POST: methods.POST,
    DELETE: methods.DELETE,
    OPTIONS: methods.OPTIONS,
    HEAD: methods.HEAD,
    PATCH: methods.PATCH,
    TRACE: methods.TRACE,
    request(method: string, url: string, init?: LooseInit) {
      const upper = String(method).toUpperCase() as HttpMethod;
      const send = methods[upper];
      if (send === undefined) fail("method", `must be one of ${METHODS.join(", ")}`);
      return send(url, init);
    },
    use(...middleware: Middleware[]) {
      for (const variant of distinct()) variant.use(...middleware);
    },
    eject(...middleware: Middleware[]) {
      for (const variant of distinct()) variant.eject(...middleware);
    },
  };
  return client as unknown as ApiClient<Paths, Media>;
}

/**
 * `vendor.bodyHeaders` without the names the user's or auth headers set: those rank higher, and
 * per-call headers (where body headers have to go) would otherwise outrank them.
 */
function headersNotIn(
  bodyHeaders: Record<string, string> | undefined,
  higher: readonly (Record<string, string> | undefined)[],
): Record<string, string> | undefined {
  if (bodyHeaders === undefined) return undefined;
  const taken = new Set(higher.flatMap((h) => Object.keys(h ?? {}).map((n) => n.toLowerCase())));
  const kept = Object.entries(bodyHeaders).filter(([name]) => !taken.has(name.toLowerCase()));
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

function needsCallContext(init: LooseInit): boolean {
  return (
    init.timeoutMs !== undefined ||
    init.retry !== undefined ||
    init.signal != null ||
    init.parseAs !== undefined ||
    init.fetch !== undefined ||
    init.querySerializer !== undefined
  );
}

// Looked up per call so test doubles and polyfills installed after construction still apply.
const defaultFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

function appliesTo(methods: readonly HttpMethod[] | undefined, method: HttpMethod): boolean {
  return methods === undefined || methods.includes(method);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type Fail = (field: string, message: string) => never;

function validationFailure(vendor: string): Fail {
  return (field, message) => {
    throw new ClientValidationError({ vendor, operation: "createApiClient", field, message });
  };
}

function checkVendorConfig(vendor: VendorConfig, fail: Fail): void {
  if (typeof vendor !== "object" || vendor === null)
    fail("vendor", "must be the vendor's config object");
  for (const key of ["vendor", "packageName", "packageVersion", "baseUrl"] as const) {
    if (typeof vendor[key] !== "string" || vendor[key] === "")
      fail(`vendor.${key}`, "must be a non-empty string");
  }
  if (vendor.bodyHeaders !== undefined)
    checkStringRecord(vendor.bodyHeaders, "vendor.bodyHeaders", fail);
  if (vendor.checkRequest !== undefined && typeof vendor.checkRequest !== "function")
    fail("vendor.checkRequest", "must be a function");
  const auth = vendor.auth;
  if (auth === undefined) return;
  if (auth.query !== undefined)
    checkStringRecord(auth.query.params, "vendor.auth.query.params", fail);
  if (auth.body !== undefined) checkStringRecord(auth.body.fields, "vendor.auth.body.fields", fail);
  if (auth.headers !== undefined) checkStringRecord(auth.headers, "vendor.auth.headers", fail);
  if (auth.onRequest !== undefined && typeof auth.onRequest !== "function") {
    fail("vendor.auth.onRequest", "must be a function");
  }
}

function checkStringRecord(value: unknown, field: string, fail: Fail): void {
  if (typeof value !== "object" || value === null) fail(field, "must be an object of strings");
  for (const [key, item] of Object.entries(value as object)) {
    // Never echo the value: it is a credential.
    if (typeof item !== "string" || item === "")
      fail(`${field}.${key}`, "must be a non-empty string");
  }
}

function checkBaseUrl(value: unknown, field: string, fail: Fail, redactor: Redactor): string {
  if (typeof value !== "string") return fail(field, "must be an absolute http(s) URL string");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(
      field,
      `must be an absolute http(s) URL, got ${JSON.stringify(redactor.url(value))}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return fail(field, `must use http or https, got ${JSON.stringify(url.protocol)}`);
  }
  if (url.username !== "" || url.password !== "") {
    return fail(field, "must not carry credentials; pass them to the client's auth options");
  }
  return value;
}

function checkTimeout(value: unknown, field: string, fail: Fail): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    return fail(field, "must be a finite number of milliseconds ≥ 0 (0 turns the timeout off)");
  }
  return value;
}

/** Every credential the client was given: auth placements, sensitive headers and `secrets`. */
function collectSecrets(
  vendor: VendorConfig,
  options: ApiClientOptions,
  auth: AuthOptions,
): string[] {
  const secrets: string[] = [];
  for (const secret of vendor.secrets ?? []) if (typeof secret === "string") secrets.push(secret);
  for (const value of Object.values(auth.headers ?? {}))
    secrets.push(...secretsInHeaderValue(value));
  for (const value of Object.values(auth.query?.params ?? {})) secrets.push(value);
  for (const value of Object.values(auth.body?.fields ?? {})) secrets.push(value);
  for (const headers of [vendor.headers, options.headers]) {
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (typeof value === "string" && isSensitiveName(name))
        secrets.push(...secretsInHeaderValue(value));
    }
  }
  return secrets;
}
