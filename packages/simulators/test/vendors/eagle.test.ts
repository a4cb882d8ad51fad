import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEagle, type EagleSimulator } from "../../src/vendors/eagle/eagle-simulator";

let sim: EagleSimulator;
beforeEach(async () => {
  sim = await startEagle();
});
afterEach(async () => {
  await sim.close();
});

function call(method: string, path: string, body?: unknown, key = sim.credentials.apiKey) {
  return fetch(`${sim.url}${path}`, {
    method,
    headers: {
      "x-api-key": key,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("eagle.io simulator", () => {
  it("serves the documented owner with its administrators and groups", async () => {
    const response = await call("GET", "/api/v1/owners/account");
    expect(response.status).toBe(200);
    const owner = (await response.json()) as {
      _id: string;
      administrators: { user: string }[];
      groups: { name: string }[];
    };
    expect(owner._id).toBe("5424fbe96c4728a166f0d725");
    expect(owner.administrators.map((admin) => admin.user)).toContain("rlewis@company.com");
    expect(owner.groups.map((group) => group.name)).toContain("Engineering team");
  });

  it("limits attributes with attr", async () => {
    const owner = await (await call("GET", "/api/v1/owners/account?attr=_id,slug")).json();
    expect(owner).toEqual({ _id: "5424fbe96c4728a166f0d725", slug: "mypers42" });
  });

  it("replaces administrators wholesale and returns an activation URL for a new profile", async () => {
    const response = await call("PUT", "/api/v1/owners/account", {
      administrators: [
        { user: "rlewis@company.com" },
        { user: "new@company.com", name: { first: "New", last: "User" } },
      ],
    });
    expect(response.status).toBe(200);
    const owner = (await response.json()) as {
      administrators: { user: string; profileActivateUrl?: string }[];
    };
    expect(owner.administrators.map((admin) => admin.user)).toEqual([
      "rlewis@company.com",
      "new@company.com",
    ]);
    expect(owner.administrators[1]?.profileActivateUrl).toMatch(
      /^https:\/\/app\.eagle\.io\/auth\/setupprofile\//,
    );
    expect(owner.administrators[0]?.profileActivateUrl).toBeUndefined();
    const later = (await (await call("GET", "/api/v1/owners/account")).json()) as typeof owner;
    expect(later.administrators.map((admin) => admin.user)).toEqual([
      "rlewis@company.com",
      "new@company.com",
    ]);
    expect(later.administrators[1]?.profileActivateUrl).toBeUndefined();
  });

  it("merges groups and permanently deletes every group the update does not match", async () => {
    const before = sim.store.groups.list().map((group) => group.name);
    expect(before.length).toBeGreaterThan(1);
    const response = await call("PUT", "/api/v1/owners/account", {
      groups: [
        { name: "New Group", users: [{ user: "rlewis@company.com" }] },
        { _id: "61bac74a84cac62fcbfe2c3c", users: [] },
      ],
    });
    expect(response.status).toBe(200);
    const names = sim.store.groups.list().map((group) => group.name);
    expect(names.sort()).toEqual(["Engineering team", "New Group"]);
    expect(sim.store.groups.get("61bac74a84cac62fcbfe2c3c")?.users).toEqual([]);
  });

  it("serves a member who never signed in with the empty lastLoginTime eagle.io's docs show", async () => {
    // The spec must admit it: a response that breaks the spec becomes a 500 and fails close().
    sim.store.users.put({ user: "never@company.com", lastLoginTime: "" });
    const group = sim.store.groups.get("61bac74a84cac62fcbfe2c3c")!;
    sim.store.groups.put({ ...group, users: [...group.users, "never@company.com"] });
    const owner = (await (await call("GET", "/api/v1/owners/account?attr=groups")).json()) as {
      groups: { _id: string; users: { user: string; lastLoginTime?: string }[] }[];
    };
    const members = owner.groups.find((g) => g._id === group._id)?.users ?? [];
    expect(members.find((member) => member.user === "never@company.com")).toEqual({
      user: "never@company.com",
      lastLoginTime: "",
    });
  });

  it("answers 401 in eagle.io's error format for a wrong key", async () => {
    const response = await call("GET", "/api/v1/owners/account", undefined, "wrong");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 401, message: expect.any(String) } });
  });
});

describe("eagle.io groups and errors", () => {
  it("creates groups (201, all groups back) and returns activation URLs for new users only", async () => {
    const response = await call("POST", "/api/v1/owners/account/groups", [
      {
        name: "Night Shift",
        users: [{ user: "rlewis@company.com" }, { user: "fresh@company.com" }],
      },
    ]);
    expect(response.status).toBe(201);
    const groups = (await response.json()) as {
      _id: string;
      name: string;
      users: { user: string; profileActivateUrl?: string }[];
    }[];
    const created = groups.find((group) => group.name === "Night Shift");
    expect(created?._id).toMatch(/^[0-9a-f]{24}$/);
    expect(created?.users.map((user) => Boolean(user.profileActivateUrl))).toEqual([false, true]);
    expect(groups.length).toBe(sim.store.groups.size);
  });

  it("renames a group by id, 404s an unknown one, and deletes permanently", async () => {
    const renamed = await call("PUT", "/api/v1/owners/account/groups/61bac74a84cac62fcbfe2c3c", {
      name: "Platform",
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { name: string }).name).toBe("Platform");
    const missing = await call("PUT", "/api/v1/owners/account/groups/000000000000000000000000", {
      name: "x",
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 404, message: "Resource not found" } });
    const deleted = await call("DELETE", "/api/v1/owners/account/groups/61bac74a84cac62fcbfe2c3c");
    expect(await deleted.json()).toEqual({ status: { code: 200, message: "Group deleted" } });
    expect(sim.store.groups.get("61bac74a84cac62fcbfe2c3c")).toBeUndefined();
  });

  it("rejects an invalid update with a 400 naming the field", async () => {
    const response = await call("PUT", "/api/v1/owners/account", {
      administrators: [{ user: "not-an-email" }],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(400);
    expect(body.error.message).toContain("body/administrators/0/user");
  });

  it("answers an unknown path 404 and a wrong method 405 in its error format", async () => {
    const unknown = await call("GET", "/api/v1/nodes");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 404 } });
    const wrongMethod = await call("DELETE", "/api/v1/owners/account");
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ error: { code: 405 } });
  });

  it("answers 413 for a query string over 4096 bytes", async () => {
    const response = await call("GET", `/api/v1/owners/account?attr=${"a".repeat(5000)}`);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 413 } });
  });

  it("serves float usage numbers", async () => {
    const usage = (await (await call("GET", "/api/v1/owners/account/usage")).json()) as {
      total: { source: { usage: number } };
    };
    expect(usage.total.source.usage).toBe(32.4);
  });

  it("never logs the API key", async () => {
    await call("GET", "/api/v1/owners/account");
    expect(sim.requests[0]?.headers["x-api-key"]).toBe("[REDACTED]");
    expect(JSON.stringify(sim.requests)).not.toContain(sim.credentials.apiKey);
  });
});
