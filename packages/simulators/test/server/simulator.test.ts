import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContractViolationError, serveSimulator, type Simulator } from "../../src/server/simulator";
import { WIDGETS_KEY, widgetsVendor, type WidgetStore } from "../fixtures/widgets-vendor";

let sim: Simulator<WidgetStore, { key: string }>;

beforeEach(async () => {
  sim = await serveSimulator(widgetsVendor(), { validateResponses: true });
});
afterEach(async () => {
  sim.takeContractViolations();
  await sim.close();
});

function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has("x-key")) headers.set("x-key", WIDGETS_KEY);
  if (json !== undefined) headers.set("content-type", "application/json");
  return fetch(`${sim.url}${path}`, {
    ...rest,
    headers,
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
}

describe("routing and the base path", () => {
  it("serves under the base path and exposes it in url", async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const response = await call("/widgets");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { id: "w1", name: "First", kind: { shape: "round", radius: 2 } },
    ]);
  });

  it("answers an unknown route in the vendor's error format", async () => {
    const response = await call("/gadgets");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      problem: expect.stringContaining("route-not-found"),
    });
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const response = await call("/widgets", { method: "PATCH" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });
});

describe("request validation", () => {
  it("rejects a request without credentials before validating it", async () => {
    const response = await fetch(`${sim.url}/widgets?limit=99`);
    expect(response.status).toBe(401);
  });

  it("reports a query parameter out of range, naming it", async () => {
    const response = await call("/widgets?limit=9");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problem: string };
    expect(body.problem).toContain("query.limit");
    expect(sim.requests.at(-1)?.problems[0]?.location).toBe("query.limit");
  });

  it("checks path parameters against their schema", async () => {
    const response = await call("/widgets/nope");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { problem: string }).problem).toContain("path.id");
  });

  it("validates bodies with JSON Schema 2020-12: nullable types and oneOf by discriminator", async () => {
    const ok = await call("/widgets", {
      method: "POST",
      json: { name: "Two", colour: null, kind: { shape: "square", side: 3 } },
    });
    expect(ok.status).toBe(201);
    const bad = await call("/widgets", {
      method: "POST",
      json: { name: "Three", kind: { shape: "triangle" } },
    });
    expect(bad.status).toBe(400);
    const unknown = await call("/widgets", {
      method: "POST",
      json: { name: "Four", kind: { shape: "round" }, extra: 1 },
    });
    expect(((await unknown.json()) as { problem: string }).problem).toContain(
      'unknown property "extra"',
    );
  });

  it("rejects a missing required body, a non-JSON body and a wrong content type", async () => {
    expect((await call("/widgets", { method: "POST" })).status).toBe(400);
    const broken = await call("/widgets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { problem: string }).problem).toContain("malformed-body");
    const text = await call("/widgets", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(((await text.json()) as { problem: string }).problem).toContain(
      "unsupported-media-type",
    );
  });

  it("answers 413 for a body over the cap and keeps serving", async () => {
    const response = await call("/widgets", {
      method: "POST",
      json: { name: "x".repeat(5000), kind: { shape: "round" } },
    });
    expect(response.status).toBe(413);
    expect((await call("/widgets")).status).toBe(200);
  });
});

describe("response validation", () => {
  it("turns a response that breaks the spec into a 500 and records it", async () => {
    const response = await call("/broken");
    expect(response.status).toBe(500);
    const [violation] = sim.contractViolations;
    expect(violation?.route).toBe("GET /broken");
    expect(violation?.problems.map((problem) => problem.location)).toEqual(
      expect.arrayContaining(["response.body", "response.body/name"]),
    );
    expect(() => sim.assertNoContractViolations()).toThrow(ContractViolationError);
  });

  it("makes close() reject while a violation is outstanding", async () => {
    const other = await serveSimulator(widgetsVendor(), { validateResponses: true });
    await fetch(`${other.url}/broken`, { headers: { "x-key": WIDGETS_KEY } });
    await expect(other.close()).rejects.toThrow(/GET \/broken/);
  });

  it("records an operation the simulator has no handler for", async () => {
    const response = await call("/unimplemented");
    expect(response.status).toBe(501);
    expect(sim.takeContractViolations()[0]?.problems[0]?.message).toContain("no handler");
  });

  it("passes the broken response through when validation is off", async () => {
    const lax = await serveSimulator(widgetsVendor(), { validateResponses: false });
    const response = await fetch(`${lax.url}/broken`, { headers: { "x-key": WIDGETS_KEY } });
    expect(await response.json()).toEqual({ id: "w9", name: 42 });
    await lax.close();
  });
});

describe("state", () => {
  it("keeps writes for later reads and restores the seed on reset()", async () => {
    await call("/widgets", { method: "POST", json: { name: "Two", kind: { shape: "round" } } });
    expect(sim.store.widgets.size).toBe(2);
    expect((await call("/widgets/w2")).status).toBe(200);
    expect((await call("/widgets/w1", { method: "DELETE" })).status).toBe(204);
    expect((await call("/widgets/w1")).status).toBe(404);
    sim.reset();
    expect(sim.store.widgets.list().map((widget) => widget.id)).toEqual(["w1"]);
    expect(sim.requests).toEqual([]);
  });
});

describe("request log", () => {
  it("records method, path, query, body and status with secrets redacted", async () => {
    await call("/widgets?limit=2&key=" + WIDGETS_KEY);
    await call("/widgets", {
      method: "POST",
      json: { name: "Two", kind: { shape: "round" }, secret: "hunter2" },
    });
    const [list, create] = sim.requests;
    expect(list).toMatchObject({
      method: "GET",
      path: "/widgets",
      query: { limit: "2", key: "[REDACTED]" },
      status: 200,
    });
    expect(list?.headers["x-key"]).toBe("[REDACTED]");
    expect(create).toMatchObject({
      method: "POST",
      route: "POST /widgets",
      status: 201,
      body: { secret: "[REDACTED]" },
    });
    expect(JSON.stringify(sim.requests)).not.toContain("hunter2");
    expect(JSON.stringify(sim.requests)).not.toContain(WIDGETS_KEY);
    expect(Date.parse(create?.timestamp ?? "")).not.toBeNaN();
  });

  it("redacts credential headers", async () => {
    await fetch(`${sim.url}/widgets`, {
      headers: { "x-key": WIDGETS_KEY, authorization: "Bearer abc.def" },
    });
    expect(sim.requests[0]?.headers.authorization).toBe("Bearer [REDACTED]");
    expect(JSON.stringify(sim.requests)).not.toContain("abc.def");
  });

  it("counts requests by route template or concrete path", async () => {
    await call("/widgets/w1");
    await call("/widgets/w1");
    await call("/widgets");
    expect(sim.requestCount("GET /widgets/{id}")).toBe(2);
    expect(sim.requestCount("GET /widgets/w1")).toBe(2);
    expect(sim.requestCount("GET /api/widgets")).toBe(1);
    expect(sim.requestCount("POST /widgets")).toBe(0);
    expect(sim.requestCount()).toBe(3);
  });

  it("prints without credentials", () => {
    expect(inspect(sim)).toBe(`Simulator(widgets at ${sim.url})`);
    expect(JSON.stringify(sim)).not.toContain(WIDGETS_KEY);
  });
});
