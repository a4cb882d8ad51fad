import { ClientValidationError } from "@rollcall/core";
import { beforeEach, describe, expect, it } from "vitest";
import { updateOwnerGroups, upsertOwnerGroups, type EagleClient } from "../src/index";
import { useEagleSimulator } from "./support/simulator";

const env = useEagleSimulator("both");
let client: EagleClient;
beforeEach(() => {
  client = env.client();
});

const ENGINEERING = "61bac74a84cac62fcbfe2c3c";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused");
}

describe("the owner-update group guard", () => {
  it("refuses a raw PUT with groups and sends nothing", async () => {
    const before = env.sim.store.groups.list();
    const error = await rejection(
      client.PUT("/api/v1/owners/account", { body: { groups: [{ name: "Only", users: [] }] } }),
    );
    expect(error).toBeInstanceOf(ClientValidationError);
    expect((error as ClientValidationError).field).toBe("body.groups");
    expect((error as Error).message).toMatch(/permanently deletes/);
    expect(env.sim.requestCount()).toBe(0);
    expect(env.sim.store.groups.list()).toEqual(before);
  });

  it("cannot be bypassed through client.request", async () => {
    const error = await rejection(
      client.request("put", "/api/v1/owners/account", {
        body: { groups: [{ name: "Only", users: [] }] },
      }),
    );
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(env.sim.requestCount()).toBe(0);
  });

  it("lets other owner updates through", async () => {
    const result = await client.PUT("/api/v1/owners/account", {
      body: { accountName: "Still ok" },
    });
    expect(result.data?.accountName).toBe("Still ok");
  });

  it("updateOwnerGroups needs deleteUnmatchedGroups: true (sends nothing otherwise)", async () => {
    const error = await rejection(
      updateOwnerGroups(client, [{ name: "Only", users: [] }], {} as never),
    );
    expect(error).toBeInstanceOf(ClientValidationError);
    expect((error as ClientValidationError).field).toBe("options.deleteUnmatchedGroups");
    expect(env.sim.requestCount()).toBe(0);
  });

  it("rejects a malformed group list before sending", async () => {
    const error = await rejection(upsertOwnerGroups(client, [{ name: "No members" } as never]));
    expect((error as ClientValidationError).field).toBe("groups[0].users");
    expect(env.sim.requestCount()).toBe(0);
  });
});

describe("updateOwnerGroups", () => {
  it("replaces the groups: unmatched ones are deleted, as the caller confirmed", async () => {
    const groups = await updateOwnerGroups(client, [{ name: "Only", users: [] }], {
      deleteUnmatchedGroups: true,
    });
    expect(groups.map((group) => group.name)).toEqual(["Only"]);
    expect(env.sim.store.groups.list().map((group) => group.name)).toEqual(["Only"]);
  });
});

describe("upsertOwnerGroups", () => {
  it("adds a group and keeps every other group with its members", async () => {
    const before = env.sim.store.groups.list();
    const groups = await upsertOwnerGroups(client, [
      { name: "Night shift", users: [{ user: "rlewis@company.com" }] },
    ]);
    expect(groups).toHaveLength(before.length + 1);
    for (const group of before) expect(env.sim.store.groups.get(group._id)).toEqual(group);
    const added = env.sim.store.groups.find((group) => group.name === "Night shift");
    expect(added?.users).toEqual(["rlewis@company.com"]);
  });

  it("runs the user's middleware on its writes too, until it is ejected", async () => {
    const seen: string[] = [];
    const middleware = {
      onRequest({ request }: { request: Request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
      },
    };
    client.use(middleware);
    await upsertOwnerGroups(client, [{ name: "Night shift", users: [] }]);
    expect(seen).toContain("PUT /api/v1/owners/account");
    client.eject(middleware);
    seen.length = 0;
    await upsertOwnerGroups(client, [{ name: "Day shift", users: [] }]);
    expect(seen).toEqual([]);
  });

  it("updates a group picked by _id or by name and keeps the rest", async () => {
    const others = env.sim.store.groups.list().filter((group) => group._id !== ENGINEERING);
    const fieldOps = others.find((group) => group.name === "Field Operations")!;
    await upsertOwnerGroups(client, [
      { _id: ENGINEERING, users: [{ user: "rlewis@company.com" }] },
      { name: "Field Operations", users: [] },
    ]);
    expect(env.sim.store.groups.get(ENGINEERING)?.users).toEqual(["rlewis@company.com"]);
    expect(env.sim.store.groups.get(fieldOps._id)?.users).toEqual([]);
    expect(env.sim.store.groups.list()).toHaveLength(others.length + 1);
  });

  it("refuses an _id that names no group, sending only the read", async () => {
    const error = await rejection(
      upsertOwnerGroups(client, [{ _id: "0123456789abcdef01234567", users: [] }]),
    );
    expect((error as ClientValidationError).field).toBe("groups[0]._id");
    expect(env.sim.requests.map((request) => request.method)).toEqual(["GET"]);
  });
});

describe("the owner-update group guard and an empty list", () => {
  it("refuses a raw PUT with groups: [], which would delete every group", async () => {
    const before = env.sim.store.groups.list();
    expect(before.length).toBeGreaterThan(0);
    const error = await rejection(client.PUT("/api/v1/owners/account", { body: { groups: [] } }));
    expect(error).toBeInstanceOf(ClientValidationError);
    expect((error as ClientValidationError).field).toBe("body.groups");
    expect(env.sim.requestCount()).toBe(0);
    expect(env.sim.store.groups.list()).toEqual(before);
  });
});
