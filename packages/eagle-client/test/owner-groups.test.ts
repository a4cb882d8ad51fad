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

describe("what a refused group write tells the caller", () => {
  it("names eagle, the call and the helpers to use instead", async () => {
    const error = (await rejection(
      client.PUT("/api/v1/owners/account", { body: { groups: [] } }),
    )) as ClientValidationError;
    expect(error.vendor).toBe("eagle");
    expect(error.operation).toBe("updateOwnerAccount");
    expect(error.message).toContain("nothing was sent");
    expect(error.message).toContain("(with its notification subscriptions)");
    expect(error.message).toContain("upsertOwnerGroups(client, groups)");
    expect(error.message).toContain(
      "updateOwnerGroups(client, groups, { deleteUnmatchedGroups: true })",
    );
  });

  it("refuses an owner update without a body, or with a null one, as the spec's body check, not the guard", async () => {
    for (const init of [{ body: null }, {}]) {
      const error = await rejection(client.PUT("/api/v1/owners/account", init as never));
      expect(error).toBeInstanceOf(ClientValidationError);
      expect(error).toMatchObject({ operation: "updateOwnerAccount", field: "body" });
    }
    expect(env.sim.requestCount()).toBe(0);
  });

  it("updateOwnerGroups without options is refused the same way, not with a TypeError", async () => {
    const error = (await rejection(
      updateOwnerGroups(client, [{ name: "Only", users: [] }], undefined as never),
    )) as ClientValidationError;
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({
      vendor: "eagle",
      operation: "updateOwnerGroups",
      field: "options.deleteUnmatchedGroups",
    });
    expect(error.message).toMatch(/permanently deletes the groups not listed.*upsertOwnerGroups/);
    expect(env.sim.requestCount()).toBe(0);
  });

  it.each([
    ["not a list", "Ops" as never, "groups", /must be an array of groups/],
    ["a group that is not an object", [null] as never, "groups[0]", /must be an object/],
    ["a group given as text", ["Ops"] as never, "groups[0]", /must be an object/],
    ["a new group without a name", [{ users: [] }] as never, "groups[0].name", /is required/],
    ["a new group with an empty name", [{ name: "", users: [] }], "groups[0].name", /is required/],
    ["a name that is not text", [{ name: 7, users: [] }] as never, "groups[0].name", /is required/],
    [
      "a group without its member list",
      [{ _id: ENGINEERING }] as never,
      "groups[0].users",
      /must be the group's complete member list \(an array\)/,
    ],
  ])("both helpers refuse %s before sending", async (_, groups, field, message) => {
    for (const [operation, call] of [
      ["upsertOwnerGroups", () => upsertOwnerGroups(client, groups)],
      [
        "updateOwnerGroups",
        () => updateOwnerGroups(client, groups, { deleteUnmatchedGroups: true }),
      ],
    ] as const) {
      const error = (await rejection(call())) as ClientValidationError;
      expect(error).toBeInstanceOf(ClientValidationError);
      expect(error).toMatchObject({ vendor: "eagle", operation, field });
      expect(error.message).toMatch(message);
    }
    expect(env.sim.requestCount()).toBe(0);
  });

  it("refuses an unknown _id naming eagle, the call and what to do", async () => {
    const error = (await rejection(
      upsertOwnerGroups(client, [{ _id: "0123456789abcdef01234567", users: [] }]),
    )) as ClientValidationError;
    expect(error).toMatchObject({ vendor: "eagle", operation: "upsertOwnerGroups" });
    expect(error.message).toMatch(/names no existing group \(nothing was sent\).*by name/);
  });

  it("refuses a copy of the client, which could write without the guard's owner", async () => {
    const copy = { ...client } as EagleClient;
    for (const [operation, call] of [
      ["upsertOwnerGroups", () => upsertOwnerGroups(copy, [{ name: "Night shift", users: [] }])],
      [
        "updateOwnerGroups",
        () =>
          updateOwnerGroups(copy, [{ name: "Only", users: [] }], { deleteUnmatchedGroups: true }),
      ],
    ] as const) {
      const error = (await rejection(call())) as ClientValidationError;
      expect(error).toMatchObject({ vendor: "eagle", operation, field: "client" });
    }
    expect(env.sim.requests.filter((request) => request.method === "PUT")).toEqual([]);
  });
});

describe("upsertOwnerGroups options", () => {
  it("asks eagle.io for the groups on the read and on the write's answer", async () => {
    const groups = await upsertOwnerGroups(client, [{ name: "Night shift", users: [] }]);
    expect(env.sim.requests.map((request) => [request.method, request.query.attr])).toEqual([
      ["GET", "groups"],
      ["PUT", "groups"],
    ]);
    expect(groups.map((group) => group.name)).toContain("Night shift");
  });

  it("matches a group whose _id is given as undefined by its name", async () => {
    const fieldOps = env.sim.store.groups.find((group) => group.name === "Field Operations")!;
    const count = env.sim.store.groups.list().length;
    await upsertOwnerGroups(client, [{ _id: undefined, name: "Field Operations", users: [] }]);
    expect(env.sim.store.groups.get(fieldOps._id)?.users).toEqual([]);
    expect(env.sim.store.groups.list()).toHaveLength(count);
  });

  it("creates a group whose _id is given as undefined and whose name is new", async () => {
    await upsertOwnerGroups(client, [{ _id: undefined, name: "Brand new", users: [] }]);
    expect(env.sim.store.groups.find((group) => group.name === "Brand new")).toBeDefined();
  });

  it("passes notify on as eagle.io's TRUE/FALSE, and leaves it out unless given", async () => {
    const notifyOf = () =>
      env.sim.requests.find((request) => request.method === "PUT")?.query.notify;
    await upsertOwnerGroups(client, [{ name: "A", users: [] }], { notify: true });
    expect(notifyOf()).toBe("TRUE");
    env.sim.clearRequests();
    await upsertOwnerGroups(client, [{ name: "B", users: [] }], { notify: false });
    expect(notifyOf()).toBe("FALSE");
    env.sim.clearRequests();
    await updateOwnerGroups(client, [{ name: "C", users: [] }], { deleteUnmatchedGroups: true });
    expect(notifyOf()).toBeUndefined();
  });
});
