// The incident roles' listing, generated from the spec's x-rollcall-pagination like listAllUsers.
import { ClientValidationError } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { listAllIncidentRoles } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("both");

describe("listAllIncidentRoles", () => {
  it("yields every incident role once, in order, page by page", async () => {
    const ids: string[] = [];
    for await (const role of listAllIncidentRoles(env.client(), { pageSize: 2 })) ids.push(role.id);
    const expected = env.sim.store.incidentRoles.list().map((role) => role.id);
    expect(expected.length).toBeGreaterThan(2);
    expect(ids).toEqual(expected);
    const sizes = env.sim.requests.map((request) => request.query["page[size]"]);
    expect(new Set(sizes)).toEqual(new Set(["2"]));
  });

  it("refuses a page size above the spec's maximum before sending", () => {
    expect(() => listAllIncidentRoles(env.client(), { pageSize: 1001 })).toThrow(
      ClientValidationError,
    );
    expect(env.sim.requests).toEqual([]);
  });
});
