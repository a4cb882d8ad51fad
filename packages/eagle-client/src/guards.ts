import { ClientValidationError, type RouteChecks } from "@rollcall/core";

/** The one call whose body can silently destroy data: groups in an owner update. */
export const OWNER_UPDATE = "PUT /api/v1/owners/account";

/**
 * eagle.io MERGES `groups` in PUT /api/v1/owners/account and PERMANENTLY DELETES every existing
 * group the list does not match. A plain `client.PUT` with `groups` is therefore refused before
 * anything is sent; the helpers in owner-groups.ts make the choice explicit.
 */
export const eagleRequestChecks: RouteChecks = {
  [OWNER_UPDATE]: (init) => {
    const body = init.body;
    if (
      typeof body === "object" &&
      body !== null &&
      (body as { groups?: unknown }).groups !== undefined
    ) {
      throw new ClientValidationError({
        vendor: "eagle",
        operation: "updateOwnerAccount",
        field: "body.groups",
        message:
          "was refused and nothing was sent: eagle.io permanently deletes every existing group " +
          "(with its notification subscriptions) that the list does not match. Use " +
          "upsertOwnerGroups(client, groups) to add or change groups while keeping the others, or " +
          "updateOwnerGroups(client, groups, { deleteUnmatchedGroups: true }) to replace them all.",
      });
    }
  },
};
