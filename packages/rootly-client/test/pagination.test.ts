import { FAULT_TEST_RETRY, startRootly } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { createRootlyClient, listAllUsers } from "../src/index";
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
