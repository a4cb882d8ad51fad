// Every fault the simulators inject, on every operation the access graph reads and offboarding
// writes (test/faults.test.ts covers each vendor's account API): a GET, PUT or DELETE is retried
// when the fault is transient, a PATCH is never sent twice, the rest is typed, and the credential
// is in no error and no hook payload.
import {
  FAULT_TEST_RETRY,
  faultScenarios,
  runFaultScenario,
  secretLeaks,
} from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import { ACCESS_CALLS } from "./support/access-calls";
import { useVendorSimulator } from "./support/simulator-fixture";
import { VENDORS } from "./support/vendors";

const withAccessCalls = VENDORS.flatMap((harness) => {
  const calls = ACCESS_CALLS[harness.vendor];
  return calls === undefined ? [] : [{ ...harness, calls }];
});

describe.each(withAccessCalls)("$vendor", (harness) => {
  const env = useVendorSimulator(harness, { seed: "demo" });

  describe.each(faultScenarios(harness.faultScenarioOptions))("under $name", (scenario) => {
    it.each(harness.calls.map((call) => [call.route, call] as const))("%s", async (route, row) => {
      const client = env.client({ retry: FAULT_TEST_RETRY, hooks: env.recorder.hooks });
      const idempotent = !/^(POST|PATCH) /.test(route);
      const run = await runFaultScenario(
        env.sim,
        route,
        scenario,
        idempotent ? scenario.idempotent : scenario.nonIdempotent,
        (options) => row.call(client, options, env.sim as never),
      );
      expect(run.problems).toEqual([]);
      if (!("data" in run.outcome))
        expect(secretLeaks(run.outcome.error, env.secrets())).toEqual([]);
    });
  });
});
