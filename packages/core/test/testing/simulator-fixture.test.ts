import { describe, expect, it } from "vitest";
import { type FixtureSimulator, useSimulator } from "../../src/testing/simulator-fixture";

/** A runner that keeps the registered hooks, so the test can drive the lifecycle itself. */
function manualRunner() {
  const registered: Record<
    "beforeAll" | "beforeEach" | "afterEach" | "afterAll",
    (() => unknown)[]
  > = { beforeAll: [], beforeEach: [], afterEach: [], afterAll: [] };
  return {
    runner: {
      beforeAll: (fn: () => unknown) => void registered.beforeAll.push(fn),
      beforeEach: (fn: () => unknown) => void registered.beforeEach.push(fn),
      afterEach: (fn: () => unknown) => void registered.afterEach.push(fn),
      afterAll: (fn: () => unknown) => void registered.afterAll.push(fn),
    },
    run: async (phase: keyof typeof registered) => {
      for (const fn of registered[phase]) await fn();
    },
  };
}

class FakeSimulator implements FixtureSimulator {
  readonly events: string[] = [];
  violation = false;
  readonly secret = "token_0123456789";
  reset(): void {
    this.events.push("reset");
  }
  assertNoContractViolations(): void {
    if (this.violation) throw new Error("a response broke the spec");
  }
  async close(): Promise<void> {
    this.events.push("close");
  }
}

describe("useSimulator", () => {
  it("starts before all, resets before each and closes after all", async () => {
    const { runner, run } = manualRunner();
    const fake = new FakeSimulator();
    const fixture = useSimulator(runner, async () => fake);
    expect(() => fixture.sim).toThrow(/not running/);
    await run("beforeAll");
    expect(fixture.sim).toBe(fake);
    await run("beforeEach");
    await run("afterEach");
    await run("afterAll");
    expect(fake.events).toEqual(["reset", "close"]);
    expect(() => fixture.sim).toThrow(/not running/);
  });

  it("fails a test whose responses broke the spec", async () => {
    const { runner, run } = manualRunner();
    const fake = new FakeSimulator();
    useSimulator(runner, async () => fake);
    await run("beforeAll");
    fake.violation = true;
    await expect(run("afterEach")).rejects.toThrow(/broke the spec/);
  });

  it("fails a test whose hook payloads showed a secret, and clears them before the next", async () => {
    const { runner, run } = manualRunner();
    const fake = new FakeSimulator();
    const fixture = useSimulator(runner, async () => fake, { secrets: (sim) => [sim.secret] });
    await run("beforeAll");
    await run("beforeEach");
    fixture.recorder.hooks.onError({ url: `https://x.test/?token=${fake.secret}` });
    const failure = run("afterEach");
    await expect(failure).rejects.toThrow(/hook was shown a secret: payload #0/);
    await expect(failure).rejects.not.toThrow(fake.secret);
    await run("beforeEach");
    expect(fixture.recorder.payloads).toEqual([]);
    await expect(run("afterEach")).resolves.toBeUndefined();
  });
});
