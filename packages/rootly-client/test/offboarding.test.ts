import {
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  planOffboarding,
  type RootlyDeleteUser,
} from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { offboardingExecutor, pullAccounts } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("demo");

/** A hand-made plan step deleting Rootly user `userId`. */
function deleteStep(userId: string, description: string): RootlyDeleteUser {
  const account = { vendor: "rootly", kind: "rootly.user", id: userId };
  return { vendor: "rootly", action: "rootly.deleteUser", userId, description, account };
}

describe("offboardingExecutor", () => {
  it("deletes the person's Rootly user and nobody else", async () => {
    const client = env.client();
    const before = env.sim.store.users.list();
    const directory = buildDirectory((await pullAccounts(client)).accounts);
    const plan = planOffboarding(directory, "ben.okafor@harbourline.example");
    const result = await executeOffboarding(plan, { rootly: offboardingExecutor(client) });
    expect(result.ok).toBe(true);
    expect(result.outcomes.map((o) => o.status)).toEqual(["done"]);

    const after = await pullAccounts(client);
    const emails = after.accounts.map((a) => a.emails[0]!.value);
    expect(emails).not.toContain("ben.okafor@harbourline.example");
    expect(emails).toHaveLength(before.length - 1);
  });

  it("treats a user that is already gone as done", async () => {
    const step = deleteStep("999999", "Delete Rootly user 999999");
    await expect(offboardingExecutor(env.client()).execute(step)).resolves.toBeUndefined();
    expect(env.sim.requestCount("DELETE /v1/users/{}")).toBe(1);
  });

  it("rejects a step without a user id before sending anything", async () => {
    const step = deleteStep("", "");
    await expect(offboardingExecutor(env.client()).execute(step)).rejects.toBeInstanceOf(
      ClientValidationError,
    );
    expect(env.sim.requests).toHaveLength(0);
  });
});
