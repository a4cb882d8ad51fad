import {
  buildDirectory,
  executeOffboarding,
  IdentityError,
  planOffboarding,
  type Account,
  type AccountSource,
  type OffboardingPlan,
} from "@rollcall/core";
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  runFaultScenario,
  secretLeaks,
} from "@rollcall/core/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { OFFBOARDING } from "./support/offboarding-vendors";
import { useVendorSimulator } from "./support/simulator-fixture";
import { VENDORS } from "./support/vendors";

// Offboarding through every vendor's executor, against its simulator seeded with the demo
// organisation: what is removed is read back through the vendor's own adapter (`pullAccounts`).
// Cases only one vendor has (eagle.io's groups, OpsGenie's delete by username) stay in its package.

const key = (source: AccountSource) => `${source.kind} ${source.id}`;
const keysOf = (accounts: readonly Account[]) => accounts.map((account) => key(account.source));

describe.each(OFFBOARDING)("$vendor", (offboarding) => {
  const harness = VENDORS.find((row) => row.vendor === offboarding.vendor)!;
  const env = useVendorSimulator(harness, { seed: "both" });
  /** A client that reports every hook to the recorder (checked for secrets after each test). */
  const client = (options = {}) => env.client({ hooks: env.recorder.hooks, ...options });
  const accounts = async () => (await offboarding.connector.pullAccounts(client())).accounts;
  const plan = async (email: string) => {
    const { accounts: pulled, issues } = await offboarding.connector.pullAccounts(client());
    return planOffboarding(buildDirectory(pulled, { issues }), email, {
      [offboarding.connector.id]: offboarding.connector.planOffboarding,
    });
  };
  const planBoth = async (): Promise<OffboardingPlan> => {
    const [first, second] = await Promise.all(offboarding.people.map(plan));
    return { ...first!, steps: [...first!.steps, ...second!.steps] };
  };
  const run = (thePlan: OffboardingPlan, options = {}) =>
    executeOffboarding(thePlan, {
      [offboarding.vendor]: offboarding.connector.offboardingExecutor(client(options)),
    });
  /** Writes the vendor answered with success since the request log was last cleared. */
  const acceptedWrites = () =>
    env.sim.requests.filter((request) => request.method !== "GET" && (request.status ?? 500) < 300)
      .length;

  it("removes the person's accounts and nothing else, as reading the vendor back shows", async () => {
    const [person] = offboarding.people;
    const before = await accounts();
    const thePlan = await plan(person);
    const theirs = new Set(thePlan.steps.map((step) => key(step.account)));
    expect(thePlan.steps.length).toBeGreaterThan(0);

    const result = await run(thePlan);

    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(
      thePlan.steps.map(() => "done"),
    );
    expect(result.ok).toBe(true);
    const after = await accounts();
    expect(after).toEqual(before.filter((account) => !theirs.has(key(account.source))));
    await expect(plan(person)).rejects.toBeInstanceOf(IdentityError);
  });

  it("plans an automatic step for each account, described by the person's address and the record id", async () => {
    const [person] = offboarding.people;
    const thePlan = await plan(person);
    expect(thePlan.steps.length).toBeGreaterThan(0);
    for (const step of thePlan.steps) {
      expect(step.vendor).toBe(offboarding.connector.id);
      expect(step.action).toMatch(new RegExp(`^${offboarding.connector.id}\\.[a-zA-Z]+$`));
      expect(step.description).toContain(person);
      expect(step.description).toContain(step.account.id);
    }
  });

  it("runs a plan again after success as done, changing nothing", async () => {
    const thePlan = await plan(offboarding.people[0]);
    expect((await run(thePlan)).ok).toBe(true);
    const after = await accounts();
    env.sim.clearRequests();

    const again = await run(thePlan);

    expect(again.ok).toBe(true);
    expect(again.outcomes.every((outcome) => outcome.status === "done")).toBe(true);
    expect(acceptedWrites()).toBe(0);
    expect(await accounts()).toEqual(after);
  });

  it.each(offboarding.ghostSteps.map(({ step }) => [step.action, step] as const))(
    "counts %s of someone the vendor does not have as done, changing nothing",
    async (_action, step) => {
      const before = await accounts();
      env.sim.clearRequests();
      await expect(
        Promise.resolve(offboarding.connector.offboardingExecutor(client()).execute(step as never)),
      ).resolves.toBeUndefined();
      expect(acceptedWrites()).toBe(0);
      expect(await accounts()).toEqual(before);
    },
  );

  it("reports a failed write and the steps that still ran; a rerun finishes only what is left", async () => {
    const thePlan = await planBoth();
    const [broken, ...rest] = thePlan.steps;
    env.sim.faults.once({ kind: "server-error", status: 503 }, { route: offboarding.writeRoute });

    const first = await run(thePlan, { retry: false });

    expect(first.ok).toBe(false);
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual([
      "failed",
      ...rest.map(() => "done"),
    ]);
    expect(first.outcomes[0]!.error?.name).toBe("ServerError");
    expect(keysOf(await accounts())).toContain(key(broken!.account));

    env.sim.clearRequests();
    const second = await run(thePlan);

    expect(second.ok).toBe(true);
    expect(acceptedWrites()).toBe(1);
    const left = new Set(keysOf(await accounts()));
    for (const step of thePlan.steps) expect(left.has(key(step.account))).toBe(false);
  });

  it("fails every step the vendor answers with success but does not carry out", async () => {
    const thePlan = await planBoth();
    const before = await accounts();
    onTestFinished(offboarding.keepAccounts(env.sim));

    const result = await run(thePlan);

    expect(result.ok).toBe(false);
    for (const outcome of result.outcomes) {
      expect(outcome).toMatchObject({
        status: "failed",
        error: { name: "AccountStillPresentError" },
      });
      expect(outcome.error?.message).toMatch(
        new RegExp(`^${offboarding.vendor}: .+ is still there after the step: .*success`),
      );
    }
    expect(acceptedWrites()).toBeGreaterThan(0);
    expect(await accounts()).toEqual(before);
  });

  it("never reports a step done when its write is answered 404 but the account is still there", async () => {
    const thePlan = await plan(offboarding.people[0]);
    env.sim.faults.once({ kind: "empty-body", status: 404 }, { route: offboarding.writeRoute });

    const result = await run(thePlan);

    expect(result.outcomes[0]?.status).toBe("failed");
    expect(result.ok).toBe(false);
    expect(keysOf(await accounts())).toContain(key(thePlan.steps[0]!.account));
  });

  it("keeps the credential out of every step result, even when the vendor echoes it", async () => {
    const thePlan = await planBoth();
    const secrets = env.secrets();
    const echoed = harness.errorBody(`credential ${secrets.join(" / ")} is over its limit`);
    env.sim.faults
      .once({ kind: "rate-limit", body: echoed }, { route: offboarding.writeRoute })
      .once({ kind: "server-error", status: 500 }, { route: offboarding.writeRoute })
      .once({ kind: "connection-reset" }, { route: offboarding.writeRoute });

    const result = await run(thePlan, { retry: false });

    expect(result.outcomes.filter((outcome) => outcome.status === "failed").length).toBe(
      Math.min(3, thePlan.steps.length),
    );
    expect(result.outcomes[0]?.error?.name).toBe("RateLimitError");
    expect(secretLeaks(result, secrets)).toEqual([]);
  });

  // The delay scenario needs a per-call timeout, which an executor's calls do not take.
  describe.each(
    faultScenarios(harness.faultScenarioOptions).filter((s) => s.timeoutMs === undefined),
  )("under $name on the write", (scenario) => {
    it("ends the step as the write ends: done after a retry, or failed and unchanged", async () => {
      const [step] = (await plan(offboarding.people[0])).steps;
      const before = await accounts();
      const executor = offboarding.connector.offboardingExecutor(
        client({ retry: FAULT_TEST_RETRY }),
      );

      const faulted = await runFaultScenario(
        env.sim,
        offboarding.writeRoute,
        scenario,
        scenario.idempotent,
        async () => executor.execute(step as never),
      );

      expect(faulted.problems).toEqual([]);
      if ("error" in faulted.outcome) {
        expect(secretLeaks(faulted.outcome.error, env.secrets())).toEqual([]);
        expect(await accounts()).toEqual(before);
      } else {
        expect(await accounts()).not.toEqual(before);
      }
    });
  });
});
