import { describe, expect, it } from "vitest";
import { CodegenError } from "../src/codegen-error";
import { parseRegistry } from "../src/registry";

const good = {
  id: "acme",
  title: "Acme",
  spec: "specs/acme.yaml",
  package: "@fixture/acme-client",
  directory: "packages/acme-client",
  defaultBaseUrl: "https://api.acme.test",
};

describe("parseRegistry", () => {
  it("returns typed vendors for a valid registry", () => {
    expect(parseRegistry({ vendors: [good] }).vendors).toEqual([good]);
  });

  it.each([
    [{ vendors: [] }, '"vendors" must be a non-empty array'],
    [{ vendors: [{ ...good, title: 3 }] }, "vendors[0].title must be a non-empty string"],
    [{ vendors: [{ ...good, id: "Acme!" }] }, 'vendors[0].id "Acme!"'],
    [{ vendors: [{ ...good, id: "simulators" }] }, "reserved for the simulators target"],
    [{ vendors: [{ ...good, spec: "../acme.yaml" }] }, 'vendors[0].spec "../acme.yaml"'],
    [{ vendors: [{ ...good, defaultBaseUrl: "http://x.test/" }] }, "vendors[0].defaultBaseUrl"],
    [
      { vendors: [good, { ...good, title: "Other" }] },
      'vendors[1].id "acme" is used by another vendor',
    ],
  ])("rejects %j naming the field", (raw, message) => {
    expect(() => parseRegistry(raw)).toThrow(CodegenError);
    expect(() => parseRegistry(raw)).toThrow(message);
  });
});
