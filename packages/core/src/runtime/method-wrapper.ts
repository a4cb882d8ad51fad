import type { QuerySerializer } from "./auth-placement";
import { callContext, needsCallContext, type LooseInit } from "./call-context";
import type { CallContext, ClientRuntime } from "./client-runtime";
import { RollcallError } from "./errors";
import type { HttpMethod } from "./http-method";
import { mergeHeaders } from "./openapi-fetch-client";
import type { Redactor } from "./redaction";
import { mayCheckMethod, type RequestCheck } from "./request-checks";
import type { Fail } from "./vendor-config-check";

export type Result = { data?: unknown; error?: unknown; response: Response };
export type BaseMethod = (url: string, init?: Record<string, unknown>) => Promise<Result>;

/**
 * Stage 7: makes each of openapi-fetch's `base` methods the client's `GET`, `POST`, …: runs the
 * vendor's request check, adds body headers, builds a per-call context when the call asks for one,
 * and turns the result into typed errors: a non-2xx gets its ApiError (see `runtime.failed`), a
 * broken 2xx body a ResponseParseError, anything else thrown keeps its type minus secrets.
 */
export function methodWrapper(
  runtime: ClientRuntime,
  redactor: Redactor,
  baseUrl: string,
  defaults: CallContext,
  /** `vendor.bodyHeaders` for calls with a body (see `bodyOnlyHeaders`). */
  bodyHeaders: Record<string, string> | undefined,
  checkRequest: RequestCheck | undefined,
  fail: Fail,
) {
  return (
    method: HttpMethod,
    base: BaseMethod,
    withQueryAuth: ((own?: unknown) => QuerySerializer) | undefined,
    /** Scoped auth headers of these calls, above the call's own headers. */
    authHeaders?: Record<string, string>,
  ): BaseMethod => {
    // A per-call timeout, retry, signal, parseAs, fetch or query serialiser needs its own context.
    const perCallInit = (init: LooseInit): Record<string, unknown> => {
      const [call, rest] = callContext(init, fail, defaults, "");
      rest.fetch = (request: Request) => runtime.send(request, call);
      if (withQueryAuth && rest.querySerializer !== undefined)
        rest.querySerializer = withQueryAuth(rest.querySerializer);
      return rest;
    };

    // `checkRequest: false` is a call's explicit opt-out of the vendor's request check.
    const withoutCheck = ({ checkRequest: optOut, ...init }: LooseInit): LooseInit =>
      optOut === false ? init : fail("checkRequest", "may only be false (skip the request check)");

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
    return async (url: string, init?: LooseInit) => {
      try {
        if (init?.checkRequest !== undefined) init = withoutCheck(init);
        else check?.({ method, path: url, init: init ?? {} });
        let sent =
          bodyHeaders && init?.body !== undefined
            ? { ...init, headers: mergeHeaders(bodyHeaders, init.headers as HeadersInit) }
            : init;
        if (authHeaders)
          sent = { ...sent, headers: mergeHeaders(sent?.headers as HeadersInit, authHeaders) };
        return checked(await base(url, sent && needsCallContext(sent) ? perCallInit(sent) : sent));
      } catch (error) {
        return rethrow(url, error);
      }
    };
  };
}
