import { allSettledInOrder, unwrap, type AdapterResult, type PullOptions } from "@rollcall/core";
import { customRoles, pullAccess } from "./access";
import { usersAdapter } from "./accounts";
import type { OpsgenieClient } from "./generated/client";
import { vendor } from "./generated/vendor";
import { listAllUsers } from "./generated/client";
import type { User } from "./generated/schema";

export interface PullAccountsOptions extends PullOptions<User> {
  /** Users per request, 1–100 (default 100). */
  pageSize?: number;
}

/**
 * The custom roles, then the users: each page adapted as it arrives while the listing fetches the
 * next ones (a custom role's holders get its level). A user listed again on a later page (the
 * list shifted while it was read) is kept once.
 */
async function pullUsers(
  client: OpsgenieClient,
  pages: ReturnType<typeof listAllUsers.pages>,
  options: PullAccountsOptions,
) {
  const roles = customRoles(unwrap(await client.GET("/v2/roles")).data ?? []);
  const adapter = usersAdapter(roles.levels);
  const earlier = new Set<unknown>();
  for await (const page of pages) {
    adapter.add(page.items.filter((user) => !earlier.has(user?.id)));
    for (const user of page.items) if (typeof user?.id === "string") earlier.add(user.id);
    options.onPage?.({ vendor: vendor.id, page: page.pageNumber, items: page.items });
  }
  return { roles, accounts: adapter.result() };
}

/**
 * Every OpsGenie user as an account, paging through GET /v1.2/json/user after the custom roles
 * (GET /v2/roles, so a custom role's holders get its level). `onPage` is called after each page
 * with the users it carried. A user listed again on a later page (the list shifted while it was
 * read) is kept once. Beside them, read at the same time: the v2 access records (teams, schedules
 * with who is on call, and escalations). A failed read fails the pull once every read has ended.
 */
export async function pullAccounts(
  client: OpsgenieClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const pageOptions = options.pageSize === undefined ? {} : { pageSize: options.pageSize };
  // Made first, so bad options are refused before anything is sent.
  const pages = listAllUsers.pages(client, pageOptions, { operation: "pullAccounts" });
  // The access records are read beside the users: neither needs the other until the end.
  const [{ roles, accounts }, access] = await allSettledInOrder([
    pullUsers(client, pages, options),
    pullAccess(client),
  ]);
  return {
    ...access,
    accounts: accounts.accounts,
    entitlements: [...roles.entitlements, ...(access.entitlements ?? [])],
    issues: [...accounts.issues, ...access.issues],
  };
}
