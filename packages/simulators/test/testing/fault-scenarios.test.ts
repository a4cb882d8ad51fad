import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serveSimulator, type Simulator } from "../../src/server/simulator";
import {
  faultScenarios,
  outcomeProblems,
  runFaultScenario,
  type FaultScenario,
} from "../../src/testing/fault-scenarios";
import { WIDGETS_KEY, widgetsVendor, type WidgetStore } from "../fixtures/widgets-vendor";

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
    const kinds = new Set(faultScenarios("eagle").map((scenario) => scenario.fault.kind));
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
    for (const vendor of ["eagle", "rootly", "opsgenie", "uptrends"] as const) {
      for (const scenario of faultScenarios(vendor)) {
        expect(scenario.nonIdempotent.requests, scenario.name).toBe(1);
        expect(scenario.nonIdempotent.outcome, scenario.name).toBe("error");
      }
    }
  });

  it("expects Rootly's 429 (reset a minute away) to be handed back, not retried", () => {
    const noRetryAfter = (vendor: "rootly" | "uptrends") =>
      faultScenarios(vendor).find((s) => s.name === "429 without Retry-After")!.idempotent;
    expect(noRetryAfter("rootly")).toMatchObject({ outcome: "error", error: "RateLimitError" });
    expect(noRetryAfter("uptrends")).toEqual({ outcome: "success", requests: 2 });
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
  let sim: Simulator<WidgetStore, { key: string }>;
  beforeEach(async () => {
    sim = await serveSimulator(widgetsVendor(), { validateResponses: true });
  });
  afterEach(async () => {
    await sim.close();
  });

  // A client that retries GETs once on a 5xx and throws ServerError otherwise.
  const getWidgets = async (retries: number) => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${sim.url}/widgets`, { headers: { "x-key": WIDGETS_KEY } });
      if (response.ok) return response.json();
      if (attempt >= retries) throw new ServerError(response.status, undefined);
    }
  };
  const scenario: FaultScenario = {
    name: "server error 503",
    fault: { kind: "server-error", status: 503 },
    idempotent: { outcome: "success", requests: 2 },
    nonIdempotent: { outcome: "error", requests: 1, error: "ServerError", status: 503 },
  };

  it("injects the fault on the route, counts the requests and checks the outcome", async () => {
    const run = await runFaultScenario(sim, "GET /widgets", scenario, scenario.idempotent, () =>
      getWidgets(1),
    );
    expect(run).toMatchObject({ requests: 2, problems: [] });
    expect(run.outcome).toHaveProperty("data");
  });

  it("reports a call that did not end as expected", async () => {
    const run = await runFaultScenario(sim, "GET /widgets", scenario, scenario.idempotent, () =>
      getWidgets(0),
    );
    expect(run.problems).toEqual([
      "expected success, got Error: server answered 503",
      "expected 2 request(s) to GET /widgets, saw 1",
    ]);
  });

  it("passes the scenario's timeout to the call", async () => {
    const seen: unknown[] = [];
    const delayed: FaultScenario = { ...scenario, fault: { kind: "delay", ms: 1 }, timeoutMs: 150 };
    await runFaultScenario(sim, "GET /widgets", delayed, delayed.idempotent, async (options) => {
      seen.push(options);
      return getWidgets(0);
    });
    expect(seen).toEqual([{ timeoutMs: 150 }]);
  });
});
