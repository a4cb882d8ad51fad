// What the pagination driver tells its caller: the page index each fetch is asked for, which pages
// it yields, and the errors that say why a listing stopped.
import { describe, expect, it } from "vitest";
import { ClientValidationError, PaginationError, pages, paginate } from "../../src/runtime";

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function failure(run: () => Promise<unknown>): Promise<Error> {
  return run().then(
    () => {
      throw new Error("expected the listing to fail");
    },
    (e: unknown) => e as Error,
  );
}

describe("pagination messages and progress", () => {
  it("asks for page indexes from 0 and never yields an empty page", async () => {
    const asked: number[] = [];
    const got = await drain(
      pages({
        first: 0,
        fetchPage: async (cursor: number, index) => {
          asked.push(index);
          return { items: cursor < 2 ? [cursor] : [], next: cursor + 1 };
        },
      }),
    );
    expect(asked).toEqual([0, 1, 2]);
    expect(got.map((page) => page.items)).toEqual([[0], [1]]);
  });

  it("ends quietly when the very first page is empty", async () => {
    const got = await drain(
      paginate({ first: 0, fetchPage: async () => ({ items: [], next: 1 }) }),
    );
    expect(got).toEqual([]);
  });

  it("refuses a bad page size, naming the field and the value", async () => {
    const error = await failure(() =>
      drain(
        paginate({
          first: 0,
          pageSize: 0,
          fetchPage: async () => ({ items: [], next: undefined }),
        }),
      ),
    );
    expect(error).toBeInstanceOf(ClientValidationError);
    expect(error).toMatchObject({
      vendor: "unknown",
      operation: "paginate",
      field: "pageSize",
      problem: "must be a positive integer, got 0",
    });
  });

  it("says a listing ran past maxPages", async () => {
    const error = await failure(() =>
      drain(
        paginate({
          first: 0,
          maxPages: 3,
          vendor: "acme",
          fetchPage: async (cursor: number) => ({ items: [cursor], next: cursor + 1 }),
        }),
      ),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe("acme: still more pages after 3 (raise maxPages)");
  });

  it("names a repeated cursor, cut to 100 characters", async () => {
    const long = { token: "t".repeat(200) };
    const error = await failure(() =>
      drain(
        paginate({ first: long, fetchPage: async () => ({ items: [Math.random()], next: long }) }),
      ),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe(
      `pagination: cursor ${JSON.stringify(long).slice(0, 100)} came back`,
    );
  });

  it("names the page that repeats the one before", async () => {
    const error = await failure(() =>
      drain(
        paginate({ first: 1, fetchPage: async (n: number) => ({ items: ["same"], next: n + 1 }) }),
      ),
    );
    expect(error.message).toBe("pagination: page 2 repeats page 1 (the server ignored the cursor)");
  });
});
