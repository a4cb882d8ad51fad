import { ClientValidationError, paginate, unwrap, type PaginateOptions } from "@rollcall/core";
import type { OpsgenieClient } from "./client";
import type { components } from "./generated/schema";

type User = components["schemas"]["User"];

export interface ListAllUsersOptions {
  /** Users per request, 1–100 (default 100, the API's maximum). */
  pageSize?: number;
  sortField?: components["schemas"]["UserSortField"];
  sortOrder?: components["schemas"]["SortOrder"];
  /** Runaway guard passed to core's paginator (default 10 000 pages). */
  maxPages?: number;
}

const MAX_PAGE_SIZE = 100;

/**
 * Every user, one at a time, fetching the next page (`limit`/`offset`) only when the loop needs
 * it. Stops at an empty page (or one without `users`) or one shorter than `pageSize` (the API
 * gives no total).
 *
 * `for await (const user of listAllUsers(client)) …`
 */
export function listAllUsers(
  client: OpsgenieClient,
  options: ListAllUsersOptions = {},
): AsyncGenerator<User, void, undefined> {
  return paginate(userPages(client, options, "listAllUsers"));
}

/** The same listing page by page (for progress reporting). */
export function userPages(
  client: OpsgenieClient,
  options: ListAllUsersOptions,
  operation: string,
): PaginateOptions<User, number> {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    // Checked now, not at the first page, so the mistake points at this call.
    throw new ClientValidationError({
      vendor: "opsgenie",
      operation,
      field: "options.pageSize",
      message: `must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(pageSize)}`,
    });
  }
  const { sortField, sortOrder } = options;
  return {
    vendor: "opsgenie",
    first: 0,
    pageSize,
    ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    fetchPage: async (offset: number) => {
      // OpsGenie's SDKs treat `users` as optional: a page without it is an empty one.
      const { users = [] } = unwrap(
        await client.GET("/v1.2/json/user", {
          params: {
            query: {
              limit: pageSize,
              offset,
              ...(sortField === undefined ? {} : { sortField }),
              ...(sortOrder === undefined ? {} : { sortOrder }),
            },
          },
        }),
      );
      return { items: users, next: offset + users.length };
    },
  };
}
