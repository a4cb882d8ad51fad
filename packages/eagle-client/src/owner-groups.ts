import { ClientValidationError, RollcallError, unwrap } from "@rollcall/core";
import { requireEagleClient, type EagleClient } from "./client";
import type {
  AccountUser,
  AccountUserRequest,
  Group,
  Owner,
  OwnerGroupRequest,
} from "./generated/schema";

export interface UpdateOwnerGroupsOptions {
  /**
   * Must be `true`: you accept that eagle.io PERMANENTLY DELETES every existing group (and its
   * notification subscriptions) that `groups` does not match by `_id` or `name`.
   */
  deleteUnmatchedGroups: true;
  /** Notify users who gain access or get a new profile (eagle.io's `notify`, default false). */
  notify?: boolean;
}

export interface UpsertOwnerGroupsOptions {
  notify?: boolean;
}

/**
 * Replaces the owner's groups with `groups`, exactly as `PUT /api/v1/owners/account` does: groups
 * matched by `_id` (else `name`) are updated, the rest created, and EVERY OTHER EXISTING GROUP IS
 * PERMANENTLY DELETED. Returns the owner's groups afterwards. Throws the call's ApiError on failure.
 */
export async function updateOwnerGroups(
  client: EagleClient,
  groups: readonly OwnerGroupRequest[],
  options: UpdateOwnerGroupsOptions,
): Promise<Group[]> {
  if (options?.deleteUnmatchedGroups !== true) {
    throw new ClientValidationError({
      vendor: "eagle",
      operation: "updateOwnerGroups",
      field: "options.deleteUnmatchedGroups",
      message:
        "must be true to confirm that eagle.io permanently deletes the groups not listed; " +
        "use upsertOwnerGroups to keep them",
    });
  }
  checkGroupList(groups, "updateOwnerGroups");
  return putGroups(client, groups, options.notify, "updateOwnerGroups");
}

/**
 * Creates or updates `groups` and keeps every other group: reads the current groups first and
 * sends them all back, so nothing is deleted. A group given by `_id` must exist; one given by
 * `name` updates the group of that name or is created. A listed group's `users` become its
 * complete member list. Returns the owner's groups afterwards.
 *
 * The read and the write are two requests: a group created by someone else in between is
 * deleted by the write (eagle.io offers no conditional update).
 */
export async function upsertOwnerGroups(
  client: EagleClient,
  groups: readonly OwnerGroupRequest[],
  options: UpsertOwnerGroupsOptions = {},
): Promise<Group[]> {
  checkGroupList(groups, "upsertOwnerGroups");
  const existing = await readGroups(client);
  const merged: OwnerGroupRequest[] = [];
  const used = new Set<number>();
  for (const group of existing) {
    const index = groups.findIndex(
      (wanted, i) =>
        !used.has(i) &&
        ("_id" in wanted && wanted._id !== undefined
          ? wanted._id === group._id
          : wanted.name === group.name),
    );
    if (index === -1) {
      merged.push(keepGroup(group));
    } else {
      used.add(index);
      merged.push({ ...groups[index]!, _id: group._id } as OwnerGroupRequest);
    }
  }
  groups.forEach((wanted, index) => {
    if (used.has(index)) return;
    if ("_id" in wanted && wanted._id !== undefined) {
      throw new ClientValidationError({
        vendor: "eagle",
        operation: "upsertOwnerGroups",
        field: `groups[${index}]._id`,
        message: "names no existing group (nothing was sent); give a new group by name instead",
      });
    }
    merged.push(wanted);
  });
  return putGroups(client, merged, options.notify, "upsertOwnerGroups");
}

/** The owner's groups, each with a usable `_id`; throws rather than risk deleting a group. */
export async function readGroups(client: EagleClient): Promise<Group[]> {
  const owner: Owner = unwrap(
    await client.GET("/api/v1/owners/account", { params: { query: { attr: ["groups"] } } }),
  );
  const groups = owner.groups;
  // A key without Account level gets no `groups` at all: writing then would delete every group.
  if (!Array.isArray(groups))
    throw unreadable("the answer has no groups list; the key needs Account level");
  groups.forEach((group, index) => {
    if (!isGroupId(group?._id)) {
      throw unreadable(`group ${index} has no valid _id, so it could not be sent back`);
    }
  });
  return groups;
}

/** True for an eagle.io group id: an ObjectId, 24 hexadecimal digits. */
export function isGroupId(id: unknown): id is string {
  return typeof id === "string" && /^[0-9a-fA-F]{24}$/.test(id);
}

/** An existing group as a request that keeps it exactly as it is. */
export function keepGroup(
  group: Group,
  users: readonly AccountUser[] = group.users ?? [],
): OwnerGroupRequest {
  return { _id: group._id, users: users.map(userRequest) };
}

/** Existing members are sent back by address only: their profiles already exist. */
export function userRequest(user: AccountUser): AccountUserRequest {
  return { user: user.user };
}

/** PUT the complete group list, past the group guard (`checkRequest: false`): the caller has chosen to. */
export async function putGroups(
  client: EagleClient,
  groups: readonly OwnerGroupRequest[],
  notify: boolean | undefined,
  operation: string,
): Promise<Group[]> {
  requireEagleClient(client, operation);
  const owner = unwrap(
    await client.PUT("/api/v1/owners/account", {
      checkRequest: false,
      params: {
        query: {
          attr: ["groups"],
          ...(notify === undefined ? {} : { notify: notify ? "TRUE" : "FALSE" }),
        },
      },
      body: { groups: [...groups] },
    }),
  );
  return owner.groups ?? [];
}

function checkGroupList(groups: unknown, operation: string): void {
  if (!Array.isArray(groups)) {
    throw new ClientValidationError({
      vendor: "eagle",
      operation,
      field: "groups",
      message: "must be an array of groups",
    });
  }
  groups.forEach((group: unknown, index) => {
    const { _id, name, users } = (group ?? {}) as {
      _id?: unknown;
      name?: unknown;
      users?: unknown;
    };
    const fail = (field: string, message: string) => {
      throw new ClientValidationError({
        vendor: "eagle",
        operation,
        field: `groups[${index}]${field}`,
        message,
      });
    };
    if (typeof group !== "object" || group === null) fail("", "must be an object");
    if (_id === undefined && (typeof name !== "string" || name === "")) {
      fail(".name", "is required when the group has no _id");
    }
    if (!Array.isArray(users))
      fail(".users", "must be the group's complete member list (an array)");
  });
}

function unreadable(problem: string): RollcallError {
  return new RollcallError(
    `eagle: the owner's groups could not be read safely (${problem}); nothing was changed`,
    "eagle",
  );
}
