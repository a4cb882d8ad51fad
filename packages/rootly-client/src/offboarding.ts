// Rootly offboarding: out of every team and rotation first, then the user deleted. Rootly's
// document does not say a deleted user leaves their rotations (see the spec's notes).
import {
  executorsByAction,
  membershipExecutor,
  NotFoundError,
  removingMemberships,
  unwrap,
  valueAt,
  type MembershipStep,
  type OffboardingPlanner,
} from "@rollcall/core";
import * as generated from "./generated/offboarding";
import { listAllScheduleRotationUsers, listAllScheduleRotations } from "./generated/client";
import type { RootlyClient } from "./generated/client";

/** Takes a user off a team: `PUT /v1/teams/{id}` with both lists, read back with a GET. */
export interface RootlyRemoveFromTeam extends MembershipStep {
  readonly action: "rootly.removeFromTeam";
}
/** Takes a user out of a schedule's rotations: `DELETE /v1/schedule_rotation_users/{id}`. */
export interface RootlyRemoveFromSchedule extends MembershipStep {
  readonly action: "rootly.removeFromSchedule";
}
export type RootlyOffboardingStep =
  generated.RootlyDeleteUser | RootlyRemoveFromTeam | RootlyRemoveFromSchedule;

/** The generated deletion, after a step per team and schedule the user is in. */
export const offboardingPlanner = /* @__PURE__ */ removingMemberships(
  generated.offboardingPlanner,
  {
    team: "rootly.removeFromTeam",
    schedule: "rootly.removeFromSchedule",
  },
) as OffboardingPlanner<RootlyOffboardingStep>;

/** The ids of the user's entries in the schedule's rotations now; none once it is gone. */
async function rotationEntries(client: RootlyClient, step: MembershipStep): Promise<string[]> {
  const entries: string[] = [];
  const path = { schedule_id: step.entitlement.id };
  try {
    for await (const rotation of listAllScheduleRotations(client, { path })) {
      const users = { path: { schedule_rotation_id: rotation.id } };
      for await (const entry of listAllScheduleRotationUsers(client, users)) {
        if (String(valueAt(entry, "attributes.user_id")) === step.account.id)
          entries.push(entry.id);
      }
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return entries;
}

/** Carries out every Rootly step: memberships by reading them back, the user as generated. */
export function offboardingExecutor(client: RootlyClient) {
  const team = (step: MembershipStep) => ({ params: { path: { id: step.entitlement.id } } });
  const without = (ids: number[] | null | undefined, user: string) =>
    ids?.filter((id) => String(id) !== user) ?? null;
  return executorsByAction<RootlyOffboardingStep>("rootly", {
    "rootly.deleteUser": generated.offboardingExecutor(client),
    "rootly.removeFromTeam": membershipExecutor<RootlyRemoveFromTeam>({
      vendor: "rootly",
      action: "rootly.removeFromTeam",
      async remove(step) {
        const { attributes } = unwrap(await client.GET("/v1/teams/{id}", team(step))).data;
        const lists = {
          user_ids: without(attributes.user_ids, step.account.id),
          admin_ids: without(attributes.admin_ids, step.account.id),
        };
        const body = { data: { type: "groups" as const, attributes: lists } };
        return client.PUT("/v1/teams/{id}", { ...team(step), body });
      },
      async stillMember(step) {
        const result = await client.GET("/v1/teams/{id}", team(step));
        if (result.response.status === 404) return false;
        const { user_ids, admin_ids } = unwrap(result).data.attributes;
        return [...(user_ids ?? []), ...(admin_ids ?? [])].some(
          (id) => String(id) === step.account.id,
        );
      },
    }),
    "rootly.removeFromSchedule": membershipExecutor<RootlyRemoveFromSchedule>({
      vendor: "rootly",
      action: "rootly.removeFromSchedule",
      byMembershipId: true,
      // The planned entry, then any other the user has in the schedule's rotations now.
      async remove(step) {
        const entries = await rotationEntries(client, step);
        const remove = (id: string) =>
          client.DELETE("/v1/schedule_rotation_users/{id}", { params: { path: { id } } });
        for (const id of entries.filter((id) => id !== step.membershipId)) unwrap(await remove(id));
        return remove(step.membershipId!);
      },
      stillMember: async (step) => (await rotationEntries(client, step)).length > 0,
    }),
  });
}
