import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serveSimulator, type Simulator } from "../../src/server/simulator";
import { WIDGETS_KEY, widgetsVendor, type WidgetStore } from "../fixtures/widgets-vendor";

let sim: Simulator<WidgetStore, { key: string }>;

beforeEach(async () => {
  sim = await serveSimulator(widgetsVendor(), { validateResponses: true });
});
afterEach(async () => {
  await sim.close();
});

const get = (path = "/widgets", init: RequestInit = {}) =>
  fetch(`${sim.url}${path}`, { ...init, headers: { "x-key": WIDGETS_KEY } });

describe("fault injection", () => {
  it("answers 429 with the vendor's rate-limit headers, then recovers", async () => {
    sim.faults.next(2, { kind: "rate-limit" });
    const first = await get();
    expect(first.status).toBe(429);
    expect(first.headers.get("x-widgets-limit")).toBe("0");
    expect(first.headers.get("retry-after")).toBeNull();
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(200);
    expect(sim.faults.pending).toEqual([]);
  });

  it("adds Retry-After when asked and can replace the 429 body", async () => {
    sim.faults.once({ kind: "rate-limit", retryAfterSeconds: 7, body: { slow: "down" } });
    const response = await get();
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ slow: "down" });
  });

  it.each([500, 502, 503, 504] as const)(
    "answers %i in the vendor's error format",
    async (status) => {
      sim.faults.once({ kind: "server-error", status });
      const response = await get();
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({
        problem: expect.stringContaining("server-error"),
      });
    },
  );

  it("holds a request past a client timeout, then answers normally", async () => {
    // The client gives up long before the delay ends, yet late enough that a loaded machine's
    // request has reached the simulator (which is what the log assertion needs).
    sim.faults.once({ kind: "delay", ms: 10_000 });
    await expect(get("/widgets", { signal: AbortSignal.timeout(1_000) })).rejects.toThrow();
    expect(sim.requests[0]?.fault).toBe("delay");
    sim.faults.once({ kind: "delay", ms: 1 });
    expect((await get()).status).toBe(200);
  });

  it("resets the connection", async () => {
    sim.faults.once({ kind: "connection-reset" });
    await expect(get()).rejects.toThrow(TypeError);
    expect(sim.requests[0]).toMatchObject({ fault: "connection-reset", status: undefined });
    expect((await get()).status).toBe(200);
  });

  it("sends malformed JSON with a JSON content type", async () => {
    sim.faults.once({ kind: "malformed-json" });
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("sends an HTML error page", async () => {
    sim.faults.once({ kind: "html-error-page" });
    const response = await get();
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("<html>");
  });

  it("sends an empty body", async () => {
    sim.faults.once({ kind: "empty-body", status: 200 });
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("only consumes faults on the matching route, in order", async () => {
    sim.faults.next(1, { kind: "server-error", status: 503 }, { route: "GET /widgets/{id}" });
    sim.faults.next(1, { kind: "server-error", status: 500 });
    expect((await get("/widgets")).status).toBe(500);
    expect((await get("/widgets")).status).toBe(200);
    expect((await get("/widgets/w1")).status).toBe(503);
    expect((await get("/widgets/w1")).status).toBe(200);
  });

  it("rejects a nonsensical schedule with a clear error", () => {
    expect(() => sim.faults.next(0, { kind: "connection-reset" })).toThrow(/positive integer/);
    expect(() => sim.faults.next(1, { kind: "delay", ms: -1 })).toThrow(/ms >= 0/);
  });
});
