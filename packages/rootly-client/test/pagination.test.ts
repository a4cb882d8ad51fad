import type { RequestListener } from "node:http";
import { ClientValidationError, PaginationError } from "@rollcall/core";
import { startRootly } from "@rollcall/simulators";
import { FAULT_TEST_RETRY, thrownBy, withLoopbackServer } from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import {
  createRootlyClient,
  listAllScheduleRotations,
  listAllUsers,
  pullAccounts,
} from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("both");

describe("listAllUsers", () => {
  it("yields every user once, in order, page by page", async () => {
    const ids: string[] = [];
    for await (const user of listAllUsers(env.client(), { pageSize: 7 })) ids.push(user.id);
    const expected = env.sim.store.users.list().map((user) => user.id);
    expect(ids).toEqual(expected);
    const sizes = env.sim.requests.map((request) => request.query["page[size]"]);
    expect(new Set(sizes)).toEqual(new Set(["7"]));
    // A short last page ends the walk: no request for an empty page after it.
    expect(env.sim.requestCount("GET /v1/users")).toBe(Math.ceil(expected.length / 7));
  });

  it("stops after a full page when Rootly reports no next page", async () => {
    const total = env.sim.store.users.list().length;
    const ids: string[] = [];
    for await (const user of listAllUsers(env.client(), { pageSize: total })) ids.push(user.id);
    expect(ids).toHaveLength(total);
    // Page 1 is full; Rootly says there is no next page, so nothing more is fetched.
    expect(env.sim.requestCount("GET /v1/users")).toBe(1);
  });

  it("is lazy: breaking out after the first user fetches one page", async () => {
    for await (const user of listAllUsers(env.client(), { pageSize: 2 })) {
      expect(user.type).toBe("users");
      break;
    }
    expect(env.sim.requestCount("GET /v1/users")).toBe(1);
  });

  it("passes filters through", async () => {
    const found = [];
    for await (const user of listAllUsers(env.client(), { email: "delbert@douglas-raynor.test" }))
      found.push(user.id);
    expect(found).toEqual(["315"]);
  });

  it("can be iterated twice", async () => {
    const users = listAllUsers(env.client(), { pageSize: 50 });
    let first = 0;
    for await (const _ of users) first++;
    let second = 0;
    for await (const _ of users) second++;
    expect(second).toBe(first);
  });

  it("surfaces a failing page as the typed error", async () => {
    env.sim.faults.once({ kind: "server-error", status: 500 }, { route: "GET /v1/users" });
    const walk = async () => {
      for await (const _ of listAllUsers(env.client({ retry: false }), { pageSize: 5 })) {
        // drain
      }
    };
    await expect(walk()).rejects.toMatchObject({ name: "ServerError", status: 500 });
  });

  it("walks a large organisation lazily", async () => {
    const big = await startRootly({ seed: "docs", generatedUsers: 1_234 });
    try {
      const client = createRootlyClient({
        token: big.credentials.token,
        baseUrl: big.url,
        retry: FAULT_TEST_RETRY,
      });
      let count = 0;
      for await (const _ of listAllUsers(client, { pageSize: 100 })) count++;
      expect(count).toBe(big.store.users.list().length);
      expect(big.requestCount("GET /v1/users")).toBe(Math.ceil(count / 100));
    } finally {
      big.assertNoContractViolations();
      await big.close();
    }
  });
});

describe("listAllUsers options", () => {
  const drain = async (users: AsyncIterable<unknown>) => {
    let count = 0;
    for await (const _ of users) count++;
    return count;
  };

  it.each([
    ["options that are not an object", null, "options", /must be an object/],
    ["options given as text", "fast", "options", /must be an object/],
    ["an empty search", { search: "" }, "options.search", /non-empty string when given/],
    ["an email that is not text", { email: 5 }, "options.email", /non-empty string when given/],
    [
      "a page size above 1000",
      { pageSize: 1001 },
      "options.pageSize",
      /^rootly listAllUsers: options\.pageSize must be an integer from 1 to 1000, got 1001$/,
    ],
  ])("refuses %s before sending anything", (_label, options, field, message) => {
    const error = thrownBy(
      () => listAllUsers(env.client(), options as never),
      ClientValidationError,
    );
    expect(error).toMatchObject({ vendor: "rootly", operation: "listAllUsers", field });
    expect(error.message).toMatch(message);
    expect(env.sim.requests).toHaveLength(0);
  });

  it("names pullAccounts in its own refusal", async () => {
    await expect(pullAccounts(env.client(), { pageSize: 0 })).rejects.toMatchObject({
      operation: "pullAccounts",
      field: "options.pageSize",
    });
  });

  it.each([1, 1000])("accepts page size %i, the edge of Rootly's range", async (pageSize) => {
    const users = listAllUsers(env.client(), { pageSize, maxPages: 1_000 });
    expect(await drain(users)).toBe(env.sim.store.users.list().length);
    expect(env.sim.requests[0]!.query["page[size]"]).toBe(String(pageSize));
  });

  it("sends the search filter, and asks for no related resources", async () => {
    await drain(listAllUsers(env.client(), { search: "Hoppe" }));
    expect(env.sim.requests[0]!.query).toMatchObject({ "filter[search]": "Hoppe" });
    expect(env.sim.requests[0]!.query.include).toBeUndefined();
    expect(env.sim.requests[0]!.query["filter[email]"]).toBeUndefined();
  });

  it("stops at maxPages with a PaginationError, at the first page when the total needs more", async () => {
    await expect(drain(listAllUsers(env.client(), { pageSize: 1, maxPages: 2 }))).rejects.toThrow(
      PaginationError,
    );
    // Rootly states the total: more users than two pages of one hold is known from page 1.
    expect(env.sim.requestCount("GET /v1/users")).toBe(1);
    // Walked one page at a time, the guard stops after the second.
    env.sim.clearRequests();
    await expect(
      drain(listAllUsers(env.client(), { pageSize: 1, maxPages: 2, concurrency: 1 })),
    ).rejects.toThrow(PaginationError);
    expect(env.sim.requestCount("GET /v1/users")).toBe(2);
  });

  it("applies the call options to every page", async () => {
    env.sim.faults.once({ kind: "server-error", status: 503 }, { route: "GET /v1/users" });
    // The client would retry the 503; this listing asked for no retries.
    await expect(
      drain(listAllUsers(env.client(), { pageSize: 5, call: { retry: false } })),
    ).rejects.toMatchObject({ name: "ServerError", status: 503 });
    expect(env.sim.requestCount("GET /v1/users")).toBe(1);
  });
});

describe("listAllUsers against pages without a next page number", () => {
  // Rootly's `meta.next_page` may be missing; `links.next` then says whether there is more.
  it("follows links.next, and reads a page without `included` as having none", async () => {
    const requested: string[] = [];
    const user = (id: string) => ({
      id,
      type: "users",
      attributes: { email: `${id}@example.com` },
    });
    const server: RequestListener = (request, response) => {
      const url = new URL(request.url ?? "/", "http://x");
      // Every other listing (roles, teams, schedules, on-calls, …) is empty.
      if (url.pathname !== "/v1/users") {
        response.writeHead(200, { "content-type": "application/vnd.api+json" });
        response.end(JSON.stringify({ data: [], links: { next: null }, meta: {} }));
        return;
      }
      const page = url.searchParams.get("page[number]");
      requested.push(page ?? "");
      const body =
        page === "1"
          ? { data: [user("a"), user("b")], links: { next: "/v1/users?page[number]=2" }, meta: {} }
          : { data: [user("c")], links: { next: null }, meta: {} };
      response.writeHead(200, { "content-type": "application/vnd.api+json" });
      response.end(JSON.stringify(body));
    };
    const { accounts, issues } = await withLoopbackServer(server, (baseUrl) =>
      pullAccounts(createRootlyClient({ token: "test-token", baseUrl }), { pageSize: 2 }),
    );
    expect(issues).toEqual([]);
    expect(accounts.map((account) => account.source.id)).toEqual(["a", "b", "c"]);
    expect(requested).toEqual(["1", "2"]);
  });
});

describe("rotation users against a server that repeats its pages", () => {
  it("stops the pull with a PaginationError instead of reading the same users forever", async () => {
    let rotationPages = 0;
    const body = (data: unknown[], next: string | null) => ({ data, links: { next }, meta: {} });
    const server: RequestListener = (request, response) => {
      const { pathname } = new URL(request.url ?? "/", "http://x");
      response.writeHead(200, { "content-type": "application/vnd.api+json" });
      const entry = { id: "ru-1", type: "schedule_rotation_users", attributes: { user_id: 7 } };
      const answers: Record<string, unknown> = {
        "/v1/schedules": body([{ id: "s-1", type: "schedules", attributes: { name: "S" } }], null),
        "/v1/schedules/s-1/schedule_rotations": body([{ id: "r-1", attributes: {} }], null),
        // Whatever page is asked for, the same entry and a next link: a listing that lies.
        "/v1/schedule_rotations/r-1/schedule_rotation_users": body([entry], "/again"),
      };
      if (pathname.endsWith("schedule_rotation_users")) rotationPages += 1;
      response.end(JSON.stringify(answers[pathname] ?? body([], null)));
    };
    await withLoopbackServer(server, (baseUrl) =>
      expect(
        pullAccounts(createRootlyClient({ token: "test-token", baseUrl }), { pageSize: 1 }),
      ).rejects.toThrow(PaginationError),
    );
    expect(rotationPages).toBe(2);
  });

  it("refuses a listing under a parent without the parent's id, before sending", async () => {
    const client = env.client();
    const sent = env.sim.requests.length;
    expect(() => listAllScheduleRotations(client, {} as never)).toThrow(ClientValidationError);
    expect(() => listAllScheduleRotations(client, { path: { schedule_id: "../users" } })).toThrow(
      /options\.path\.schedule_id/,
    );
    expect(env.sim.requests.length).toBe(sent);
  });
});
