/** A scripted misbehaviour the next matching request(s) receive instead of a normal answer. */
export type Fault =
  /**
   * 429 with the vendor's rate-limit headers and error body (`body` replaces the body);
   * `retryAfterSeconds` adds a Retry-After header, which none of the four vendors documents.
   */
  | { kind: "rate-limit"; retryAfterSeconds?: number; body?: unknown }
  /** A gateway or server error in the vendor's error format. */
  | { kind: "server-error"; status: 500 | 502 | 503 | 504 }
  /** Hold the request this long, then answer it normally (use it to run past a client timeout). */
  | { kind: "delay"; ms: number }
  /** Destroy the socket without answering. */
  | { kind: "connection-reset" }
  /** A 200 whose body is cut-off JSON. */
  | { kind: "malformed-json"; status?: number }
  /** An HTML error page, as a load balancer in front of the vendor would send. */
  | { kind: "html-error-page"; status?: number }
  /** A response with the given status (default 200) and no body at all. */
  | { kind: "empty-body"; status?: number };

export interface FaultOptions {
  /** Only requests to this route consume the fault: `"POST /v1/json/user"` or `"GET /Operator/{}"`. */
  route?: string;
}

export interface ScheduledFault {
  fault: Fault;
  remaining: number;
  route: string | undefined;
}

/** The faults a simulator will inject, consumed in the order they were scheduled. */
export class FaultScript {
  readonly #scheduled: ScheduledFault[] = [];
  readonly #matchesRoute: (
    route: string,
    request: { method: string; path: string; routeKey?: string },
  ) => boolean;

  constructor(
    matchesRoute: (
      route: string,
      request: { method: string; path: string; routeKey?: string },
    ) => boolean,
  ) {
    this.#matchesRoute = matchesRoute;
  }

  /** The next `count` matching requests get `fault`. */
  next(count: number, fault: Fault, options: FaultOptions = {}): this {
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`faults.next: count must be a positive integer, got ${String(count)}`);
    }
    if (fault.kind === "delay" && !(fault.ms >= 0)) {
      throw new RangeError(`faults.next: a delay needs ms >= 0, got ${String(fault.ms)}`);
    }
    this.#scheduled.push({ fault, remaining: count, route: options.route });
    return this;
  }

  /** The very next matching request gets `fault`. */
  once(fault: Fault, options: FaultOptions = {}): this {
    return this.next(1, fault, options);
  }

  /** Faults still waiting for a request. */
  get pending(): readonly Readonly<ScheduledFault>[] {
    return this.#scheduled.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#scheduled.length = 0;
  }

  /** Consumes and returns the first fault whose route matches, if any. */
  take(request: { method: string; path: string; routeKey?: string }): Fault | undefined {
    const index = this.#scheduled.findIndex(
      (entry) => entry.route === undefined || this.#matchesRoute(entry.route, request),
    );
    const entry = this.#scheduled[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#scheduled.splice(index, 1);
    return entry.fault;
  }
}
