// upsertOwnerGroups sends back every group it read: when it cannot read them all, it must write
// nothing, or eagle.io would delete the groups it missed. The simulator always answers with a
// full group list, so these tests use a server that answers the read the way eagle.io does for a
// key below Account level (no `groups` at all) or with a group it cannot send back.
import { RollcallError } from "@rollcall/core";
import { afterEach, describe, expect, it } from "vitest";
import { createEagleClient, upsertOwnerGroups } from "../src/index";
import { serveOwner, type OwnerServer } from "./support/owner-server";

let server: OwnerServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function upsertAgainst(owner: unknown): Promise<unknown> {
  server = await serveOwner(owner);
  const client = createEagleClient({ apiKey: "test-key", baseUrl: server.url, retry: false });
  try {
    await upsertOwnerGroups(client, [{ name: "Night shift", users: [] }]);
  } catch (error) {
    return error;
  }
  throw new Error("expected upsertOwnerGroups to refuse");
}

const OWNER = { _id: "5424fbe96c4728a166f0d725", accountName: "Environment Inc" };

describe("upsertOwnerGroups when the groups cannot be read", () => {
  it("writes nothing when the answer has no groups list (a key below Account level)", async () => {
    const error = await upsertAgainst(OWNER);
    expect(error).toBeInstanceOf(RollcallError);
    expect((error as RollcallError).vendor).toBe("eagle");
    expect((error as Error).message).toMatch(/could not be read safely.*Account level/);
    expect((error as Error).message).toMatch(/nothing was changed/);
    expect(server?.methods).toEqual(["GET"]);
  });

  it.each([
    ["has no _id", { name: "Engineering team", users: [] }],
    ["has an _id that is not an eagle.io id", { _id: "engineering", name: "E", users: [] }],
    ["has an _id with a prefix", { _id: "x61bac74a84cac62fcbfe2c3d", name: "E", users: [] }],
    ["has an _id with a suffix", { _id: "61bac74a84cac62fcbfe2c3dx", name: "E", users: [] }],
    ["is not an object", null],
  ])("writes nothing when a group %s", async (_, group) => {
    const valid = { _id: "61bac74a84cac62fcbfe2c3c", name: "Ops", users: [] };
    const error = await upsertAgainst({ ...OWNER, groups: [valid, group] });
    expect(error).toBeInstanceOf(RollcallError);
    expect((error as Error).message).toMatch(/group 1 has no valid _id/);
    expect(server?.methods).toEqual(["GET"]);
  });

  it("writes when every group can be sent back, keeping a group that lists no users", async () => {
    const valid = { _id: "61bac74a84cac62fcbfe2c3c", name: "Ops", users: [] };
    const noUsers = { _id: "61bac74a84cac62fcbfe2c3d", name: "Empty" };
    server = await serveOwner({ ...OWNER, groups: [valid, noUsers] });
    const client = createEagleClient({ apiKey: "test-key", baseUrl: server.url, retry: false });
    await upsertOwnerGroups(client, [{ name: "Night shift", users: [] }]);
    expect(server.methods).toEqual(["GET", "PUT"]);
    expect(server.puts).toEqual([
      {
        groups: [
          { _id: valid._id, users: [] },
          { _id: noUsers._id, users: [] },
          { name: "Night shift", users: [] },
        ],
      },
    ]);
  });

  it("returns no groups when the write's answer lists none", async () => {
    const valid = { _id: "61bac74a84cac62fcbfe2c3c", name: "Ops", users: [] };
    server = await serveOwner({ ...OWNER, groups: [valid] }, OWNER);
    const client = createEagleClient({ apiKey: "test-key", baseUrl: server.url, retry: false });
    expect(await upsertOwnerGroups(client, [{ name: "Night shift", users: [] }])).toEqual([]);
  });
});
