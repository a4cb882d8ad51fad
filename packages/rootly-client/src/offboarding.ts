import {
  ClientValidationError,
  NotFoundError,
  unwrap,
  type OffboardingExecutor,
  type RootlyDeleteUser,
} from "@rollcall/core";
import type { RootlyClient } from "./client";

/**
 * Carries out core's `rootly.deleteUser` offboarding steps: `DELETE /v1/users/{id}` (Rootly has no
 * disabled state). A user that is already gone (404) counts as done, so a re-run plan succeeds.
 */
export function offboardingExecutor(client: RootlyClient): OffboardingExecutor<RootlyDeleteUser> {
  return {
    async execute(step) {
      if (step?.action !== "rootly.deleteUser") {
        throw new ClientValidationError({
          vendor: "rootly",
          operation: "offboardingExecutor",
          field: "step.action",
          message: `must be "rootly.deleteUser", got ${JSON.stringify(step?.action)}`,
        });
      }
      if (typeof step.userId !== "string" || step.userId.trim() === "") {
        throw new ClientValidationError({
          vendor: "rootly",
          operation: "offboardingExecutor",
          field: "step.userId",
          message: "must be a non-empty user id",
        });
      }
      try {
        unwrap(await client.DELETE("/v1/users/{id}", { params: { path: { id: step.userId } } }));
      } catch (error) {
        if (error instanceof NotFoundError) return;
        throw error;
      }
    },
  };
}
