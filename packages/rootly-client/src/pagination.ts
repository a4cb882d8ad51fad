import {
  ClientValidationError,
  pages,
  unwrap,
  type FetchedPage,
  type CallOptions,
} from "@rollcall/core";
import type { RootlyClient } from "./client";
import type { User } from "./generated/schema";

/** Options of {@link listAllUsers}. */
export interface ListAllUsersOptions {
  /** Users per request (`page[size]`), 1–1000; default 100. A shorter page ends the listing. */
  pageSize?: number;
  /** Only the user with exactly this email address (`filter[email]`). */
  email?: string;
  /** Only users whose name or email contains this text (`filter[search]`). */
  search?: string;
  /** Runaway guard passed to core's pagination driver (default 10 000 pages). */
  maxPages?: number;
  /** Per-request timeout and retry settings for every page. */
  call?: CallOptions;
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/**
 * Every user of the organisation, fetched lazily page by page:
 * `for await (const user of listAllUsers(client)) …`. Stops after an empty or short page or when
 * Rootly reports no next page. Bad options throw a ClientValidationError before anything is sent.
 */
export function listAllUsers(
  client: RootlyClient,
  options: ListAllUsersOptions = {},
): AsyncIterable<User> {
  checkOptions(options, "listAllUsers");
  return {
    // A fresh walk per loop, so the iterable can be consumed more than once.
    async *[Symbol.asyncIterator]() {
      for await (const page of userPages(client, options, "listAllUsers")) yield* page.items;
    },
  };
}

/** Related resources to ask for (`include`), and where each page's `included` goes. */
export interface UserPagesInclude {
  names: string;
  onIncluded: (included: readonly unknown[]) => void;
}

/** The pages behind {@link listAllUsers}, with progress counters (used by `pullAccounts`). */
export function userPages(
  client: RootlyClient,
  options: ListAllUsersOptions,
  operation: string,
  include?: UserPagesInclude,
): AsyncGenerator<FetchedPage<User, number>, void, undefined> {
  const pageSize = checkOptions(options, operation);
  const query = {
    "page[size]": pageSize,
    ...(options.email === undefined ? {} : { "filter[email]": options.email }),
    ...(options.search === undefined ? {} : { "filter[search]": options.search }),
    ...(include === undefined ? {} : { include: include.names }),
  };
  return pages<User, number>({
    vendor: "rootly",
    first: 1,
    pageSize,
    ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    fetchPage: async (pageNumber) => {
      const body = unwrap(
        await client.GET("/v1/users", {
          params: { query: { ...query, "page[number]": pageNumber } },
          ...options.call,
        }),
      );
      include?.onIncluded(body.included ?? []);
      const next = body.meta?.next_page ?? (body.links?.next ? pageNumber + 1 : null);
      return { items: body.data, next: typeof next === "number" ? next : undefined };
    },
  });
}

function checkOptions(options: ListAllUsersOptions, operation: string): number {
  const fail = (field: string, message: string): never => {
    throw new ClientValidationError({ vendor: "rootly", operation, field, message });
  };
  if (typeof options !== "object" || options === null) fail("options", "must be an object");
  const size = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    fail("options.pageSize", `must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(size)}`);
  }
  for (const key of ["email", "search"] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      fail(`options.${key}`, "must be a non-empty string when given");
    }
  }
  return size;
}
