import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

/** The operationIds a spec in the repository's specs/ folder declares, sorted. */
export function specOperationIds(specFile: string): string[] {
  const text = readFileSync(new URL(`../../../../specs/${specFile}`, import.meta.url), "utf8");
  return [...text.matchAll(/^\s+operationId:\s*["']?([A-Za-z0-9_]+)/gm)].map((m) => m[1]!).sort();
}

/**
 * Registers contract tests by operationId, so `expectEveryOperationCovered` can fail when the spec
 * gains an operation nobody tested.
 */
export function contractRegistry(specFile: string) {
  const covered = new Set<string>();
  return {
    contract(operationId: string, fn: () => Promise<void>) {
      covered.add(operationId);
      it(`${operationId} round-trips through the typed client`, fn);
    },
    expectEveryOperationCovered() {
      it(`every operation in specs/${specFile} has a contract test`, () => {
        expect([...covered].sort()).toEqual(specOperationIds(specFile));
      });
    },
  };
}
