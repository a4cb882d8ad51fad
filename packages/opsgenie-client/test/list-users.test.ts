import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startOpsgenie, type OpsgenieSimulator } from "@rollcall/simulators";
import { ClientValidationError, PaginationError } from "@rollcall/core";
import { afterEach, describe, expect, it } from "vitest";
import { createOpsgenieClient, listAllUsers, pullAccounts, type PullProgress } from "../src/index";

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
    // Pages ahead are asked for before the short one arrives: at most three past it, all aborted.
    const offsets = sim!.requests.map((request) => Number(request.query.offset));
    expect(offsets.slice(0, 3)).toEqual([0, 100, 200]);
    expect(offsets.slice(3).every((offset) => offset > 200)).toBe(true);
    expect(offsets.length).toBeLessThanOrEqual(6);
  });

  it("stops at an empty page when the total is a multiple of the page size", async () => {
    const client = await clientFor(97);
    let count = 0;
    for await (const _user of listAllUsers(client, { pageSize: 50, concurrency: 1 })) count++;
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
      // Offset 4 may have been asked for ahead of the empty page, and then aborted.
      expect(offsets.slice(0, 2)).toEqual(["0", "2"]);
      expect(offsets.slice(2).every((offset) => Number(offset) > 2)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("listAllUsers options", () => {
  it("asks for 100 users a page by default and sends the sort it was given", async () => {
    const client = await clientFor(0);
    for await (const _user of listAllUsers(client)) break;
    expect(sim!.requests[0]!.query).toMatchObject({ limit: "100", offset: "0" });
    expect(Object.keys(sim!.requests[0]!.query)).not.toContain("sortField");
    expect(Object.keys(sim!.requests[0]!.query)).not.toContain("sortOrder");
    for await (const _user of listAllUsers(client, { sortField: "fullName", sortOrder: "DESC" }))
      break;
    expect(sim!.requests[1]!.query).toMatchObject({ sortField: "fullName", sortOrder: "DESC" });
  });

  it.each([1, 100])("accepts pageSize %i, the edge of OpsGenie's range", async (pageSize) => {
    const client = await clientFor(0);
    for await (const _user of listAllUsers(client, { pageSize })) break;
    expect(sim!.requests[0]!.query.limit).toBe(String(pageSize));
  });

  it("names the call and the option in its refusal", async () => {
    const client = await clientFor(0);
    expect(() => listAllUsers(client, { pageSize: 0 })).toThrow(
      expect.objectContaining({
        operation: "listAllUsers",
        field: "options.pageSize",
        message: "opsgenie listAllUsers: options.pageSize must be an integer from 1 to 100, got 0",
      }),
    );
    await expect(pullAccounts(client, { pageSize: 101 })).rejects.toMatchObject({
      operation: "pullAccounts",
      field: "options.pageSize",
    });
    expect(sim!.requestCount()).toBe(0);
  });

  it("stops at maxPages with a PaginationError", async () => {
    const client = await clientFor(100);
    const walk = async () => {
      for await (const _user of listAllUsers(client, { pageSize: 10, maxPages: 2 })) {
        // drain
      }
    };
    await expect(walk()).rejects.toThrow(PaginationError);
    await expect(walk()).rejects.toThrow(/^opsgenie: still more pages after 2/);
    expect(sim!.requestCount()).toBe(4);
  });
});

describe("pullAccounts over a list that shifts while it is read", () => {
  it("keeps a user listed on two pages once, and still reports a user without an id", async () => {
    // Page 2 repeats u2 (someone was added before it while paging) and carries an entry that is
    // not a user; page 3 a user with no id.
    const pagesByOffset: Record<string, unknown[]> = {
      "0": [
        { id: "u1", username: "u1@example.com" },
        { id: "u2", username: "u2@example.com" },
      ],
      "2": [{ id: "u2", username: "u2@example.com" }, null],
      "4": [{ username: "no-id@example.com" }],
    };
    const limits: string[] = [];
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const query = url.searchParams;
      // The v2 access reads that follow find `users` nowhere: they answer nothing.
      if (url.pathname === "/v1.2/json/user") limits.push(query.get("limit") ?? "");
      const users = pagesByOffset[query.get("offset") ?? ""] ?? [];
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ users }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createOpsgenieClient({ apiKey: "k", baseUrl: `http://127.0.0.1:${port}` });
      const progress: PullProgress<unknown>[] = [];
      const { accounts, issues } = await pullAccounts(client, {
        pageSize: 2,
        onPage: (page) => progress.push(page),
      });
      expect(accounts.map((account) => account.source.id)).toEqual(["u1", "u2"]);
      expect(issues.map((issue) => issue.raw)).toEqual([null, { username: "no-id@example.com" }]);
      expect(progress.map(({ vendor, page, items }) => [vendor, page, items.length])).toEqual([
        ["opsgenie", 1, 2],
        ["opsgenie", 2, 2],
        ["opsgenie", 3, 1],
      ]);
      // Every page at the asked size; pages past the short one may have been asked for ahead.
      expect(limits.length).toBeGreaterThanOrEqual(3);
      expect(new Set(limits)).toEqual(new Set(["2"]));
      // The same pull without a progress callback.
      const again = await pullAccounts(client, { pageSize: 2 });
      expect(again.accounts.map((account) => account.source.id)).toEqual(["u1", "u2"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
