import {
  NotFoundError,
  RollcallError,
  unwrap,
  type OffboardingExecutor,
  type OpsgenieDeleteUser,
} from "@rollcall/core";
import type { OpsgenieClient } from "./client";

/**
 * Carries out `opsgenie.deleteUser` steps: DELETE the user by id (by username when the step has
 * no id). A user already gone (404) counts as done, so a plan can be run again.
 */
export function offboardingExecutor(
  client: OpsgenieClient,
): OffboardingExecutor<OpsgenieDeleteUser> {
  return {
    async execute(step) {
      if (step.action !== "opsgenie.deleteUser") {
        throw new RollcallError(
          `opsgenie: no offboarding action "${String((step as { action?: unknown }).action)}"`,
          "opsgenie",
        );
      }
      const query = step.userId ? { id: step.userId } : { username: step.username ?? "" };
      try {
        unwrap(await client.DELETE("/v1/json/user", { params: { query } }));
      } catch (error) {
        if (error instanceof NotFoundError) return;
        throw error;
      }
    },
  };
}
