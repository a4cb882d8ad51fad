import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startOpsgenie,
  type OpsgenieSimulator,
} from "../../src/vendors/opsgenie/opsgenie-simulator";
import { bundledSpec } from "../../src/vendor-specs";

let sim: OpsgenieSimulator;
beforeEach(async () => {
  sim = await startOpsgenie({ seed: "docs" });
});
afterEach(async () => {
  await sim.close();
});

const key = () => sim.credentials.apiKey;
const post = (path: string, body: Record<string, unknown>) =>
  fetch(`${sim.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ apiKey: key(), ...body }),
  });
const get = (path: string, query: Record<string, string> = {}, method = "GET") =>
  fetch(`${sim.url}${path}?${new URLSearchParams({ apiKey: key(), ...query })}`, { method });

/** The value of a documented 200 answer of a GET operation in the bundled spec. */
function documentedAnswer(path: string, example: string): unknown {
  const get = bundledSpec("opsgenie").paths?.[path]?.["get"] as {
    responses: Record<string, { content: Record<string, { examples: Record<string, unknown> }> }>;
  };
  const found = get.responses["200"]!.content["application/json"]!.examples[example];
  return (found as { value: unknown }).value;
}

describe("OpsGenie simulator", () => {
  it("answers the document's owner and listed users exactly as the spec's examples show them", async () => {
    const owner = await get("/v1/json/user", { username: "john.smith@example.com" });
    expect(await owner.json()).toEqual(documentedAnswer("/v1/json/user", "owner"));
    // The document's page came from an account with other users; each one it lists is as shown.
    const page = await get("/v1.2/json/user", { sortField: "fullName", sortOrder: "DESC" });
    const { users } = documentedAnswer("/v1.2/json/user", "sortedByFullName") as { users: [] };
    expect(users).toHaveLength(2);
    expect(((await page.json()) as { users: unknown[] }).users).toEqual(
      expect.arrayContaining(users),
    );
  });

  it("creates a user, then updates it by id on the same URL", async () => {
    const created = await post("/v1/json/user", {
      username: "new@example.com",
      fullname: "New Person",
      role: "User",
    });
    const { id, status, code } = (await created.json()) as {
      id: string;
      status: string;
      code: number;
    };
    expect({ status, code }).toEqual({ status: "successful", code: 200 });
    const updated = await post("/v1/json/user", {
      id,
      fullname: "Renamed Person",
      locale: "en_US",
    });
    expect(await updated.json()).toEqual({ id, status: "successful", code: 200 });
    const user = (await (await get("/v1/json/user", { id })).json()) as {
      fullname: string;
      username: string;
      createdAt: number;
    };
    expect(user).toMatchObject({ fullname: "Renamed Person", username: "new@example.com" });
    expect(Number.isInteger(user.createdAt)).toBe(true);
  });

  it("gets by username and 404s an unknown user in its error format", async () => {
    const john = await get("/v1/json/user", { username: "john.smith@example.com" });
    expect(((await john.json()) as { role: string }).role).toBe("Owner");
    const missing = await get("/v1/json/user", { username: "ghost@example.com" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "User does not exist", code: 404 });
  });

  it("takes the key from the body for POST and the query for GET; 401 otherwise", async () => {
    const noKey = await fetch(`${sim.url}/v1/json/user?username=kaan@example.com`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual({ error: "Could not authenticate", code: 401 });
    const keyInQueryForPost = await fetch(`${sim.url}/v1/json/user?apiKey=${key()}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "x@example.com", fullname: "X", role: "User" }),
    });
    expect(keyInQueryForPost.status).toBe(401);
  });

  it("rejects an invalid create with a 400 naming the problem", async () => {
    const response = await post("/v1/json/user", {
      username: "not-an-email",
      fullname: "X",
      role: "User",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; code: number };
    expect(body.code).toBe(400);
    expect(body.error).toContain("body");
  });

  it("deletes by id or username, but never the last owner", async () => {
    const lastOwner = await get("/v1/json/user", { username: "john.smith@example.com" }, "DELETE");
    expect(lastOwner.status).toBe(400);
    const deleted = await get("/v1/json/user", { username: "kaan@example.com" }, "DELETE");
    expect(await deleted.json()).toEqual({ status: "successful", code: 200 });
    expect(sim.store.userByUsername("kaan@example.com")).toBeUndefined();
  });

  it("lists with limit, offset, sortField and sortOrder", async () => {
    const response = await get("/v1.2/json/user", {
      sortField: "fullName",
      sortOrder: "DESC",
      limit: "2",
      offset: "1",
    });
    const { users } = (await response.json()) as { users: { fullname: string }[] };
    expect(users.map((user) => user.fullname)).toEqual(["John Smith", "Halit"]); // Kaan, John Smith, Halit descending;
    expect((await get("/v1.2/json/user", { limit: "101" })).status).toBe(400);
  });

  it("copies notification rules after deleting the targets' rules of those types", async () => {
    const kaan = sim.store.userByUsername("kaan@example.com");
    sim.store.users.update(kaan?.id ?? "", {
      notificationRules: [
        { type: "Closed Alert", name: "old closed rule" },
        { type: "Add Note", name: "keep me" },
      ],
    });
    const response = await post("/v1/json/copyNotificationRules", {
      fromUser: "john.smith@example.com",
      toUsers: ["kaan@example.com"],
      ruleTypes: ["Closed Alert"],
    });
    expect(await response.json()).toEqual({ status: "process started", code: 200 });
    expect(sim.store.userByUsername("kaan@example.com")?.notificationRules).toEqual([
      { type: "Add Note", name: "keep me" },
      { type: "Closed Alert", name: "Tell me when it closes" },
    ]);
  });

  it("keeps the API key out of the request log, wherever it travelled", async () => {
    await get("/v1/json/user", { username: "kaan@example.com" });
    await post("/v1/json/user", { id: "1efbae5f-dc44-443e-8476-daf2e0b9165b", fullname: "Kaan K" });
    expect(sim.requests[0]?.query.apiKey).toBe("[REDACTED]");
    expect(sim.requests[1]?.body).toMatchObject({ apiKey: "[REDACTED]" });
    expect(JSON.stringify(sim.requests)).not.toContain(key());
  });

  it("sends OpsGenie's rate-limit headers on a 429", async () => {
    sim.faults.once({ kind: "rate-limit" }, { route: "GET /v1.2/json/user" });
    const response = await get("/v1.2/json/user");
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-state")).toBe("THROTTLED");
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toMatchObject({ code: 429 });
  });
});

describe("OpsGenie pagination over a generated dataset", () => {
  it("pages through 50,000 users with limit/offset, each exactly once", async () => {
    const big = await startOpsgenie({ seed: "docs", generatedUsers: 50_000 });
    try {
      const seen = new Set<string>();
      let previous = "";
      for (let offset = 0; ; offset += 100) {
        const response = await fetch(
          `${big.url}/v1.2/json/user?${new URLSearchParams({ apiKey: big.credentials.apiKey, limit: "100", offset: String(offset) })}`,
        );
        const { users } = (await response.json()) as { users: { id: string; username: string }[] };
        for (const user of users) {
          expect(user.username.toLowerCase() >= previous).toBe(true);
          previous = user.username.toLowerCase();
          seen.add(user.id);
        }
        if (users.length < 100) break;
      }
      expect(seen.size).toBe(50_003);
      expect(big.requestCount("GET /v1.2/json/user")).toBe(501);
    } finally {
      await big.close();
    }
  }, 120_000);
});

describe("OpsGenie simulator, v2", () => {
  let demo: OpsgenieSimulator;
  beforeEach(async () => {
    demo = await startOpsgenie({ seed: "demo" });
  });
  afterEach(async () => {
    await demo.close();
  });
  const v2 = (path: string, authorization?: string) =>
    fetch(`${demo.url}${path}`, { headers: authorization ? { authorization } : {} });

  it("takes the key only as Authorization: GenieKey on v2, and only in the query on v1 GETs", async () => {
    const key = demo.credentials.apiKey;
    expect((await v2("/v2/teams", `GenieKey ${key}`)).status).toBe(200);
    for (const wrong of [undefined, key, `Bearer ${key}`, "GenieKey nope"])
      expect((await v2("/v2/teams", wrong)).status).toBe(401);
    expect((await v2(`/v2/teams?apiKey=${key}`)).status).toBe(401);
    expect((await v2("/v1.2/json/user", `GenieKey ${key}`)).status).toBe(401);
    expect((await v2(`/v1.2/json/user?apiKey=${key}`)).status).toBe(200);
  });

  it("answers v1 and v2 from one store, and puts the first of a rotation on call", async () => {
    const auth = `GenieKey ${demo.credentials.apiKey}`;
    const user = demo.store.users.list()[0]!;
    demo.store.users.update(user.id, { blocked: true });
    const page = (await (await v2("/v2/users?limit=100", auth)).json()) as {
      data: { id: string; blocked: boolean }[];
    };
    expect(page.data.find((u) => u.id === user.id)?.blocked).toBe(true);
    const schedule = demo.store.access.schedules.list()[0]!;
    const first = schedule.rotations[0]!.participants[0] as { userId: string };
    const onCall = (await (
      await v2(`/v2/schedules/${schedule.id}/on-calls?flat=true`, auth)
    ).json()) as { data: { onCallRecipients: string[] } };
    expect(onCall.data.onCallRecipients).toEqual([demo.store.users.get(first.userId)!.username]);
    demo.store.access.schedules.update(schedule.id, { enabled: false });
    const off = (await (
      await v2(`/v2/schedules/${schedule.id}/on-calls?flat=true`, auth)
    ).json()) as {
      data: { onCallRecipients: string[] };
    };
    expect(off.data.onCallRecipients).toEqual([]);
  });
});
