import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import {
  Contract,
  mediaTypeOf,
  toRouteKey,
  type ContractOperation,
  type ContractProblem,
} from "../spec/contract";
import type { OpenApiDocument } from "../spec/openapi-document";
import { FaultScript, type Fault } from "./faults";
import {
  RateLimits,
  rateLimitHeaders,
  wallClock,
  type RateLimitVerdict,
  type SimulatorClock,
} from "./rate-limits";
import { redactHeaders, redactJson, redactQuery, scrubText } from "./redaction";
import type {
  ErrorKind,
  ResettableStore,
  SimResponse,
  VendorDefinition,
} from "./vendor-definition";

export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Check every response against the spec; a mismatch answers 500 and is recorded as a contract
   * violation. Defaults to true under vitest (`VITEST`) or when NODE_ENV is "test".
   */
  validateResponses?: boolean;
  /**
   * Enforce the vendor's published request limits (the spec's `x-rollcall-rate-limits`), answering
   * 429 as the vendor does. Default true; faults still override.
   */
  limits?: boolean;
  /**
   * Mean time each answer takes, in ms from the request's arrival, the simulator's own work
   * included (default 0).
   */
  latency?: number;
  /** The latency varies evenly by up to this many ms either side of the mean (default 0). */
  jitter?: number;
  /**
   * Vendor time runs this many times faster than the wall clock (default 1): with 60, eagle.io's
   * 5-minute window passes in 5 seconds. Headers still report wall-clock seconds.
   */
  timeScale?: number;
  /** The clock the limits and the latency read and sleep on; tests pass a fake one. */
  clock?: SimulatorClock;
}

/** What a simulator answered since it started or was last reset. */
export interface SimulatorStats {
  /** Requests answered, by HTTP status (`"200"`, `"429"`, …). */
  statuses: Record<string, number>;
  /** 429s the vendor's request limits caused, by limit id (scripted faults not included). */
  throttled: Record<string, number>;
}

/** One request as it reached the simulator, with every credential redacted. */
export interface LoggedRequest {
  method: string;
  /** Path below the simulator's base URL, without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Parsed JSON body (secret fields redacted), the raw text if it was not JSON, or undefined. */
  body: unknown;
  /** The spec route it matched (`POST /v1/json/user`, `GET /Operator/{}`), if any. */
  route: string | undefined;
  /** Status answered; undefined while pending or when the connection was reset. */
  status: number | undefined;
  /** The fault injected into this request, if any. */
  fault: Fault["kind"] | undefined;
  /** Why the request was rejected as invalid, if it was. */
  problems: ContractProblem[];
  /** ISO 8601 time the request arrived. */
  timestamp: string;
}

/** A response the simulator produced that does not match the spec. */
export interface ContractViolation {
  route: string;
  status: number;
  problems: ContractProblem[];
  timestamp: string;
}

export class ContractViolationError extends Error {
  readonly violations: readonly ContractViolation[];
  constructor(vendor: string, violations: readonly ContractViolation[]) {
    const lines = violations.flatMap((violation) =>
      violation.problems.map(
        (problem) =>
          `  ${violation.route} → ${violation.status}: ${problem.location} ${problem.message}`,
      ),
    );
    super(
      `${vendor} simulator: ${violations.length} response(s) broke the spec:\n${lines.join("\n")}`,
    );
    this.name = "ContractViolationError";
    this.violations = violations;
  }
}

function defaultValidateResponses(): boolean {
  return Boolean(process.env.VITEST) || process.env.NODE_ENV === "test";
}

/**
 * A running fake vendor server on loopback. Tests arrange state through `store`, script failures
 * through `faults`, and assert on `requests` and `contractViolations`.
 */
export class Simulator<Store extends ResettableStore, Credentials> {
  readonly vendor: string;
  readonly url: string;
  readonly credentials: Credentials;
  readonly store: Store;
  readonly faults: FaultScript;
  readonly #server: Server;
  readonly #log: LoggedRequest[] = [];
  readonly #violations: ContractViolation[] = [];
  readonly #basePath: string;
  readonly #stats: SimulatorStats;
  readonly #limits: RateLimits;

  /** @internal use `startSimulator(id)` or the vendor's start function. */
  constructor(
    definition: VendorDefinition<Store, Credentials>,
    server: Server,
    url: string,
    log: LoggedRequest[],
    violations: ContractViolation[],
    faults: FaultScript,
    stats: SimulatorStats,
    limits: RateLimits,
  ) {
    this.vendor = definition.id;
    this.credentials = definition.credentials;
    this.store = definition.store;
    this.url = url;
    this.faults = faults;
    this.#server = server;
    this.#log = log;
    this.#violations = violations;
    this.#basePath = definition.basePath;
    this.#stats = stats;
    this.#limits = limits;
  }

  /** How many requests got each status, and how many 429s each request limit caused. */
  stats(): SimulatorStats {
    return { statuses: { ...this.#stats.statuses }, throttled: { ...this.#stats.throttled } };
  }

  /** Every request received so far, oldest first. */
  get requests(): readonly LoggedRequest[] {
    return [...this.#log];
  }

  /** How many requests matched `route` (`"POST /v1/json/user"`, `"GET /Operator/{}"`), or all. */
  requestCount(route?: string): number {
    if (route === undefined) return this.#log.length;
    return this.#log.filter((entry) => matchesRoute(route, this.#basePath, entry)).length;
  }

  clearRequests(): void {
    this.#log.length = 0;
  }

  get contractViolations(): readonly ContractViolation[] {
    return [...this.#violations];
  }

  /** Returns the recorded violations and forgets them (for tests that provoke one on purpose). */
  takeContractViolations(): ContractViolation[] {
    return this.#violations.splice(0);
  }

  /** Throws a ContractViolationError listing every response that broke the spec. */
  assertNoContractViolations(): void {
    if (this.#violations.length > 0)
      throw new ContractViolationError(this.vendor, this.#violations);
  }

  /** Restores the seed data, refills the request limits, and forgets faults, logs and stats. */
  reset(): void {
    this.store.reset();
    this.faults.clear();
    this.#log.length = 0;
    this.#limits.reset();
    clearStats(this.#stats);
  }

  /** Stops the server; rejects with ContractViolationError if any response broke the spec. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    this.assertNoContractViolations();
  }

  [inspect.custom](): string {
    return `Simulator(${this.vendor} at ${this.url})`;
  }

  toJSON(): { vendor: string; url: string } {
    return { vendor: this.vendor, url: this.url };
  }
}

/** `"POST /v1/json/user"` against a logged request: by spec template or by concrete path. */
function matchesRoute(
  route: string,
  basePath: string,
  request: {
    method: string;
    path: string;
    route?: string | undefined;
    routeKey?: string | undefined;
  },
): boolean {
  const match = /^\s*(?:([A-Za-z]+)\s+)?(\S+)\s*$/.exec(route);
  if (!match) return false;
  const method = match[1]?.toUpperCase();
  let path = match[2] ?? "";
  if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
  if (method && method !== request.method.toUpperCase()) return false;
  const key = request.routeKey ?? request.route;
  const wanted = toRouteKey(request.method, path);
  return (
    (key !== undefined && toRouteKey(request.method, keyPath(key)) === wanted) ||
    path === request.path
  );
}

function keyPath(routeKey: string): string {
  return routeKey.slice(routeKey.indexOf(" ") + 1);
}

class PayloadTooLarge extends Error {}

function clearStats(stats: SimulatorStats): void {
  stats.statuses = {};
  stats.throttled = {};
}

function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** A latency of `mean` ms, spread evenly over ± `jitter`, never negative. */
function latencyOf(mean: number, jitter: number): number {
  return Math.max(0, mean + (Math.random() * 2 - 1) * jitter);
}

/** Catches a secret sent under a name no redaction rule knows (a custom header, say). */
function scrubValues<T extends string | string[]>(
  record: Record<string, T>,
  scrub: (text: string) => string,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      (Array.isArray(value) ? value.map(scrub) : scrub(value)) as T,
    ]),
  );
}

// Compiling a spec's validators is the slow part of starting; simulators of one spec share them.
const contracts = new WeakMap<object, Contract>();
function contractFor(spec: OpenApiDocument, vendor: string): Contract {
  let contract = contracts.get(spec);
  if (!contract) {
    contract = new Contract(spec, `${vendor}-spec`);
    contracts.set(spec, contract);
  }
  return contract;
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let tooLarge = false;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    // Keep draining past the cap so the client can read our 413 instead of a broken pipe.
    if (total > maxBytes) tooLarge = true;
    else chunks.push(chunk);
  }
  if (tooLarge) throw new PayloadTooLarge();
  return Buffer.concat(chunks);
}

/** Serves any vendor definition on loopback; declareSimulator builds the definitions of the vendors. */
export async function serveSimulator<Store extends ResettableStore, Credentials>(
  definition: VendorDefinition<Store, Credentials>,
  options: SimulatorOptions = {},
): Promise<Simulator<Store, Credentials>> {
  const contract = contractFor(definition.spec, definition.id);
  const validateResponses = options.validateResponses ?? defaultValidateResponses();
  const secretFields = new Set(definition.secretFields);
  const log: LoggedRequest[] = [];
  const violations: ContractViolation[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const clock = options.clock ?? wallClock(timers);
  const limits = new RateLimits(definition.rateLimits ?? [], options.timeScale ?? 1, clock);
  const enforceLimits = options.limits ?? true;
  const latency = options.latency ?? 0;
  const jitter = options.jitter ?? 0;
  const stats: SimulatorStats = { statuses: {}, throttled: {} };
  // The rate-limit headers each request's answer carries, from the limit it counted against.
  const limitHeaders = new WeakMap<LoggedRequest, Record<string, string>>();
  // When each request's answer may leave (clock ms), under the latency setting.
  const answerDue = new WeakMap<LoggedRequest, number>();
  const faults = new FaultScript((route, request) =>
    matchesRoute(route, definition.basePath, request),
  );
  let baseUrl = "";

  const scrub = (text: string) => scrubText(text, definition.secrets);

  function send(res: ServerResponse, entry: LoggedRequest, response: SimResponse): void {
    entry.status = response.status;
    count(stats.statuses, String(response.status));
    if (res.destroyed || res.headersSent) return;
    const headers: Record<string, string> = {
      ...definition.commonHeaders?.(new Date()),
      ...limitHeaders.get(entry),
      ...response.headers,
    };
    let payload = "";
    if (response.body !== undefined) {
      payload =
        typeof response.body === "string" && response.contentType?.includes("html")
          ? response.body
          : JSON.stringify(response.body);
      headers["content-type"] =
        response.contentType ?? `${definition.jsonMediaType}; charset=utf-8`;
    } else if (response.contentType) {
      headers["content-type"] = response.contentType;
    }
    headers["content-length"] = String(Buffer.byteLength(payload));
    whenDue(entry, () => {
      if (res.destroyed) return;
      res.writeHead(response.status, headers);
      res.end(payload);
    });
  }

  /** Runs `answer` once the request's latency has passed since it arrived (at once if it has). */
  function whenDue(entry: LoggedRequest, answer: () => void): void {
    const wait = (answerDue.get(entry) ?? 0) - clock.now();
    if (wait > 0) void clock.sleep(wait).then(answer);
    else answer();
  }

  function frameworkError(
    kind: ErrorKind,
    message: string,
    status?: number,
    problems?: ContractProblem[],
  ): SimResponse {
    return definition.errorResponse(kind, scrub(message), status, problems);
  }

  /** Validates a response against the operation; a mismatch is recorded and becomes a 500. */
  function checked(
    operation: ContractOperation | undefined,
    response: SimResponse,
    origin: "framework" | "handler" = "framework",
  ): SimResponse {
    if (!validateResponses || !operation) return response;
    // The framework's own rejections (401, 400...) are only held to statuses the spec documents:
    // a spec that leaves out a 401 is not the simulator's fault.
    if (origin === "framework" && !contract.documentsStatus(operation, response.status)) {
      return response;
    }
    const hasBody = response.body !== undefined;
    const mediaType = hasBody
      ? (mediaTypeOf(response.contentType) ?? definition.jsonMediaType)
      : undefined;
    const problems = contract.checkResponse(
      operation,
      response.status,
      mediaType,
      response.body,
      hasBody,
    );
    if (problems.length === 0) return response;
    violations.push({
      route: operation.routeKey,
      status: response.status,
      problems,
      timestamp: new Date().toISOString(),
    });
    return frameworkError(
      "internal-error",
      `simulator response broke the ${definition.title} spec`,
      500,
    );
  }

  /** The vendor's rate-limit headers for a verdict: the spec's roles, then the vendor's own. */
  function headersOf(verdict: RateLimitVerdict | undefined): Record<string, string> {
    return {
      ...(verdict && rateLimitHeaders(verdict)),
      ...definition.rateLimitHeaders(verdict),
    };
  }

  /** The vendor's 429: its error body and the headers of the limit that refused the call. */
  function throttledResponse(verdict: RateLimitVerdict | undefined): SimResponse {
    const response = frameworkError("rate-limited", "Rate limit exceeded. Try again later.", 429);
    return { ...response, headers: { ...headersOf(verdict), ...response.headers } };
  }

  /**
   * Counts the request against the limits keyed by `keyedBy`; answers the vendor's 429 and returns
   * true when a bucket is empty. The client's IP keys IP limits; a simulator accepts one
   * credential, so every authenticated request shares the credential limits' buckets.
   */
  function refusedByLimits(
    keyedBy: "ip" | "credential",
    req: IncomingMessage,
    res: ServerResponse,
    entry: LoggedRequest,
    operation: ContractOperation | undefined,
  ): boolean {
    if (!enforceLimits) return false;
    const key = keyedBy === "ip" ? (req.socket.remoteAddress ?? "") : "credential";
    const verdict = limits.take(keyedBy, key, entry.method, operation?.routeKey);
    if (!verdict) return false;
    if (verdict.allowed) {
      limitHeaders.set(entry, headersOf(verdict));
      return false;
    }
    count(stats.throttled, verdict.rule.id);
    send(res, entry, checked(operation, throttledResponse(verdict)));
    return true;
  }

  function faultResponse(fault: Fault, method: string, routeKey?: string): SimResponse | undefined {
    switch (fault.kind) {
      case "rate-limit": {
        const standard = throttledResponse(limits.throttled(method, routeKey));
        const response = fault.body === undefined ? standard : { ...standard, body: fault.body };
        const headers = { ...response.headers };
        if (fault.retryAfterSeconds !== undefined)
          headers["retry-after"] = String(fault.retryAfterSeconds);
        return { ...response, headers };
      }
      case "server-error":
        return frameworkError("server-error", `simulated ${fault.status}`, fault.status);
      case "malformed-json":
        return {
          status: fault.status ?? 200,
          body: '{"data": [{"id": "trunc',
          contentType: "text/x-broken",
        };
      case "html-error-page":
        return {
          status: fault.status ?? 502,
          contentType: "text/html; charset=utf-8",
          body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        };
      case "empty-body":
        return {
          status: fault.status ?? 200,
          contentType: `${definition.jsonMediaType}; charset=utf-8`,
        };
      default:
        return undefined;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const rawQuery = url.search.startsWith("?") ? url.search.slice(1) : "";
    let path = url.pathname;
    const underBase =
      definition.basePath === "" ||
      path === definition.basePath ||
      path.startsWith(`${definition.basePath}/`);
    if (definition.basePath && underBase) path = path.slice(definition.basePath.length) || "/";

    const entry: LoggedRequest = {
      method,
      path,
      query: scrubValues(redactQuery(url.searchParams, secretFields), scrub),
      headers: scrubValues(redactHeaders(req.headers), scrub),
      body: undefined,
      route: undefined,
      status: undefined,
      fault: undefined,
      problems: [],
      timestamp: new Date().toISOString(),
    };
    log.push(entry);
    // The latency is how long the vendor takes to answer, counted from arrival with the
    // simulator's own work inside it: on a shared machine that work is the test rig's, not the
    // vendor's, and adding it on top would slow every answer past the stated latency.
    if (latency > 0 || jitter > 0) answerDue.set(entry, clock.now() + latencyOf(latency, jitter));

    let rawBody: Buffer;
    try {
      rawBody = await readBody(req, definition.maxBodyBytes);
    } catch (error) {
      if (error instanceof PayloadTooLarge) {
        send(
          res,
          entry,
          frameworkError(
            "payload-too-large",
            `request body exceeds ${definition.maxBodyBytes} bytes`,
            413,
          ),
        );
      } else {
        res.destroy();
      }
      return;
    }
    const bodyText = rawBody.toString("utf8");
    const mediaType =
      rawBody.length > 0 ? (mediaTypeOf(req.headers["content-type"]) ?? "") : undefined;
    let body: unknown;
    let bodyIsJson = false;
    if (mediaType !== undefined) {
      try {
        body = JSON.parse(bodyText);
        bodyIsJson = true;
      } catch {
        body = undefined;
      }
      entry.body = bodyIsJson ? redactJson(body, secretFields) : scrub(bodyText);
    }

    const lookup = underBase ? contract.lookup(method, path) : ({ kind: "not-found" } as const);
    const operation = lookup.kind === "found" ? lookup.match.operation : undefined;
    entry.route = operation?.routeKey;

    const fault = faults.take({ method, path, routeKey: operation?.routeKey });
    if (fault) {
      entry.fault = fault.kind;
      if (fault.kind === "connection-reset") {
        whenDue(entry, () => req.socket.destroy());
        return;
      }
      if (fault.kind === "delay") {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, fault.ms);
          timers.add(timer);
        });
        if (res.destroyed) return;
      } else {
        const response = faultResponse(fault, method, operation?.routeKey);
        if (response) {
          if (response.contentType === "text/x-broken") {
            entry.status = response.status;
            count(stats.statuses, String(response.status));
            whenDue(entry, () => {
              if (res.destroyed) return;
              res.writeHead(response.status, {
                "content-type": `${definition.jsonMediaType}; charset=utf-8`,
              });
              res.end(String(response.body));
            });
          } else {
            send(res, entry, response);
          }
          return;
        }
      }
    }

    // A limit per client IP counts every request, whatever it carries or asks for.
    if (refusedByLimits("ip", req, res, entry, operation)) return;
    if (
      definition.maxQueryBytes !== undefined &&
      Buffer.byteLength(rawQuery) > definition.maxQueryBytes
    ) {
      send(
        res,
        entry,
        frameworkError(
          "payload-too-large",
          `query string exceeds ${definition.maxQueryBytes} bytes`,
          413,
        ),
      );
      return;
    }
    if (lookup.kind === "not-found") {
      send(
        res,
        entry,
        frameworkError(
          "route-not-found",
          `no route for ${method} ${underBase ? path : url.pathname}`,
        ),
      );
      return;
    }
    if (lookup.kind === "method-not-allowed") {
      const allowed = lookup.allowed.map((m) => m.toUpperCase()).join(", ");
      const response = frameworkError(
        "method-not-allowed",
        `${method} is not allowed on ${path} (allowed: ${allowed})`,
      );
      send(res, entry, { ...response, headers: { allow: allowed, ...response.headers } });
      return;
    }
    const { pathParams } = lookup.match;
    const op = lookup.match.operation;

    if (mediaType !== undefined && op.requestBodyMediaTypes.length > 0) {
      if (!contract.acceptsMediaType(op, mediaType)) {
        const response = frameworkError(
          "unsupported-media-type",
          `Content-Type "${mediaType || "(none)"}" is not accepted; send ${op.requestBodyMediaTypes.join(" or ")}`,
        );
        send(res, entry, checked(op, response));
        return;
      }
      if (!bodyIsJson && mediaType.endsWith("json")) {
        send(
          res,
          entry,
          checked(op, frameworkError("malformed-body", "request body is not valid JSON")),
        );
        return;
      }
    }

    if (
      !definition.authenticate({
        method,
        operation: op,
        headers: req.headers,
        query: url.searchParams,
        body,
      })
    ) {
      send(
        res,
        entry,
        checked(op, frameworkError("unauthorized", "missing or invalid credentials", 401)),
      );
      return;
    }
    // A limit per credential counts the requests that authenticated with it.
    if (refusedByLimits("credential", req, res, entry, op)) return;

    const problems = contract.checkRequest({
      operation: op,
      pathParams,
      query: url.searchParams,
      headers: req.headers,
      mediaType: op.requestBodyMediaTypes.length > 0 ? mediaType : undefined,
      body,
    });
    if (problems.length > 0) {
      entry.problems = problems;
      const message = problems
        .map((problem) => `${problem.location} ${problem.message}`)
        .join("; ");
      send(
        res,
        entry,
        checked(op, frameworkError("invalid-request", message, undefined, problems)),
      );
      return;
    }

    const handler = definition.handlers[op.routeKey];
    if (!handler) {
      violations.push({
        route: op.routeKey,
        status: 501,
        problems: [{ location: "simulator", message: "has no handler for this operation" }],
        timestamp: new Date().toISOString(),
      });
      send(res, entry, frameworkError("not-implemented", `${op.routeKey} is not simulated`, 501));
      return;
    }
    let response: SimResponse;
    try {
      response = handler({
        method,
        path,
        operation: op,
        pathParams,
        query: url.searchParams,
        headers: req.headers,
        body,
        store: definition.store,
        baseUrl,
      });
    } catch (error) {
      violations.push({
        route: op.routeKey,
        status: 500,
        problems: [{ location: "simulator", message: `handler threw: ${scrub(String(error))}` }],
        timestamp: new Date().toISOString(),
      });
      response = frameworkError("internal-error", "simulator handler failed", 500);
    }
    send(res, entry, checked(op, response, "handler"));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Last line of defence: answer rather than crash the test process.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(scrub(`simulator error: ${String(error)}`));
      }
    });
  });
  server.on("close", () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}${definition.basePath}`;
  return new Simulator(definition, server, baseUrl, log, violations, faults, stats, limits);
}
