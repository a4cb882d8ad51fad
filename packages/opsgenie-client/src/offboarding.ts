import {
  deletionExecutor,
  executorsByAction,
  isValidEmail,
  deletionPlanner,
  membershipExecutor,
  removingMemberships,
  unwrap,
  UUID_FORMAT,
  type FetchResult,
  type MembershipStep,
  type OffboardingExecutor,
  type OffboardingPlanner,
  type OffboardingStep,
} from "@rollcall/core";
import { USER_KIND } from "./accounts";
import type { OpsgenieClient } from "./generated/client";
import { vendor } from "./generated/vendor";

/** Delete one OpsGenie user, by id (or by username, the user's email, when there is no id). */
export interface OpsgenieDeleteUser extends OffboardingStep {
  readonly action: "opsgenie.deleteUser";
  readonly userId: string;
  readonly username: string | null;
}

/** Take a user off a team (`opsgenie.removeTeamMember`) or out of a schedule's rotations. */
export interface OpsgenieRemoveMembership extends MembershipStep {
  readonly action: "opsgenie.removeTeamMember" | "opsgenie.removeFromRotations";
}

export type OpsgenieStep = OpsgenieDeleteUser | OpsgenieRemoveMembership;

const deleteUser = /* @__PURE__ */ deletionPlanner<OpsgenieDeleteUser>({
  kind: USER_KIND,
  action: "opsgenie.deleteUser",
  step: ({ source }, login) => ({
    userId: source.id,
    username: login,
    description: `Delete OpsGenie user ${login ?? source.id} (id ${source.id}).`,
  }),
});

/**
 * The steps that remove one OpsGenie account: take it off its teams and out of its schedules'
 * rotations (OpsGenie would otherwise keep a deleted user's turn), then `opsgenie.deleteUser`.
 */
export const offboardingPlanner = /* @__PURE__ */ removingMemberships(deleteUser, {
  team: "opsgenie.removeTeamMember",
  schedule: "opsgenie.removeFromRotations",
}) as OffboardingPlanner<OpsgenieStep>;

/** Every schedule with its rotations, and the one a step names (undefined once it is gone). */
async function schedules(client: OpsgenieClient, step: OpsgenieRemoveMembership) {
  const query = { expand: ["rotation" as const] };
  const read = await client.GET("/v2/schedules", { params: { query } });
  return { read, schedule: unwrap(read).data?.find((s) => s.id === step.entitlement.id) };
}

const isHolder = (step: OpsgenieRemoveMembership) => (p: { type: string; id?: string }) =>
  p.type === "user" && p.id === step.account.id;

// Only called once `target` has checked the id, or else the username, so neither is null here.
const userQuery = (step: OpsgenieDeleteUser) =>
  step.userId ? { id: step.userId } : { username: step.username as string };

/** An OpsGenie username is the user's email address. */
const USERNAME = { pattern: { test: isValidEmail }, description: "an email address" };

/**
 * Carries out `opsgenie.deleteUser` steps: DELETE the user by id (by username when the step has
 * no id), then GET it back: done only when OpsGenie no longer finds the user. A user already gone
 * (404) counts as done, so a plan can be run again. An id that is not a UUID, or a username that is
 * not an email address, is refused before sending.
 */
export function offboardingExecutor(client: OpsgenieClient): OffboardingExecutor<OpsgenieStep> {
  const team = (step: OpsgenieRemoveMembership) => ({ identifier: step.entitlement.id });
  return executorsByAction<OpsgenieStep>(vendor.id, {
    "opsgenie.deleteUser": deletionExecutor<OpsgenieDeleteUser>({
      vendor: vendor.id,
      action: "opsgenie.deleteUser",
      target: (step) =>
        step.userId
          ? { field: "userId", value: step.userId, format: UUID_FORMAT }
          : { field: "username", value: step.username, format: USERNAME },
      remove: (step) => client.DELETE("/v1/json/user", { params: { query: userQuery(step) } }),
      readBack: (step) => client.GET("/v1/json/user", { params: { query: userQuery(step) } }),
    }),
    "opsgenie.removeTeamMember": membershipExecutor<OpsgenieRemoveMembership>({
      vendor: vendor.id,
      action: "opsgenie.removeTeamMember",
      remove: (step) =>
        client.DELETE("/v2/teams/{identifier}/members/{memberIdentifier}", {
          params: { path: { ...team(step), memberIdentifier: step.account.id } },
        }),
      stillMember: async (step) => {
        const read = await client.GET("/v2/teams/{identifier}", { params: { path: team(step) } });
        if (read.response.status === 404) return false;
        return !!unwrap(read).data?.members?.some((m) => m.user?.id === step.account.id);
      },
    }),
    // A rotation's participants can only be replaced whole: each rotation holding the user is
    // written back without them (read-modify-write), `none` when nobody else is left.
    "opsgenie.removeFromRotations": membershipExecutor<OpsgenieRemoveMembership>({
      vendor: vendor.id,
      action: "opsgenie.removeFromRotations",
      remove: async (step) => {
        const { read, schedule } = await schedules(client, step);
        let result: FetchResult = read;
        for (const rotation of schedule?.rotations ?? []) {
          const before = rotation.participants ?? [];
          if (!rotation.id || !before.some(isHolder(step))) continue;
          unwrap(result); // the previous rotation's write succeeded before the next one is sent
          const kept = before.filter((p) => !isHolder(step)(p));
          result = await client.PATCH("/v2/schedules/{identifier}/rotations/{id}", {
            params: { path: { identifier: step.entitlement.id, id: rotation.id } },
            body: { participants: kept.length > 0 ? kept : [{ type: "none" }] },
          });
        }
        return result;
      },
      stillMember: async (step) =>
        !!(await schedules(client, step)).schedule?.rotations?.some((r) =>
          r.participants?.some(isHolder(step)),
        ),
    }),
  });
}
