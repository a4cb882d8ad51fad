import { deletionExecutor, type OffboardingExecutor, type RootlyDeleteUser } from "@rollcall/core";
import type { RootlyClient } from "./client";

/**
 * Carries out core's `rootly.deleteUser` offboarding steps: `DELETE /v1/users/{id}` (Rootly has no
 * disabled state), then `GET` it back: done only when Rootly answers 404. A user that is already
 * gone counts as done, so a re-run plan succeeds.
 */
export function offboardingExecutor(client: RootlyClient): OffboardingExecutor<RootlyDeleteUser> {
  return deletionExecutor<RootlyDeleteUser>({
    vendor: "rootly",
    action: "rootly.deleteUser",
    target: (step) => ({ field: "userId", value: step.userId }),
    remove: (step) => client.DELETE("/v1/users/{id}", { params: { path: { id: step.userId } } }),
    readBack: (step) => client.GET("/v1/users/{id}", { params: { path: { id: step.userId } } }),
  });
}
