import { describe, expect, it } from "vitest";
import { BenchUsageError, parseBenchOptions } from "../src/bench-options";
import { SECTION_IDS } from "../src/figure";

describe("parseBenchOptions", () => {
  it("runs every section by default, in table order", () => {
    expect(parseBenchOptions([])).toEqual({
      sections: [...SECTION_IDS],
      quick: false,
      json: false,
    });
  });

  it("narrows to --only sections, in either spelling, keeping table order", () => {
    const options = parseBenchOptions(["--only", "pagination,bundle", "--quick", "--json"]);
    expect(options).toEqual({ sections: ["bundle", "pagination"], quick: true, json: true });
    expect(parseBenchOptions(["--only=codegen"]).sections).toEqual(["codegen"]);
  });

  it("rejects an unknown section naming it and the valid ones", () => {
    const attempt = () => parseBenchOptions(["--only", "bundles"]);
    expect(attempt).toThrow(BenchUsageError);
    expect(attempt).toThrow(/no section named "bundles"; choose from overhead, bundle/);
  });

  it("rejects --only without a value and unknown flags", () => {
    expect(() => parseBenchOptions(["--only"])).toThrow(/--only needs a section name/);
    expect(() => parseBenchOptions(["--only", "--quick"])).toThrow(/--only needs a section name/);
    expect(() => parseBenchOptions(["--fast"])).toThrow(/unknown argument "--fast"/);
  });
});
