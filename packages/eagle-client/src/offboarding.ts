import {
  RollcallError,
  unwrap,
  type EagleRemoveAdministrator,
  type EagleRemoveGroupMember,
  type OffboardingExecutor,
} from "@rollcall/core";
import type { EagleClient } from "./client";
import { keepGroup, putGroups, readGroups, userRequest } from "./owner-groups";

export type EagleOffboardingStep = EagleRemoveAdministrator | EagleRemoveGroupMember;

/**
 * Carries out eagle.io offboarding steps. Both are read-modify-write on the owner account:
 * administrators are sent back without the person (the list is replaced whole), and every group
 * is sent back with only the person removed from the one group (groups missing from the write
 * would be permanently deleted). A person already gone is not an error.
 */
export function offboardingExecutor(
  client: EagleClient,
): OffboardingExecutor<EagleOffboardingStep> {
  return {
    async execute(step) {
      switch (step.action) {
        case "eagle.removeAdministrator":
          return removeAdministrator(client, step.email);
        case "eagle.removeGroupMember":
          return removeGroupMember(client, step.groupId, step.email);
        default:
          throw new RollcallError(
            `eagle: no offboarding action "${String((step as { action?: unknown }).action)}"`,
            "eagle",
          );
      }
    },
  };
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

async function removeAdministrator(client: EagleClient, email: string): Promise<void> {
  const owner = unwrap(
    await client.GET("/api/v1/owners/account", { params: { query: { attr: ["administrators"] } } }),
  );
  const administrators = owner.administrators;
  // Without the list (a key below Account level) a write would remove every administrator.
  if (!Array.isArray(administrators)) {
    throw new RollcallError(
      "eagle: the administrators could not be read (the key needs Account level); nothing was changed",
      "eagle",
    );
  }
  const remaining = administrators.filter((admin) => !sameAddress(admin.user, email));
  if (remaining.length === administrators.length) return;
  unwrap(
    await client.PUT("/api/v1/owners/account", {
      params: { query: { attr: ["_id"] } },
      body: { administrators: remaining.map(userRequest) },
    }),
  );
}

async function removeGroupMember(
  client: EagleClient,
  groupId: string,
  email: string,
): Promise<void> {
  const groups = await readGroups(client);
  const target = groups.find((group) => group._id === groupId);
  const members = target?.users ?? [];
  if (target === undefined || !members.some((member) => sameAddress(member.user, email))) return;
  const requests = groups.map((group) =>
    group === target
      ? keepGroup(
          group,
          members.filter((member) => !sameAddress(member.user, email)),
        )
      : keepGroup(group),
  );
  const after = await putGroups(client, requests, undefined, "offboardingExecutor");
  const kept = new Set(after.map((group) => group._id));
  const lost = groups.filter((group) => !kept.has(group._id));
  if (lost.length > 0) {
    throw new RollcallError(
      `eagle: after removing ${email} from group ${groupId}, eagle.io no longer lists group(s) ` +
        `${lost.map((group) => group._id).join(", ")}`,
      "eagle",
    );
  }
}
