// A listing whose pages state the total, walked several pages at a time: items still in order,
// never more requests in flight than asked, no look-ahead past that, and the same typed errors for
// a server that changes the list, lies about its total or ignores the cursor. Over real loopback
// HTTP, against a server that answers later pages sooner.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  ClientValidationError,
  PaginationError,
  paginator,
  type OperationRules,
} from "../../src/index";
import { fakeClient } from "../runtime/fake-vendor";
import type { paths } from "../runtime/scripted-server";

const drain = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const rules = <Style extends { offset: string } | { page: string; nextPage?: string }>(
  style: Style,
) =>
  ({
    "GET /users": {
      id: "listUsers",
      path: "/users",
      pagination: { items: "users", size: "limit", defaultSize: 2, total: "meta.total", ...style },
    },
  }) as const satisfies OperationRules;
// Made in each test, not when the file loads: a mutation run switches mutants on per test.
const byOffset = () =>
  paginator<paths>()(rules({ offset: "offset" }), "GET /users", "listAllUsers");
const byPage = () => paginator<paths>()(rules({ page: "page" }), "GET /users", "listAllUsers");

/** What the server answers for the page starting at `offset` of `limit` items. */
type Answer = (offset: number, limit: number, index: number) => object;

const people =
  (count: number): Answer =>
  (offset, limit) => ({
    users: Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => ({
      id: `u${offset + i}`,
    })),
    meta: { total: count },
  });

interface ListServer {
  baseUrl: string;
  urls: string[];
  /** Most requests the server held open at once. */
  maxOpen: number;
  close(): Promise<void>;
}

let current: ListServer | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

/**
 * A loopback server answering `answer` for each page, offsets or page numbers alike; page 1 at
 * once, later pages after a delay that shrinks with the page, so they complete out of order.
 */
async function listServer(answer: Answer): Promise<ListServer> {
  let open = 0;
  const state = { urls: [] as string[], maxOpen: 0 };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    state.urls.push(url.search);
    const limit = Number(url.searchParams.get("limit"));
    const page = url.searchParams.get("page");
    const offset =
      page === null ? Number(url.searchParams.get("offset")) : (Number(page) - 1) * limit;
    const index = Math.floor(offset / limit);
    open += 1;
    state.maxOpen = Math.max(state.maxOpen, open);
    setTimeout(
      () => {
        open -= 1;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer(offset, limit, index)));
      },
      index === 0 ? 0 : Math.max(5, 60 - index * 10),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  current = {
    baseUrl: `http://127.0.0.1:${port}`,
    get urls() {
      return state.urls;
    },
    get maxOpen() {
      return state.maxOpen;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return current;
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `u${i}` }));

describe("a listing that states its total", () => {
  it("yields every item in order while later pages answer first", async () => {
    const server = await listServer(people(11));
    const items = await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 3 }));
    expect(items).toEqual(ids(11));
    // Six pages, each asked for once, none past the total.
    expect(server.urls).toHaveLength(6);
    expect(new Set(server.urls).size).toBe(6);
  });

  it("walks page numbers the same way", async () => {
    const server = await listServer(people(7));
    const items = await drain(byPage()(fakeClient(server.baseUrl), { concurrency: 4 }));
    expect(items).toEqual(ids(7));
    expect(server.maxOpen).toBeGreaterThan(1);
    expect(server.urls.map((search) => new URLSearchParams(search).get("page")).sort()).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
  });

  it("keeps several pages in flight, never more than its concurrency", async () => {
    const server = await listServer(people(40));
    await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 3 }));
    expect(server.maxOpen).toBeGreaterThan(1);
    expect(server.maxOpen).toBeLessThanOrEqual(3);
  });

  it("walks one page at a time with concurrency 1", async () => {
    const server = await listServer(people(9));
    expect(await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 1 }))).toEqual(ids(9));
    expect(server.maxOpen).toBe(1);
  });

  it("holds no more than twice its concurrency ahead while the caller holds a page", async () => {
    const server = await listServer(people(200));
    const walk = byOffset().pages(fakeClient(server.baseUrl), { concurrency: 3 });
    const first = await walk.next();
    expect(first.value?.items).toEqual(ids(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Page 1, and at most six ahead of the page being read (memory stays flat), three at a time.
    expect(server.urls.length).toBeLessThanOrEqual(7);
    expect(server.maxOpen).toBeLessThanOrEqual(3);
    await walk.return(undefined);
  });

  it("hands each page its own response body", async () => {
    const server = await listServer(people(6));
    const pages = await drain(byOffset().pages(fakeClient(server.baseUrl), { concurrency: 3 }));
    expect(pages.map((page) => (page.body as { users: { id: string }[] }).users[0]?.id)).toEqual([
      "u0",
      "u2",
      "u4",
    ]);
    expect(pages.map((page) => page.cursor)).toEqual([0, 2, 4]);
    expect(pages.map((page) => [page.pageNumber, page.itemsSoFar])).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
  });

  it.each([
    [
      "a total that grows mid-walk",
      (o: number, l: number, i: number) => ({
        ...people(8)(o, l, i),
        meta: { total: i < 2 ? 8 : 9 },
      }),
    ],
    [
      "a total larger than the list",
      (o: number, l: number, i: number) => ({ ...people(5)(o, l, i), meta: { total: 8 } }),
    ],
    [
      "a total smaller than the list",
      (o: number, l: number, i: number) => ({ ...people(9)(o, l, i), meta: { total: 7 } }),
    ],
  ])("fails on %s with a PaginationError", async (_, answer) => {
    const server = await listServer(answer);
    const error = await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 3 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ vendor: "fakevendor", reason: "inconsistent-total" });
  });

  it("fails a server that ignores the offset with repeated-page", async () => {
    const server = await listServer(() => ({ users: ids(2), meta: { total: 6 } }));
    const error = await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 2 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({
      name: "PaginationError",
      reason: "repeated-page",
      pagesFetched: 2,
    });
  });

  it("refuses a total needing more pages than maxPages before fetching them", async () => {
    const server = await listServer(people(100));
    const error = await drain(
      byOffset()(fakeClient(server.baseUrl), { concurrency: 3, maxPages: 10 }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: "PaginationError", reason: "max-pages" });
    expect((error as Error).message).toContain("the total of 100 items needs more than 10 pages");
    expect(server.urls).toHaveLength(1);
  });

  it("by page number, goes one page at a time when the total is missing or not a count", async () => {
    const followingNext = () =>
      paginator<paths>()(
        rules({ page: "page", nextPage: "meta.next" }),
        "GET /users",
        "listAllUsers",
      );
    for (const total of [undefined, "7", -1, 2.5]) {
      const server = await listServer((o, l, i) => ({
        ...people(7)(o, l, i),
        meta: { total, next: i + 2 },
      }));
      expect(await drain(followingNext()(fakeClient(server.baseUrl), { concurrency: 3 }))).toEqual(
        ids(7),
      );
      expect(server.maxOpen).toBe(1);
      expect(server.urls).toHaveLength(4);
      await server.close();
      current = undefined;
    }
  });

  it("refuses a concurrency that is not a positive integer, before sending", () => {
    for (const concurrency of [0, -2, 1.5, "4"]) {
      let thrown: unknown;
      try {
        byOffset()(fakeClient("http://127.0.0.1:1"), { concurrency: concurrency as never });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ClientValidationError);
      expect(thrown).toMatchObject({
        field: "options.concurrency",
        message: expect.stringContaining(`must be a positive integer, got ${concurrency}`),
      });
    }
  });

  it("walks a total needing exactly maxPages pages", async () => {
    const server = await listServer(people(10));
    const items = await drain(byOffset()(fakeClient(server.baseUrl), { maxPages: 5 }));
    expect(items).toEqual(ids(10));
  });

  it("refuses a maxPages that is not a positive integer, naming it", async () => {
    const server = await listServer(people(6));
    const error = await drain(byOffset()(fakeClient(server.baseUrl), { maxPages: 0 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({ field: "maxPages" });
  });

  it("yields no page of a listing whose total is 0", async () => {
    const server = await listServer(people(0));
    expect(await drain(byOffset().pages(fakeClient(server.baseUrl)))).toEqual([]);
  });

  it("fails a first page that states a total of 0 yet holds items", async () => {
    const server = await listServer((o, l, i) => ({ ...people(6)(o, l, i), meta: { total: 0 } }));
    const error = await drain(byOffset()(fakeClient(server.baseUrl))).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ name: "PaginationError", reason: "inconsistent-total" });
  });

  it("names the page and both totals, cutting a hostile total short", async () => {
    const huge = "9".repeat(1000);
    const server = await listServer((o, l, i) => ({
      ...people(8)(o, l, i),
      meta: { total: i === 0 ? 8 : huge },
    }));
    const error = await drain(byOffset()(fakeClient(server.baseUrl))).catch(
      (thrown: unknown) => thrown,
    );
    expect((error as Error).message).toContain(
      `page 2 has 2 items and states a total of ${"9".repeat(20)}, where page 1 stated 8`,
    );
  });

  it("follows the vendor's next-page flag when the first page states no usable total", async () => {
    // Full pages of 2 out of 10, but the vendor says the second is the last.
    const byFlag = paginator<paths>()(
      rules({ page: "page", hasNext: "meta.more" }),
      "GET /users",
      "listAllUsers",
    );
    for (const total of [undefined, "7", -1, 2.5]) {
      const server = await listServer((o, l, i) => ({
        users: ids(10).slice(o, o + l),
        meta: { more: i < 1, total },
      }));
      expect(await drain(byFlag(fakeClient(server.baseUrl)))).toEqual(ids(4));
      expect(server.urls).toHaveLength(2);
      await server.close();
      current = undefined;
    }
  });
});

describe("an offset listing that states no total", () => {
  const noTotal =
    (count: number): Answer =>
    (offset, limit, index) => ({
      users: (people(count)(offset, limit, index) as { users: unknown[] }).users,
    });

  it("looks ahead up to its concurrency and still yields every item in order", async () => {
    const server = await listServer(noTotal(41));
    const items = await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 4 }));
    expect(items).toEqual(ids(41));
    // It grows past two in flight once pages prove full, and never past its concurrency.
    expect(server.maxOpen).toBeGreaterThan(2);
    expect(server.maxOpen).toBeLessThanOrEqual(4);
    // 21 pages; at most three asked for past the short one.
    expect(server.urls.length).toBeGreaterThanOrEqual(21);
    expect(server.urls.length).toBeLessThanOrEqual(24);
  });

  it("costs one request when the first page is short, and stops at an empty page", async () => {
    const short = await listServer(noTotal(1));
    expect(await drain(byOffset()(fakeClient(short.baseUrl), { concurrency: 4 }))).toEqual(ids(1));
    expect(short.urls).toHaveLength(1);
    await short.close();
    const exact = await listServer(noTotal(8));
    expect(await drain(byOffset()(fakeClient(exact.baseUrl), { concurrency: 4 }))).toEqual(ids(8));
    await exact.close();
    current = undefined;
  });

  it("goes one page at a time with concurrency 1", async () => {
    const server = await listServer(noTotal(9));
    expect(await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 1 }))).toEqual(ids(9));
    expect(server.maxOpen).toBe(1);
    expect(server.urls).toHaveLength(5);
  });

  it("fails a server that ignores the offset with repeated-page", async () => {
    const server = await listServer(() => ({ users: ids(2) }));
    const error = await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 4 })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ name: "PaginationError", reason: "repeated-page" });
  });

  it("looks ahead as well when the total is there but not a count", async () => {
    for (const total of ["7", -1, 2.5]) {
      const server = await listServer((o, l, i) => ({ ...noTotal(7)(o, l, i), meta: { total } }));
      expect(await drain(byOffset()(fakeClient(server.baseUrl), { concurrency: 4 }))).toEqual(
        ids(7),
      );
      await server.close();
      current = undefined;
    }
  });

  it("stops at maxPages with a PaginationError naming the limit", async () => {
    const server = await listServer(noTotal(40));
    const error = await drain(
      byOffset()(fakeClient(server.baseUrl), { concurrency: 4, maxPages: 3 }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: "PaginationError", reason: "max-pages" });
    expect((error as Error).message).toContain("still more pages after 3 (raise maxPages)");
  });

  it("cancels the pages it asked for past the end instead of leaving them open", async () => {
    // Pages past the end are held open: the walk must not wait for them, nor leave them open.
    let held = 0;
    let cancelled = 0;
    const server: Server = createServer((req, res) => {
      const offset = Number(new URL(req.url ?? "/", "http://x").searchParams.get("offset"));
      if (offset >= 6) {
        held += 1;
        res.on("close", () => (cancelled += 1));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(noTotal(5)(offset, 2, offset / 2)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const items = await drain(
        byOffset()(fakeClient(`http://127.0.0.1:${port}`), { concurrency: 4 }),
      );
      expect(items).toEqual(ids(5));
      // Every held request ends closed by the client (some may reach the server only after).
      await expect.poll(() => held > 0 && cancelled === held).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
