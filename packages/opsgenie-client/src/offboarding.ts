import {
  deletionExecutor,
  isValidEmail,
  deletionPlanner,
  UUID_FORMAT,
  type OffboardingExecutor,
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

/** The steps that remove one OpsGenie account: an `opsgenie.deleteUser` for each user. */
export const offboardingPlanner = /* @__PURE__ */ deletionPlanner<OpsgenieDeleteUser>({
  kind: USER_KIND,
  action: "opsgenie.deleteUser",
  step: ({ source }, login) => ({
    userId: source.id,
    username: login,
    description: `Delete OpsGenie user ${login ?? source.id} (id ${source.id}).`,
  }),
});

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
export function offboardingExecutor(
  client: OpsgenieClient,
): OffboardingExecutor<OpsgenieDeleteUser> {
  return deletionExecutor<OpsgenieDeleteUser>({
    vendor: vendor.id,
    action: "opsgenie.deleteUser",
    target: (step) =>
      step.userId
        ? { field: "userId", value: step.userId, format: UUID_FORMAT }
        : { field: "username", value: step.username, format: USERNAME },
    remove: (step) => client.DELETE("/v1/json/user", { params: { query: userQuery(step) } }),
    readBack: (step) => client.GET("/v1/json/user", { params: { query: userQuery(step) } }),
  });
}
