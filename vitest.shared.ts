import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const ROOT = fileURLToPath(new URL(".", import.meta.url));

/**
 * Set by `stryker.shared.mjs`: a mutation run switches mutants inside each package's `src/`, so
 * tests must load the workspace packages from their sources, not from the built `dist/` a normal
 * test run checks (that is what users install).
 */
export const FROM_SOURCE = process.env.ROLLCALL_TEST_FROM_SOURCE === "1";

/**
 * `@rollcall/<name>` → that package's `src/index.ts`, and `@rollcall/<name>/testing` → its
 * `src/testing/index.ts` (core's test kit), for every workspace package that has one.
 */
function workspaceSourceAliases(): { find: RegExp; replacement: string }[] {
  const packages = join(ROOT, "packages");
  return readdirSync(packages).flatMap((dir) => {
    const entry = join(packages, dir, "src", "index.ts");
    const testing = join(packages, dir, "src", "testing", "index.ts");
    const manifest = join(packages, dir, "package.json");
    if (!existsSync(entry) || !existsSync(manifest)) return [];
    const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string };
    const escaped = name.replace(/[/]/g, "\\/");
    return [
      { find: new RegExp(`^${escaped}$`), replacement: entry },
      ...(existsSync(testing)
        ? [{ find: new RegExp(`^${escaped}/testing$`), replacement: testing }]
        : []),
    ];
  });
}

/**
 * The test config every package shares. Tests start real simulators on loopback (compiling their
 * spec validators) and turbo runs several packages at once on a 2-core CI machine, so vitest's 5 s /
 * 10 s defaults can expire without anything being wrong; a hang still fails, just later.
 *
 * `withConformance` (core and the vendor clients) adds the cross-vendor suite in
 * `tools/conformance` to a mutation run only: it holds promises whose code lives in this package.
 * `tests` narrows the package's own test files, for a mutation run of code only they reach.
 */
export function packageTestConfig({
  withConformance = false,
  tests = ["test/**/*.test.ts"],
}: { withConformance?: boolean; tests?: string[] } = {}): UserWorkspaceConfig {
  const include = [...tests];
  if (FROM_SOURCE && withConformance)
    include.push(join(ROOT, "tools/conformance/test/**/*.test.ts"));
  return defineProject({
    resolve: FROM_SOURCE ? { alias: workspaceSourceAliases() } : {},
    // A mutation run reruns the test files for every mutant: one shared module graph compiles the
    // simulators' spec validators once, not once per file per mutant.
    test: { include, testTimeout: 30_000, hookTimeout: 30_000, isolate: !FROM_SOURCE },
  });
}
