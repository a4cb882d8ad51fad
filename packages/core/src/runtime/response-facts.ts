import type { ApiError } from "./errors";

/**
 * What `send` knows about a non-2xx response that the method wrapper does not: the URL really sent
 * (after an auth hook) and how many attempts it took.
 */
export interface Delivery {
  url: string;
  attempts: number;
}

// Facts travel on the Response itself, under non-enumerable symbol keys: nothing outlives the call,
// the Response survives `const { error, response } = result`, and logging, spreading or
// serialising a result shows what it did before. `Symbol.for` for the error: a vendor package that
// resolved another copy of @rollcall/core builds it, and the app's `unwrap` must still find it.
export const API_ERROR = Symbol.for("rollcall.apiError");
export const DELIVERY = Symbol();

/** A Response with the facts a Rollcall client may have put on it. */
export type Carrier = Response & { [API_ERROR]?: ApiError; [DELIVERY]?: Delivery };

// Non-enumerable; Reflect, so that a frozen Response from a custom fetch keeps no fact rather than
// failing the call.
export const hide = (response: Response, key: typeof API_ERROR | typeof DELIVERY, value: unknown) =>
  Reflect.defineProperty(response, key, { value });
