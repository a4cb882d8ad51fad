import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * The test config every package shares. Tests start real simulators on loopback (compiling their
 * spec validators) and turbo runs several packages at once on a 2-core CI machine, so vitest's 5 s /
 * 10 s defaults can expire without anything being wrong; a hang still fails, just later.
 */
export function packageTestConfig(): UserWorkspaceConfig {
  return defineProject({
    test: { include: ["test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 },
  });
}
