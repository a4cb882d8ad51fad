import { describe, expect, it } from "vitest";
import { Contract } from "../../src/spec/contract";
import { bundledSpec } from "../../src/vendor-specs";
import { eagleHandlers } from "../../src/vendors/eagle/eagle-simulator";
import { opsgenieHandlers } from "../../src/vendors/opsgenie/opsgenie-simulator";
import { rootlyHandlers } from "../../src/vendors/rootly/rootly-simulator";
import { uptrendsHandlers } from "../../src/vendors/uptrends/uptrends-simulator";

const vendors = [
  ["eagle", eagleHandlers],
  ["rootly", rootlyHandlers],
  ["opsgenie", opsgenieHandlers],
  ["uptrends", uptrendsHandlers],
] as const;

describe.each(vendors)("%s simulator against its spec", (vendor, handlers) => {
  const routes = new Contract(bundledSpec(vendor)).operations.map(
    (operation) => operation.routeKey,
  );

  it("handles every operation the spec declares", () => {
    expect(Object.keys(handlers).sort()).toEqual(expect.arrayContaining(routes.sort()));
  });

  it("has no handler for a route the spec does not declare", () => {
    expect(Object.keys(handlers).filter((route) => !routes.includes(route))).toEqual([]);
  });
});
