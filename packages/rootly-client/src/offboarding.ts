import {
  deletionExecutor,
  deletionPlanner,
  type OffboardingExecutor,
  type OffboardingStep,
} from "@rollcall/core";
import { USER_KIND } from "./accounts";
import type { RootlyClient } from "./client";
import { vendor } from "./generated/vendor";

/** Delete one Rootly user (Rootly has no disabled state). */
export interface RootlyDeleteUser extends OffboardingStep {
  readonly action: "rootly.deleteUser";
  readonly userId: string;
}

/** Rootly's user ids are numeric strings ("317"). */
const USER_ID = { pattern: /^[0-9]+$/, description: 'a numeric user id such as "317"' };

/** The steps that remove one Rootly account: a `rootly.deleteUser` for each user. */
export const offboardingPlanner = /* @__PURE__ */ deletionPlanner<RootlyDeleteUser>({
  kind: USER_KIND,
  action: "rootly.deleteUser",
  step: ({ source }, login) => ({
    userId: source.id,
    description: `Delete Rootly user ${login ?? source.id} (id ${source.id}).`,
  }),
});

/**
 * Carries out `rootly.deleteUser` steps: `DELETE /v1/users/{id}`, then `GET` it back: done only
 * when Rootly answers 404. A user that is already gone counts as done, so a re-run plan succeeds;
 * a step whose id is not numeric is refused before sending.
 */
export function offboardingExecutor(client: RootlyClient): OffboardingExecutor<RootlyDeleteUser> {
  return deletionExecutor<RootlyDeleteUser>({
    vendor: vendor.id,
    action: "rootly.deleteUser",
    target: (step) => ({ field: "userId", value: step.userId, format: USER_ID }),
    remove: (step) => client.DELETE("/v1/users/{id}", { params: { path: { id: step.userId } } }),
    readBack: (step) => client.GET("/v1/users/{id}", { params: { path: { id: step.userId } } }),
  });
}
