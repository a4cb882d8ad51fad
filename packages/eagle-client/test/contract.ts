import { readFileSync } from "node:fs";
import { it } from "vitest";

// Every contract test registers the operationId it exercises, so a spec operation without one fails.
const covered = new Set<string>();

/** A contract test for one spec operation. */
export function contract(operationId: string, name: string, fn: () => Promise<void>): void {
  covered.add(operationId);
  it(`${operationId}: ${name}`, fn);
}

export function coveredOperations(): string[] {
  return [...covered].sort();
}

/** The operationIds of the repository's spec for this vendor. */
export function specOperationIds(vendorId: string): string[] {
  const spec = readFileSync(new URL(`../../../specs/${vendorId}.yaml`, import.meta.url), "utf8");
  const ids = [...spec.matchAll(/^\s+operationId:\s*["']?([\w.-]+)/gm)].map((match) => match[1]!);
  return [...new Set(ids)].sort();
}
