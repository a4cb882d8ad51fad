import { beforeEach, expect, it } from "vitest";
import { offboardingExecutor, type OpsgenieClient, type OpsgenieDeleteUser } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

// What every vendor's executor does (removal read back, reruns, faults, refusals) is in
// tools/conformance (offboarding.test.ts, validation.test.ts); these are OpsGenie's own cases.

const env = useOpsgenieSimulator("both");
let client: OpsgenieClient;
beforeEach(() => {
  client = env.client();
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

it("deletes by username when the step has no id", async () => {
  await offboardingExecutor(client).execute(step("", "halit@example.com"));
  expect(env.sim.store.userByUsername("halit@example.com")).toBeUndefined();
  expect(env.sim.requests.at(-1)!.query.username).toBe("halit@example.com");
  expect(env.sim.store.userByUsername("kaan@example.com")).toBeDefined();
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
