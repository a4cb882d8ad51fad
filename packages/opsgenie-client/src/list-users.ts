import { paginator } from "@rollcall/core";
import { operations } from "./generated/operations";
import type { paths } from "./generated/schema";

// Pure: a bundle that does not list users drops the listing (and core's paginator) entirely.
/**
 * Every user, one at a time, fetching the next page (`limit`/`offset`) only when the loop needs
 * it; stops at an empty page (or one without `users`) or one shorter than `pageSize` (default
 * 100, the API's maximum). `for await (const user of listAllUsers(client)) …`
 */
export const listAllUsers = /* @__PURE__ */ paginator<paths>()(
  operations,
  "GET /v1.2/json/user",
  "listAllUsers",
  {
    sortField: "sortField",
    sortOrder: "sortOrder",
  },
);

/** Options of {@link listAllUsers}: `pageSize` (1–100), `sortField`, `sortOrder`, `maxPages`, `call`. */
export type ListAllUsersOptions = NonNullable<Parameters<typeof listAllUsers>[1]>;
