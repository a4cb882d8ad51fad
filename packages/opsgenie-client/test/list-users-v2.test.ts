// GET /v2/users from a hostile stand-in for OpsGenie: the listing trusts only the pages, never
// `totalCount`, refuses a server that answers the same page again, and sends the key only as
// `Authorization: GenieKey …`.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { PaginationError } from "@rollcall/core";
import { afterEach, describe, expect, it } from "vitest";
import { createOpsgenieClient, listAllUsersV2 } from "../src/index";

const KEY = "genie-key-4f9a2b7c-secret";
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A loopback server answering each request from `answer`; records what it was sent. */
async function serve(answer: (offset: number) => unknown) {
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    seen.push(request);
    const offset = Number(new URL(request.url ?? "/", "http://x").searchParams.get("offset"));
    const body = JSON.stringify({ ...(answer(offset) as object), took: 0.1, requestId: "r" });
    response.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  const { port } = server.address() as AddressInfo;
  const client = createOpsgenieClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}` });
  return { client, seen };
}

const users = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `u${from + i}`,
    username: `u${from + i}@x.example`,
  }));

describe("listAllUsersV2 against a hostile server", () => {
  it("stops at the short page whatever totalCount claims, sending only the GenieKey header", async () => {
    const { client, seen } = await serve((offset) => ({
      totalCount: 1_000_000,
      data: offset === 0 ? users(0, 2) : offset === 2 ? users(2, 1) : users(9, 2),
    }));
    const ids: unknown[] = [];
    for await (const user of listAllUsersV2(client, { pageSize: 2 })) ids.push(user.id);
    expect(ids).toEqual(["u0", "u1", "u2"]);
    expect(seen.map((request) => request.url)).toEqual([
      "/v2/users?limit=2&offset=0",
      "/v2/users?limit=2&offset=2",
    ]);
    for (const request of seen) expect(request.headers.authorization).toBe(`GenieKey ${KEY}`);
  });

  it("ends at an empty page although totalCount says there are more", async () => {
    const { client } = await serve((offset) => ({
      totalCount: 50,
      data: offset === 0 ? users(0, 2) : [],
    }));
    let count = 0;
    for await (const _user of listAllUsersV2(client, { pageSize: 2 })) count++;
    expect(count).toBe(2);
  });

  it("refuses a server that answers the same full page for every offset", async () => {
    const { client, seen } = await serve(() => ({ totalCount: 4, data: users(0, 2) }));
    const walk = async () => {
      for await (const _user of listAllUsersV2(client, { pageSize: 2 })) {
        // reading every page
      }
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify(error) + String(error)).not.toContain(KEY);
  });
});
