import { paginator } from "@rollcall/core";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";

// Pure: a bundle that does not list users drops the listing (and core's paginator) entirely.
/**
 * Every user of the organisation, fetched lazily page by page (`page[size]` default 100, at most
 * 1000): `for await (const user of listAllUsers(client)) …`. Stops after an empty or short page
 * or when Rootly reports no next page; `email` and `search` fill `filter[email]` and
 * `filter[search]`. Bad options throw a ClientValidationError before anything is sent.
 */
export const listAllUsers = /* @__PURE__ */ paginator<paths>()(
  operations,
  "GET /v1/users",
  "listAllUsers",
  {
    email: "filter[email]",
    search: "filter[search]",
  },
);

/** Options of {@link listAllUsers}: `pageSize`, `email`, `search`, `maxPages`, `call`. */
export type ListAllUsersOptions = NonNullable<Parameters<typeof listAllUsers>[1]>;
