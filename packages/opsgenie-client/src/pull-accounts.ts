import type { AdapterResult, PullOptions } from "@rollcall/core";
import { toAccounts } from "./accounts";
import type { OpsgenieClient } from "./generated/client";
import { vendor } from "./generated/vendor";
import { listAllUsers } from "./generated/client";
import type { User } from "./generated/schema";

export interface PullAccountsOptions extends PullOptions<User> {
  /** Users per request, 1–100 (default 100). */
  pageSize?: number;
}

/**
 * Every OpsGenie user as an account, paging through GET /v1.2/json/user. `onPage` is called after
 * each page with the users it carried. A user listed again on a later page (the list shifted
 * while it was read) is kept once.
 */
export async function pullAccounts(
  client: OpsgenieClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const pageOptions = options.pageSize === undefined ? {} : { pageSize: options.pageSize };
  const users: unknown[] = [];
  const earlier = new Set<unknown>();
  for await (const page of listAllUsers.pages(client, pageOptions, { operation: "pullAccounts" })) {
    users.push(...page.items.filter((user) => !earlier.has(user?.id)));
    for (const user of page.items) if (typeof user?.id === "string") earlier.add(user.id);
    options.onPage?.({ vendor: vendor.id, page: page.pageNumber, items: page.items });
  }
  return toAccounts(users);
}
