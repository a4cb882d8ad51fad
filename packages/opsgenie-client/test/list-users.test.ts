import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startOpsgenie, type OpsgenieSimulator } from "@rollcall/simulators";
import { ClientValidationError } from "@rollcall/core";
import { afterEach, describe, expect, it } from "vitest";
import { createOpsgenieClient, listAllUsers } from "../src/index";

let sim: OpsgenieSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function clientFor(generatedUsers: number) {
  sim = await startOpsgenie({ seed: "docs", generatedUsers });
  return createOpsgenieClient({ apiKey: sim.credentials.apiKey, baseUrl: sim.url });
}

describe("listAllUsers", () => {
  it("yields every user once and stops at the short last page", async () => {
    const client = await clientFor(247);
    const ids: string[] = [];
    for await (const user of listAllUsers(client, { pageSize: 100 })) ids.push(user.id ?? "");
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(sim!.requests.map((request) => request.query.offset)).toEqual(["0", "100", "200"]);
  });

  it("stops at an empty page when the total is a multiple of the page size", async () => {
    const client = await clientFor(97);
    let count = 0;
    for await (const _user of listAllUsers(client, { pageSize: 50 })) count++;
    expect(count).toBe(100);
    expect(sim!.requests.map((request) => request.query.offset)).toEqual(["0", "50", "100"]);
  });

  it("fetches lazily: breaking after the first user sends one request", async () => {
    const client = await clientFor(500);
    for await (const _user of listAllUsers(client, { pageSize: 10 })) break;
    expect(sim!.requestCount()).toBe(1);
    expect(sim!.requests[0]!.query.limit).toBe("10");
  });

  it("ends at a page that leaves out `users`, which OpsGenie's SDKs allow", async () => {
    // A loopback stand-in for OpsGenie: one full page of two users, then `{}`.
    const offsets: string[] = [];
    const server = createServer((request, response) => {
      const offset = new URL(request.url ?? "/", "http://127.0.0.1").searchParams.get("offset");
      offsets.push(offset ?? "");
      const body = offset === "0" ? { users: [{ id: "u1" }, { id: "u2" }] } : {};
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createOpsgenieClient({ apiKey: "k", baseUrl: `http://127.0.0.1:${port}` });
      const ids: unknown[] = [];
      for await (const user of listAllUsers(client, { pageSize: 2 })) ids.push(user.id);
      expect(ids).toEqual(["u1", "u2"]);
      expect(offsets).toEqual(["0", "2"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([0, 101, 1.5])(
    "refuses pageSize %s at the call, before any request",
    async (pageSize) => {
      const client = await clientFor(0);
      expect(() => listAllUsers(client, { pageSize })).toThrow(ClientValidationError);
      expect(sim!.requestCount()).toBe(0);
    },
  );
});
