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
    for await (const user of listAllUsers(client, { pageSize: 100 })) ids.push(user.id);
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

  it.each([0, 101, 1.5])(
    "refuses pageSize %s at the call, before any request",
    async (pageSize) => {
      const client = await clientFor(0);
      expect(() => listAllUsers(client, { pageSize })).toThrow(ClientValidationError);
      expect(sim!.requestCount()).toBe(0);
    },
  );
});
