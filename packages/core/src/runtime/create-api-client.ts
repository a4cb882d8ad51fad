import type {
  Client,
  ClientPathsWithMethod,
  FetchResponse,
  MaybeOptionalInit,
  Middleware,
} from "openapi-fetch";
import {
  bodyAuth,
  bodyOnlyHeaders,
  clientHeaders,
  headerAuth,
  queryAuth,
  scopedPaths,
} from "./auth-placement";
import { callContext, type LooseInit } from "./call-context";
import { resolveBaseUrl } from "./client-base-url";
import type { ApiClientOptions, CallOptions, VendorConfig } from "./client-options";
import { createRuntime } from "./client-runtime";
import { secretsOf } from "./client-secrets";
import { DEFAULT_REQUEST_ID_HEADERS } from "./error-body";
import { ClientValidationError } from "./errors";
import type { HttpMethod } from "./http-method";
import { methodWrapper, type BaseMethod } from "./method-wrapper";
import { createClient, createQuerySerializer } from "./openapi-fetch-client";
import { createRedactor } from "./redaction";
import { serverRetryDelay } from "./retry-policy";
import { checkVendorConfig } from "./vendor-config-check";

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

/**
 * Builds a vendor client: openapi-fetch's `createClient` plus auth placement, User-Agent, timeouts,
 * retries, redacted errors and hooks. `vendor` comes from the vendor package; `options` are the
 * user's, passed through untouched (kept apart so user keys can never replace auth or secrets).
 * Each stage is a module of its own, run in this order.
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

  checkVendorConfig(vendor, options, fail);
  const secrets = secretsOf(vendor, options);
  const redactor = createRedactor(secrets);
  const baseUrl = resolveBaseUrl(vendor, options, redactor, fail);
  const [defaults] = callContext(options as LooseInit, fail);
  const retryDelay = vendor.retryDelay ?? serverRetryDelay;
  const runtime = createRuntime({
    vendor: vendor.vendor,
    redactor,
    hooks: options.hooks ?? {},
    parseErrorBody: vendor.parseErrorBody,
    requestIdHeaders: (vendor.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) =>
      h.toLowerCase(),
    ),
    retryDelay,
    errorKinds: vendor.errorKinds ?? {},
    authOnRequest: vendor.auth?.onRequest,
    limiter: vendor.rateLimiter?.(
      {
        vendor: vendor.vendor,
        baseUrl,
        secrets,
        options: options.rateLimit,
        now: defaults.retry.now,
        sleep: defaults.retry.sleep,
        retryDelay,
      },
      fail,
    ),
  });
  const headers = clientHeaders(vendor, options);
  // Stage 6: one openapi-fetch client per distinct auth placement (query and body credential on or
  // off), shared by the methods and routes that place it alike; scoped headers go on per call.
  const variants = new Map<string, Client<Paths, Media>>();

  const client: Record<string, unknown> = {
    vendor: vendor.vendor,
    request(method: string, url: string, init?: LooseInit) {
      const upper = String(method).toUpperCase() as HttpMethod;
      if (!METHODS.includes(upper)) fail("method", `must be one of ${METHODS.join(", ")}`);
      return (client[upper] as BaseMethod)(url, init);
    },
    use(...middleware: Middleware[]) {
      for (const variant of variants.values()) variant.use(...middleware);
    },
    eject(...middleware: Middleware[]) {
      for (const variant of variants.values()) variant.eject(...middleware);
    },
  };
  const wrap = methodWrapper(
    runtime,
    redactor,
    baseUrl,
    defaults,
    bodyOnlyHeaders(vendor, options),
    vendor.checkRequest,
    fail,
  );
  /** The client method for calls of `method` to `path` (all the others of `method` when none). */
  const build = (method: HttpMethod, path?: string) => {
    const withQueryAuth = queryAuth(vendor, method, path);
    const bodySerializer = bodyAuth(vendor, method, path);
    const key = `${!withQueryAuth}${!bodySerializer}`;
    let variant = variants.get(key);
    if (!variant)
      variants.set(
        key,
        (variant = createClient<Paths, Media>({
          baseUrl,
          fetch: (request: Request) => runtime.send(request, defaults),
          headers,
          querySerializer: withQueryAuth?.() ?? createQuerySerializer(vendor.querySerializer),
          // Also on the Request itself, for a custom fetch that ignores the init it is given.
          redirect: "manual",
          ...(bodySerializer && { bodySerializer }),
        })),
      );
    const base = variant[method] as unknown as BaseMethod;
    return wrap(method, base, withQueryAuth, headerAuth(vendor, method, path));
  };
  for (const method of METHODS) {
    const others = build(method);
    const paths = scopedPaths(vendor, method);
    if (paths.length === 0) {
      client[method] = others;
      continue;
    }
    // Operations that authenticate their own way, by the path template the call names.
    const own = new Map(paths.map((path) => [path, build(method, path)]));
    client[method] = ((url, init) => (own.get(url) ?? others)(url, init)) satisfies BaseMethod;
  }
  return client as unknown as ApiClient<Paths, Media>;
}
