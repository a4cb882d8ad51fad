import { type HookRecorder, recordHooks } from "./hook-recorder";

/**
 * The lifecycle functions of a test runner: vitest's or jest's as they are; for node:test pass
 * `{ beforeAll: before, afterAll: after, beforeEach, afterEach }`.
 */
export interface TestLifecycle {
  beforeAll(fn: () => unknown): void;
  beforeEach(fn: () => unknown): void;
  afterEach(fn: () => unknown): void;
  afterAll(fn: () => unknown): void;
}

/** What {@link useSimulator} needs of a simulator: every vendor simulator and `startAll` fit. */
export interface FixtureSimulator {
  reset(): void;
  assertNoContractViolations(): void;
  close(): Promise<void>;
}

export interface SimulatorFixtureOptions<S> {
  /** Secrets no hook payload may show; checked after each test (e.g. `(sim) => [sim.credentials.apiKey]`). */
  secrets?: (sim: S) => readonly string[];
}

export interface SimulatorFixture<S> {
  /** The running simulator; readable in tests and hooks, once the file's `beforeAll` has run. */
  readonly sim: S;
  /** Hooks to give a client; cleared before each test. */
  readonly recorder: HookRecorder;
}

/**
 * One simulator for a test file (or suite): started before all tests, reset to its seed before
 * each, closed after all. After each test it fails the test if a response broke the spec or a
 * recorded hook payload showed one of `options.secrets`.
 */
export function useSimulator<S extends FixtureSimulator>(
  runner: TestLifecycle,
  start: () => Promise<S>,
  options: SimulatorFixtureOptions<S> = {},
): SimulatorFixture<S> {
  let sim: S | undefined;
  const recorder = recordHooks();
  runner.beforeAll(async () => {
    sim = await start();
  });
  runner.beforeEach(() => {
    recorder.clear();
    sim?.reset();
  });
  runner.afterEach(() => {
    if (sim === undefined) return;
    const leaks = options.secrets ? recorder.leaks(options.secrets(sim)) : [];
    if (leaks.length > 0) throw new Error(`a client hook was shown a secret: ${leaks.join("; ")}`);
    sim.assertNoContractViolations();
  });
  runner.afterAll(async () => {
    await sim?.close();
    sim = undefined;
  });
  return {
    get sim(): S {
      if (sim === undefined) {
        throw new Error(
          "useSimulator: the simulator is not running; read `.sim` inside a test or hook, not at the top of the file",
        );
      }
      return sim;
    },
    recorder,
  };
}
