import { unwrap, type AdapterResult, type PullOptions } from "@rollcall/core";
import { toAccounts } from "./accounts";
import type { EagleClient } from "./client";
import type { AccountUser } from "./generated/schema";
import { vendor } from "./generated/vendor";

/**
 * Every eagle.io account: the owner's administrators and the members of every group, from one
 * GET (eagle.io does not page the owner). `onPage` receives the user entries it carried.
 */
export async function pullAccounts(
  client: EagleClient,
  options: PullOptions<AccountUser> = {},
): Promise<AdapterResult> {
  const owner = unwrap(
    await client.GET("/api/v1/owners/account", {
      params: { query: { attr: ["administrators", "groups"] } },
    }),
  );
  const result = toAccounts(owner);
  const items = [
    ...(owner.administrators ?? []),
    ...(owner.groups ?? []).flatMap((group) => group.users ?? []),
  ];
  options.onPage?.({ vendor: vendor.id, page: 1, items });
  return result;
}
