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
const API_ERROR = Symbol.for("@rollcall/core:api-error");
const DELIVERY = Symbol("delivery");

type Carrier = Response & { [API_ERROR]?: ApiError; [DELIVERY]?: Delivery };

// Reflect: a frozen Response from a custom fetch keeps no fact, rather than failing the call.
const hide = (response: Response, key: symbol, value: unknown) =>
  Reflect.defineProperty(response, key, { value });

export const noteDelivery = (response: Response, delivery: Delivery) =>
  hide(response, DELIVERY, delivery);
export const deliveryOf = (response: Response) => (response as Carrier)[DELIVERY];

/** Attaches a failed call's ApiError to its Response, for `unwrap` and `toApiError`. */
export const attachApiError = (response: Response, error: ApiError) =>
  hide(response, API_ERROR, error);
/** The ApiError a Rollcall client (this copy of core or another) attached, if any. */
export const attachedApiError = (response: Response) => (response as Carrier)[API_ERROR];
