// What a Rollcall client is expected to do under each fault a test server (the vendor
// simulators) can inject: retry or not, which error class, status and vendor message.
import { type CallOutcome, outcomeOf } from "./call-outcome";

/**
 * A misbehaviour a test server injects in place of its answer; `@rollcall/simulators`' `Fault`
 * has these kinds (and a few options more).
 */
export type InjectedFault =
  | { kind: "rate-limit"; retryAfterSeconds?: number }
  | { kind: "server-error"; status: 500 | 502 | 503 | 504 }
  | { kind: "delay"; ms: number }
  | { kind: "connection-reset" }
  | { kind: "malformed-json" }
  | { kind: "html-error-page" }
  | { kind: "empty-body" };

/** Rollcall error classes a fault can end in (matched by class name, subclasses included). */
export type FaultErrorName =
  | "ApiError"
  | "RateLimitError"
  | "ServerError"
  | "TimeoutError"
  | "NetworkError"
  | "ResponseParseError";

/** How a call under a fault should end. `requests`: how many reached the simulator. */
export type FaultExpectation =
  | { outcome: "success"; requests: number }
  | {
      outcome: "error";
      requests: number;
      error: FaultErrorName;
      /** The HTTP status the error carries, when an answer came back. */
      status?: number;
      /**
       * Text the error's `vendorMessage` contains: what the simulator put in the error body (a
       * client may add the vendor's title around it). `undefined`: the error carries no message.
       */
      vendorMessageIncludes?: string | undefined;
      /** A pattern the error message matches. */
      message?: RegExp;
    };

export interface FaultScenario {
  name: string;
  fault: InjectedFault;
  /** The per-call timeout to pass (`{ timeoutMs }`), for the delay fault. */
  timeoutMs?: number;
  /** A retrying client's idempotent call (GET): retried when the fault is transient. */
  idempotent: FaultExpectation;
  /** A non-idempotent call (POST): never sent twice, so every fault is the caller's to see. */
  nonIdempotent: FaultExpectation;
}

/**
 * Retry settings the scenarios assume: retries on, tiny backoff, and `maxDelayMs` far below any
 * server-requested wait (a long Retry-After or a rate-limit reset is handed back, not slept on).
 */
export const FAULT_TEST_RETRY = { baseDelayMs: 1, maxDelayMs: 50 } as const;

/**
 * Rate-limit pacing for clients in tests whose subject is something else: the buckets run 1000×
 * faster. Pacing stays on, but an injected 429 naming a reset a minute away (which empties the
 * process-wide bucket of that server and key, as it should) holds later tests' calls for 60 ms,
 * not a minute. The limiter's own tests run at the real pace with a fake clock.
 */
export const TEST_RATE_LIMIT = { timeScale: 1000 } as const;

const RATE_LIMIT_MESSAGE = "Rate limit exceeded. Try again later.";
// Long enough that a retry answered at once never times out on a loaded 2-core machine.
const TIMEOUT_MS = 400;

/** What the server under test does that changes a scenario's expectation. */
export interface FaultScenarioOptions {
  /**
   * True when the server's plain 429 names a wait longer than {@link FAULT_TEST_RETRY}'s
   * `maxDelayMs` (a `X-RateLimit-Reset` a minute away): the client hands the error back
   * instead of retrying. False (the default) when it names none, so the client backs off and retries.
   */
  rateLimitNamesLongWait?: boolean;
}

/**
 * The faults a test server can inject, with what a Rollcall client (retrying with
 * {@link FAULT_TEST_RETRY}) should end with for a GET and for a POST.
 */
export function faultScenarios(options: FaultScenarioOptions = {}): FaultScenario[] {
  const rateLimited = (requests: number): FaultExpectation => ({
    outcome: "error",
    requests,
    error: "RateLimitError",
    status: 429,
    vendorMessageIncludes: RATE_LIMIT_MESSAGE,
  });
  const retried: FaultExpectation = { outcome: "success", requests: 2 };
  const parseError = (message: RegExp): FaultExpectation => ({
    outcome: "error",
    requests: 1,
    error: "ResponseParseError",
    message,
  });
  const serverErrors = ([500, 502, 503, 504] as const).map((status): FaultScenario => ({
    name: `server error ${status}`,
    fault: { kind: "server-error", status },
    idempotent: retried,
    nonIdempotent: {
      outcome: "error",
      requests: 1,
      error: "ServerError",
      status,
      vendorMessageIncludes: `simulated ${status}`,
    },
  }));
  return [
    {
      name: "429 without Retry-After",
      fault: { kind: "rate-limit" },
      idempotent: options.rateLimitNamesLongWait === true ? rateLimited(1) : retried,
      nonIdempotent: rateLimited(1),
    },
    {
      name: "429 with Retry-After: 0",
      fault: { kind: "rate-limit", retryAfterSeconds: 0 },
      idempotent: retried,
      nonIdempotent: rateLimited(1),
    },
    {
      name: "429 with a Retry-After longer than maxDelayMs",
      fault: { kind: "rate-limit", retryAfterSeconds: 120 },
      idempotent: rateLimited(1),
      nonIdempotent: rateLimited(1),
    },
    ...serverErrors,
    {
      name: "a delay past the timeout",
      fault: { kind: "delay", ms: TIMEOUT_MS * 10 },
      timeoutMs: TIMEOUT_MS,
      idempotent: retried,
      nonIdempotent: {
        outcome: "error",
        requests: 1,
        error: "TimeoutError",
        message: new RegExp(`timed out after ${TIMEOUT_MS} ms`),
      },
    },
    {
      name: "a connection reset",
      fault: { kind: "connection-reset" },
      idempotent: retried,
      nonIdempotent: { outcome: "error", requests: 1, error: "NetworkError" },
    },
    {
      name: "malformed JSON in a 200",
      fault: { kind: "malformed-json" },
      idempotent: parseError(/not valid JSON|expected a JSON body/),
      nonIdempotent: parseError(/not valid JSON|expected a JSON body/),
    },
    {
      name: "an HTML 502 page",
      fault: { kind: "html-error-page" },
      idempotent: retried,
      nonIdempotent: {
        outcome: "error",
        requests: 1,
        error: "ServerError",
        status: 502,
        vendorMessageIncludes: undefined,
      },
    },
    {
      name: "an empty 200 body",
      fault: { kind: "empty-body" },
      idempotent: parseError(/empty/),
      nonIdempotent: parseError(/empty/),
    },
  ];
}

/** What {@link runFaultScenario} needs of a simulator. */
export interface FaultTarget {
  faults: { once(fault: InjectedFault, options: { route: string }): unknown };
  requestCount(route?: string): number;
}

export interface FaultRun {
  outcome: CallOutcome;
  /** How many requests reached `route` during the call. */
  requests: number;
  /** Every way the run differs from the expectation; empty when it matched. */
  problems: string[];
}

/**
 * Injects the scenario's fault once on `route`, makes the call (which returns data or throws, e.g.
 * through `unwrap`), and compares what happened with `expected`.
 */
export async function runFaultScenario(
  simulator: FaultTarget,
  route: string,
  scenario: FaultScenario,
  expected: FaultExpectation,
  call: (callOptions: { timeoutMs?: number }) => Promise<unknown>,
): Promise<FaultRun> {
  const before = simulator.requestCount(route);
  simulator.faults.once(scenario.fault, { route });
  const outcome = await outcomeOf(() =>
    call(scenario.timeoutMs === undefined ? {} : { timeoutMs: scenario.timeoutMs }),
  );
  const requests = simulator.requestCount(route) - before;
  const problems = outcomeProblems(outcome, expected);
  if (requests !== expected.requests) {
    problems.push(`expected ${expected.requests} request(s) to ${route}, saw ${requests}`);
  }
  return { outcome, requests, problems };
}

/** Every way `outcome` differs from `expected`; empty when it matches. */
export function outcomeProblems(outcome: CallOutcome, expected: FaultExpectation): string[] {
  if (expected.outcome === "success") {
    return "data" in outcome ? [] : [`expected success, got ${describe(outcome.error)}`];
  }
  if (!("error" in outcome)) return [`expected a ${expected.error}, but the call succeeded`];
  const { error } = outcome;
  if (!isNamed(error, expected.error))
    return [`expected a ${expected.error}, got ${describe(error)}`];
  const problems: string[] = [];
  const fields = error as { status?: unknown; vendorMessage?: unknown; message: string };
  if (expected.status !== undefined && fields.status !== expected.status) {
    problems.push(`expected status ${expected.status}, got ${String(fields.status)}`);
  }
  if ("vendorMessageIncludes" in expected && !includesVendorMessage(fields, expected)) {
    const wanted = expected.vendorMessageIncludes;
    problems.push(
      `expected ${wanted === undefined ? "no vendorMessage" : `a vendorMessage containing ${JSON.stringify(wanted)}`}, got ${JSON.stringify(fields.vendorMessage)}`,
    );
  }
  if (expected.message !== undefined && !expected.message.test(fields.message)) {
    problems.push(
      `expected a message matching ${expected.message}, got ${JSON.stringify(fields.message)}`,
    );
  }
  return problems;
}

function includesVendorMessage(
  error: { vendorMessage?: unknown },
  expected: { vendorMessageIncludes?: string | undefined },
): boolean {
  const wanted = expected.vendorMessageIncludes;
  if (wanted === undefined) return error.vendorMessage === undefined;
  return typeof error.vendorMessage === "string" && error.vendorMessage.includes(wanted);
}

/** True when `error` is an instance of a class called `name` (or of a subclass of it). */
function isNamed(error: unknown, name: string): error is Error {
  if (!(error instanceof Error)) return false;
  for (
    let proto = Object.getPrototypeOf(error);
    proto !== null;
    proto = Object.getPrototypeOf(proto)
  ) {
    if ((proto as { constructor?: { name?: unknown } }).constructor?.name === name) return true;
  }
  return false;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
