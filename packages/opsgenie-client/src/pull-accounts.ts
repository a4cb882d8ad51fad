import {
  type AccountIssue,
  type AdapterResult,
  type Account,
  type PullOptions,
} from "@rollcall/core";
import { toAccounts } from "./accounts";
import type { OpsgenieClient } from "./client";
import type { User } from "./types";
import { listAllUsers } from "./list-users";

export interface PullAccountsOptions extends PullOptions<User> {
  /** Users per request, 1–100 (default 100). */
  pageSize?: number;
}

/**
 * Every OpsGenie user as an account, paging through GET /v1.2/json/user. `onPage` is called after
 * each page with the users it carried. A user listed twice (the list shifted while paging) is
 * kept once.
 */
export async function pullAccounts(
  client: OpsgenieClient,
  options: PullAccountsOptions = {},
): Promise<AdapterResult> {
  const listing = listAllUsers.pages(
    client,
    options.pageSize === undefined ? {} : { pageSize: options.pageSize },
    { operation: "pullAccounts" },
  );
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const seen = new Set<string>();
  for await (const page of listing) {
    const fresh = page.items.filter((user) => typeof user?.id !== "string" || !seen.has(user.id));
    for (const user of fresh) if (typeof user?.id === "string") seen.add(user.id);
    const result = toAccounts(fresh);
    accounts.push(...result.accounts);
    issues.push(...result.issues);
    options.onPage?.({ vendor: "opsgenie", page: page.pageNumber, items: page.items });
  }
  return { accounts, issues };
}
