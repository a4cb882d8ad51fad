import {
  AccountStillPresentError,
  buildDirectory,
  executeOffboarding,
  planOffboarding,
  type OpsgenieDeleteUser,
} from "@rollcall/core";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { offboardingExecutor, pullAccounts, type OpsgenieClient } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

const env = useOpsgenieSimulator("both");
let client: OpsgenieClient;
afterEach(() => vi.restoreAllMocks());
beforeEach(() => {
  client = env.client();
});

it("deletes the person's user; a later read no longer finds them", async () => {
  const { accounts, issues } = await pullAccounts(client);
  const plan = planOffboarding(buildDirectory(accounts, { issues }), "kaan@example.com");
  const result = await executeOffboarding(plan, { opsgenie: offboardingExecutor(client) });
  expect(result.ok).toBe(true);
  const lookup = await client.GET("/v1/json/user", {
    params: { query: { username: "kaan@example.com" } },
  });
  expect(lookup.response.status).toBe(404);
  expect(env.sim.store.userByUsername("halit@example.com")).toBeDefined();
});

function step(userId: string, username: string | null): OpsgenieDeleteUser {
  return {
    vendor: "opsgenie",
    action: "opsgenie.deleteUser",
    account: { vendor: "opsgenie", kind: "opsgenie.user", id: userId },
    userId,
    username,
    description: "",
  };
}

it("deletes by username when the step has no id, and treats an already deleted user as done", async () => {
  const executor = offboardingExecutor(client);
  await executor.execute(step("", "halit@example.com"));
  expect(env.sim.store.userByUsername("halit@example.com")).toBeUndefined();
  expect(env.sim.requests.at(-1)!.query.username).toBe("halit@example.com");
  await expect(
    executor.execute(step("d6b85867-3304-46d5-b196-7cd5d91d4956", null)),
  ).resolves.toBeUndefined();
});

it("reports the vendor's refusal as a failed step", async () => {
  // The only Owner cannot be deleted.
  const owner = env.sim.store.users.find(
    (user) => user.role === "Owner" && user.username.includes("example.com"),
  )!;
  for (const other of env.sim.store.users.filter(
    (user) => user.role === "Owner" && user.id !== owner.id,
  )) {
    env.sim.store.users.update(other.id, { role: "User" });
  }
  await expect(offboardingExecutor(client).execute(step(owner.id, owner.username))).rejects.toThrow(
    /at least 2 owners/,
  );
});

it("fails the step when OpsGenie answers the delete with success but keeps the user", async () => {
  const user = env.sim.store.userByUsername("kaan@example.com")!;
  vi.spyOn(env.sim.store.users, "delete").mockReturnValue(true);
  const executor = offboardingExecutor(client);
  const error = await Promise.resolve(executor.execute(step(user.id, user.username))).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccountStillPresentError);
  expect(env.sim.store.userByUsername("kaan@example.com")).toBeDefined();
});

it("fails the step when the delete is answered 404 but the user can still be read", async () => {
  const user = env.sim.store.userByUsername("kaan@example.com")!;
  env.sim.faults.once({ kind: "empty-body", status: 404 }, { route: "DELETE /v1/json/user" });
  await expect(offboardingExecutor(client).execute(step(user.id, null))).rejects.toThrow(
    /still there.*404/,
  );
});
