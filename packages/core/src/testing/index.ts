// @rollcall/core/testing: what a test needs to hold a Rollcall client to its promises — the
// outcome expected under each injected fault, secret-leak checks, a hook recorder and a fixture
// that runs a test server (a vendor simulator) per test file. Not part of the client runtime.
export {
  FAULT_TEST_RETRY,
  TEST_RATE_LIMIT,
  faultScenarios,
  outcomeProblems,
  runFaultScenario,
  type FaultErrorName,
  type FaultExpectation,
  type FaultRun,
  type FaultScenario,
  type FaultScenarioOptions,
  type FaultTarget,
  type InjectedFault,
} from "./fault-scenarios";
export { outcomeOf, secretLeaks, thrownBy, type CallOutcome } from "./call-outcome";
export { recordHooks, type HookRecorder, type RecordingHooks } from "./hook-recorder";
export {
  useSimulator,
  type FixtureSimulator,
  type SimulatorFixture,
  type SimulatorFixtureOptions,
  type TestLifecycle,
} from "./simulator-fixture";
export { withLoopbackServer } from "./loopback-server";
