import { describe, expect, it } from "vitest";
import { simulatedVendors } from "../../src/start-all";
import { operationCoverage, specOperations } from "../../src/spec/spec-operations";
import { bundledSpec } from "../../src/vendor-specs";

describe("specOperations", () => {
  it.each(simulatedVendors)("lists every operationId of the %s spec once, sorted", (vendor) => {
    const ids = specOperations(vendor);
    const text = JSON.stringify(bundledSpec(vendor).paths);
    const declared = [...text.matchAll(/"operationId":"([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([...new Set(declared)].sort());
    expect(ids.length).toBeGreaterThan(0);
  });

  it("knows the operations the vendor clients test", () => {
    expect(specOperations("opsgenie")).toContain("copyNotificationRules");
    expect(specOperations("uptrends")).toContain("getTimezone");
  });
});

describe("operationCoverage", () => {
  it("reports the operations nobody covered until they are", () => {
    const coverage = operationCoverage("eagle");
    const all = specOperations("eagle");
    expect(coverage.uncovered()).toEqual(all);
    for (const id of all.slice(1)) coverage.cover(id);
    expect(coverage.uncovered()).toEqual(all.slice(0, 1));
    coverage.cover(all[0]!);
    expect(coverage.uncovered()).toEqual([]);
  });

  it("refuses an operation the spec does not have", () => {
    expect(() => operationCoverage("rootly").cover("listWidgets")).toThrow(
      /the rootly spec has no operation "listWidgets"/,
    );
  });
});
