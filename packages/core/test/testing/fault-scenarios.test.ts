import { describe, expect, it } from "vitest";
import {
  faultScenarios,
  outcomeProblems,
  runFaultScenario,
  type FaultScenario,
  type FaultTarget,
  type InjectedFault,
} from "../../src/testing/fault-scenarios";

class ApiError extends Error {}
class ServerError extends ApiError {
  constructor(
    readonly status: number,
    readonly vendorMessage: string | undefined,
  ) {
    super(`server answered ${status}`);
  }
}

describe("faultScenarios", () => {
  it("covers every kind of fault, each with a GET and a POST expectation", () => {
    const kinds = new Set(faultScenarios().map((scenario) => scenario.fault.kind));
    expect([...kinds].sort()).toEqual([
      "connection-reset",
      "delay",
      "empty-body",
      "html-error-page",
      "malformed-json",
      "rate-limit",
      "server-error",
    ]);
  });

  it("never expects a non-idempotent call to reach the server twice", () => {
    for (const rateLimitNamesLongWait of [false, true]) {
      for (const scenario of faultScenarios({ rateLimitNamesLongWait })) {
        expect(scenario.nonIdempotent.requests, scenario.name).toBe(1);
        expect(scenario.nonIdempotent.outcome, scenario.name).toBe("error");
      }
    }
  });

  it("expects a 429 naming a long wait (Rootly's reset a minute away) to be handed back, not retried", () => {
    const noRetryAfter = (options?: { rateLimitNamesLongWait: boolean }) =>
      faultScenarios(options).find((s) => s.name === "429 without Retry-After")!.idempotent;
    expect(noRetryAfter({ rateLimitNamesLongWait: true })).toMatchObject({
      outcome: "error",
      error: "RateLimitError",
    });
    expect(noRetryAfter()).toEqual({ outcome: "success", requests: 2 });
  });
});

describe("outcomeProblems", () => {
  const expected = {
    outcome: "error",
    requests: 1,
    error: "ApiError",
    status: 503,
    vendorMessageIncludes: "down",
  } as const;

  it("accepts an error of the named class or a subclass with the expected fields", () => {
    expect(outcomeProblems({ error: new ServerError(503, "down") }, expected)).toEqual([]);
    expect(outcomeProblems({ error: new ServerError(503, "Gateway: down") }, expected)).toEqual([]);
  });

  it("names each difference", () => {
    expect(outcomeProblems({ error: new ServerError(500, undefined) }, expected)).toEqual([
      "expected status 503, got 500",
      'expected a vendorMessage containing "down", got undefined',
    ]);
    expect(outcomeProblems({ error: new TypeError("x") }, expected)).toEqual([
      "expected a ApiError, got TypeError: x",
    ]);
    expect(
      outcomeProblems(
        { error: new ServerError(503, "down") },
        { ...expected, vendorMessageIncludes: undefined },
      ),
    ).toEqual(['expected no vendorMessage, got "down"']);
    expect(outcomeProblems({ data: 1 }, expected)).toEqual([
      "expected a ApiError, but the call succeeded",
    ]);
    expect(
      outcomeProblems({ error: new Error("boom") }, { outcome: "success", requests: 2 }),
    ).toEqual(["expected success, got Error: boom"]);
  });
});

describe("runFaultScenario", () => {
  /** A test server that answers the first request to a route with its scheduled fault. */
  function fakeServer() {
    const scheduled: { fault: InjectedFault; route: string }[] = [];
    let requests = 0;
    const target: FaultTarget = {
      faults: { once: (fault, { route }) => scheduled.push({ fault, route }) },
      requestCount: () => requests,
    };
    // A client that retries GETs `retries` times on the injected 5xx, else throws ServerError.
    const getWidgets = async (retries: number) => {
      for (let attempt = 0; ; attempt++) {
        requests++;
        const fault = scheduled.shift()?.fault;
        if (fault?.kind !== "server-error") return ["widget"];
        if (attempt >= retries) throw new ServerError(fault.status, undefined);
      }
    };
    return { target, scheduled, getWidgets };
  }
  const scenario: FaultScenario = {
    name: "server error 503",
    fault: { kind: "server-error", status: 503 },
    idempotent: { outcome: "success", requests: 2 },
    nonIdempotent: { outcome: "error", requests: 1, error: "ServerError", status: 503 },
  };

  /** A GET retried `retries` times, run under the 503 scenario. */
  const runGet = (retries: number) => {
    const server = fakeServer();
    return runFaultScenario(server.target, "GET /widgets", scenario, scenario.idempotent, () =>
      server.getWidgets(retries),
    );
  };

  it("injects the fault on the route, counts the requests and checks the outcome", async () => {
    const run = await runGet(1);
    expect(run).toMatchObject({ requests: 2, problems: [] });
    expect(run.outcome).toEqual({ data: ["widget"] });
  });

  it("schedules the fault once, on the route it was given", async () => {
    const server = fakeServer();
    let seen: unknown;
    await runFaultScenario(server.target, "GET /widgets", scenario, scenario.idempotent, () => {
      seen = [...server.scheduled];
      return Promise.resolve("ok");
    });
    expect(seen).toEqual([{ fault: scenario.fault, route: "GET /widgets" }]);
  });

  it("reports a call that did not end as expected", async () => {
    const run = await runGet(0);
    expect(run.problems).toEqual([
      "expected success, got Error: server answered 503",
      "expected 2 request(s) to GET /widgets, saw 1",
    ]);
  });

  it("passes the scenario's timeout to the call", async () => {
    const server = fakeServer();
    const seen: unknown[] = [];
    const delayed: FaultScenario = { ...scenario, fault: { kind: "delay", ms: 1 }, timeoutMs: 150 };
    await runFaultScenario(
      server.target,
      "GET /widgets",
      delayed,
      delayed.idempotent,
      (options) => {
        seen.push(options);
        return server.getWidgets(0);
      },
    );
    expect(seen).toEqual([{ timeoutMs: 150 }]);
  });
});
