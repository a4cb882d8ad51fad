import { describe, expect, it } from "vitest";
import {
  ClientValidationError,
  paginate,
  pages,
  PaginationError,
  type Page,
} from "../../src/runtime";

/** An offset/limit listing of `total` numbers, counting the pages fetched. */
function offsetListing(total: number, limit: number) {
  const fetched: number[] = [];
  return {
    fetched,
    fetchPage: async (offset: number): Promise<Page<number, number>> => {
      fetched.push(offset);
      const items = Array.from(
        { length: Math.max(0, Math.min(limit, total - offset)) },
        (_, i) => offset + i,
      );
      return { items, next: offset + limit };
    },
  };
}

describe("paginate", () => {
  it("fetches lazily: a page only when the previous one is used up", async () => {
    const listing = offsetListing(7, 3);
    const iterator = paginate({ fetchPage: listing.fetchPage, first: 0, pageSize: 3 });
    expect(listing.fetched).toEqual([]);
    expect((await iterator.next()).value).toBe(0);
    expect(listing.fetched).toEqual([0]);
    await iterator.next();
    await iterator.next();
    expect(listing.fetched).toEqual([0]);
    expect((await iterator.next()).value).toBe(3);
    expect(listing.fetched).toEqual([0, 3]);
  });

  it("stops on a short last page without asking for another", async () => {
    const listing = offsetListing(7, 3);
    const items: number[] = [];
    for await (const item of paginate({ fetchPage: listing.fetchPage, first: 0, pageSize: 3 }))
      items.push(item);
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(listing.fetched).toEqual([0, 3, 6]);
  });

  it("stops on an empty page when the page size is unknown", async () => {
    const listing = offsetListing(6, 3);
    const items: number[] = [];
    for await (const item of paginate({ fetchPage: listing.fetchPage, first: 0 })) items.push(item);
    expect(items).toHaveLength(6);
    expect(listing.fetched).toEqual([0, 3, 6]);
  });

  it("stops when there is no next cursor (Rootly page numbers)", async () => {
    const fetched: number[] = [];
    const fetchPage = async (page: number): Promise<Page<string, number>> => {
      fetched.push(page);
      return { items: [`p${page}a`, `p${page}b`], next: page < 3 ? page + 1 : undefined };
    };
    const seen: string[] = [];
    for await (const item of paginate({ fetchPage, first: 1 })) seen.push(item);
    expect(seen).toEqual(["p1a", "p1b", "p2a", "p2b", "p3a", "p3b"]);
    expect(fetched).toEqual([1, 2, 3]);
  });

  it("reports progress per page", async () => {
    const listing = offsetListing(5, 2);
    const progress: [number, number][] = [];
    for await (const page of pages({ fetchPage: listing.fetchPage, first: 0, pageSize: 2 })) {
      progress.push([page.pageNumber, page.itemsSoFar]);
    }
    expect(progress).toEqual([
      [1, 2],
      [2, 4],
      [3, 5],
    ]);
  });

  it("throws when the server keeps pointing at the same page", async () => {
    let calls = 0;
    const fetchPage = async (): Promise<Page<number, string>> => {
      calls++;
      return { items: [calls, calls + 100], next: "same" };
    };
    const run = async () => {
      for await (const _ of paginate({ fetchPage, first: "start", vendor: "rootly" })) void _;
    };
    await expect(run()).rejects.toSatisfy(
      (e) => e instanceof PaginationError && e.reason === "repeated-cursor" && e.pagesFetched === 2,
    );
  });

  it("stops at the first page that repeats the one before, whatever cursor it was asked for", async () => {
    // A server that ignores the cursor: every page number gets page 1 back.
    const requested: number[] = [];
    const fetchPage = async (page: number): Promise<Page<{ id: string }, number>> => {
      requested.push(page);
      return { items: [{ id: "a" }, { id: "b" }], next: page + 1 };
    };
    const seen: string[] = [];
    const run = async () => {
      for await (const user of paginate({ fetchPage, first: 1, pageSize: 2, vendor: "opsgenie" }))
        seen.push(user.id);
    };
    await expect(run()).rejects.toSatisfy(
      (e) => e instanceof PaginationError && e.reason === "repeated-page" && e.pagesFetched === 2,
    );
    expect(requested).toEqual([1, 2]);
    expect(seen).toEqual(["a", "b"]);
  });

  it("walks on when a page only starts like the one before, or holds more", async () => {
    // A listing whose pages share their first record (a pinned item) is not repeating itself.
    const pagesOf: { id: string }[][] = [
      [{ id: "pinned" }, { id: "a" }],
      [{ id: "pinned" }, { id: "b" }],
      [{ id: "pinned" }, { id: "b" }, { id: "c" }],
      [{ id: "pinned" }],
    ];
    const fetchPage = async (n: number): Promise<Page<{ id: string }, number>> => ({
      items: pagesOf[n]!,
      next: n + 1 < pagesOf.length ? n + 1 : undefined,
    });
    const seen: string[] = [];
    for await (const item of paginate({ fetchPage, first: 0 })) seen.push(item.id);
    expect(seen).toEqual(["pinned", "a", "pinned", "b", "pinned", "b", "c", "pinned"]);
  });

  it("throws after maxPages instead of running forever", async () => {
    let calls = 0;
    const fetchPage = async (n: number): Promise<Page<number, number>> => {
      calls++;
      return { items: [n], next: n + 1 };
    };
    const run = async () => {
      for await (const _ of paginate({ fetchPage, first: 0, maxPages: 5 })) void _;
    };
    await expect(run()).rejects.toSatisfy(
      (e) => e instanceof PaginationError && e.reason === "max-pages",
    );
    expect(calls).toBe(5);
  });

  it("rejects a bad maxPages with a ClientValidationError", async () => {
    const iterator = paginate({
      fetchPage: async () => ({ items: [], next: undefined }),
      first: 0,
      maxPages: 0,
    });
    await expect(iterator.next()).rejects.toBeInstanceOf(ClientValidationError);
  });
});
