import { deletionExecutor, type OffboardingExecutor, type RootlyDeleteUser } from "@rollcall/core";
import type { RootlyClient } from "./client";

/** Rootly's user ids are numeric strings ("317"). */
const USER_ID = { pattern: /^[0-9]+$/, description: 'a numeric user id such as "317"' };

/**
 * Carries out core's `rootly.deleteUser` offboarding steps: `DELETE /v1/users/{id}` (Rootly has no
 * disabled state), then `GET` it back: done only when Rootly answers 404. A user that is already
 * gone counts as done, so a re-run plan succeeds; a step whose id is not numeric is refused before
 * sending.
 */
export function offboardingExecutor(client: RootlyClient): OffboardingExecutor<RootlyDeleteUser> {
  return deletionExecutor<RootlyDeleteUser>({
    vendor: "rootly",
    action: "rootly.deleteUser",
    target: (step) => ({ field: "userId", value: step.userId, format: USER_ID }),
    remove: (step) => client.DELETE("/v1/users/{id}", { params: { path: { id: step.userId } } }),
    readBack: (step) => client.GET("/v1/users/{id}", { params: { path: { id: step.userId } } }),
  });
}
