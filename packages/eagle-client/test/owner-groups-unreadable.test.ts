// upsertOwnerGroups sends back every group it read: when it cannot read them all, it must write
// nothing, or eagle.io would delete the groups it missed. The simulator always answers with a
// full group list, so these tests use a server that answers the read the way eagle.io does for a
// key below Account level (no `groups` at all) or with a group it cannot send back.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RollcallError } from "@rollcall/core";
import { afterEach, describe, expect, it } from "vitest";
import { createEagleClient, upsertOwnerGroups } from "../src/index";

interface OwnerServer {
  readonly url: string;
  readonly methods: string[];
  close(): Promise<void>;
}

let server: OwnerServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveOwner(owner: unknown): Promise<OwnerServer> {
  const methods: string[] = [];
  const http: Server = createServer((request, response) => {
    methods.push(request.method ?? "");
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(owner));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}

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
    expect((error as Error).message).toMatch(/could not be read safely.*Account level/);
    expect((error as Error).message).toMatch(/nothing was changed/);
    expect(server?.methods).toEqual(["GET"]);
  });

  it.each([
    ["has no _id", { name: "Engineering team", users: [] }],
    ["has an _id that is not an eagle.io id", { _id: "engineering", name: "E", users: [] }],
    ["is not an object", null],
  ])("writes nothing when a group %s", async (_, group) => {
    const valid = { _id: "61bac74a84cac62fcbfe2c3c", name: "Ops", users: [] };
    const error = await upsertAgainst({ ...OWNER, groups: [valid, group] });
    expect(error).toBeInstanceOf(RollcallError);
    expect((error as Error).message).toMatch(/group 1 has no valid _id/);
    expect(server?.methods).toEqual(["GET"]);
  });

  it("writes when every group can be sent back", async () => {
    const valid = { _id: "61bac74a84cac62fcbfe2c3c", name: "Ops", users: [] };
    server = await serveOwner({ ...OWNER, groups: [valid] });
    const client = createEagleClient({ apiKey: "test-key", baseUrl: server.url, retry: false });
    await upsertOwnerGroups(client, [{ name: "Night shift", users: [] }]);
    expect(server.methods).toEqual(["GET", "PUT"]);
  });
});
