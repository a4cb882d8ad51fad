import {
  AccountStillPresentError,
  buildDirectory,
  ClientValidationError,
  executeOffboarding,
  planOffboarding,
  type RootlyDeleteUser,
} from "@rollcall/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { offboardingExecutor, pullAccounts } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("demo");
afterEach(() => vi.restoreAllMocks());

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

describe("offboardingExecutor against a Rootly that does not delete", () => {
  it("fails the step when the delete is answered with success but the user stays", async () => {
    const user = env.sim.store.users.list()[0]!;
    vi.spyOn(env.sim.store.users, "delete").mockReturnValue(true);
    const step = deleteStep(user.id, `Delete Rootly user ${user.id}`);
    const result = await executeOffboarding(
      { personId: "p", displayName: null, email: "", steps: [step], reviewContacts: [] },
      { rootly: offboardingExecutor(env.client()) },
    );
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({
      status: "failed",
      error: { name: "AccountStillPresentError" },
    });
    expect(env.sim.store.users.get(user.id)).toBeDefined();
  });

  it("fails the step when the delete is answered 404 but the user can still be read", async () => {
    const user = env.sim.store.users.list()[0]!;
    env.sim.faults.once({ kind: "empty-body", status: 404 }, { route: "DELETE /v1/users/{}" });
    const executor = offboardingExecutor(env.client());
    await expect(executor.execute(deleteStep(user.id, ""))).rejects.toBeInstanceOf(
      AccountStillPresentError,
    );
    expect(env.sim.requestCount("GET /v1/users/{}")).toBe(1);
  });
});
