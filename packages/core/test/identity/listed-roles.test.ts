import { describe, expect, it } from "vitest";
import {
  buildAccessGraph,
  buildDirectory,
  roleAccess,
  type RoleFields,
} from "../../src/identity/index";
import { account } from "./account-fixtures";

interface Role {
  id?: string;
  attributes?: { name?: string; slug?: string };
}

const LEVELS = { owner: "owner", admin: "admin", user: "member", observer: "limited" } as const;
const BY_NAME: RoleFields<Role> = {
  vendor: "rootly",
  accountKind: "rootly.user",
  noun: "role",
  id: "attributes.name",
  name: "attributes.name",
  level: "attributes.slug",
  levels: LEVELS,
  via: "GET /v1/roles",
};
const role = (id: string, name: string, slug: string): Role => ({ id, attributes: { name, slug } });

describe("roleAccess", () => {
  it("makes each listed role an entitlement at its slug's level; a custom role is unknown", () => {
    const { entitlements, grants, issues } = roleAccess(BY_NAME, [
      role("r1", "Admin", "admin"),
      role("r2", "Observer", "OBSERVER"),
      role("r3", "Incident Lead", "incident-lead"),
    ]);
    expect(issues).toEqual([]);
    expect(grants).toEqual([]);
    expect(entitlements.map((e) => [e.kind, e.id, e.name, e.privilege])).toEqual([
      ["role", "Admin", "Admin", "admin"],
      ["role", "Observer", "Observer", "limited"],
      ["role", "Incident Lead", "Incident Lead", "unknown"],
    ]);
  });

  it("is the same entitlement as the role an account states: one grant, at the listed level", () => {
    const ann = {
      ...account("rootly", "rootly.user", "1", [["ann@example.com", "primary"]]),
      role: { level: "admin", raw: "Admin" } as const,
    };
    const listed = roleAccess(BY_NAME, [role("r1", "Admin", "admin"), role("r2", "User", "user")]);
    const graph = buildAccessGraph(buildDirectory([ann]), [listed]);
    const roles = graph.entries.filter((entry) => entry.entitlement.kind === "role");
    expect(roles.map((entry) => [entry.entitlement.id, entry.grant.privilege])).toEqual([
      ["Admin", "admin"],
    ]);
    expect(graph.entitlements.map((e) => e.id)).toEqual(["Admin", "User"]);
  });

  it("grants roles held by id to their holders, labelled, and keeps a holder of an unlisted role", () => {
    const fields: RoleFields<Role> = {
      ...BY_NAME,
      noun: "on-call role",
      id: "id",
      label: "On-Call ",
      via: "GET /v1/on_call_roles",
    };
    const { entitlements, grants } = roleAccess(
      fields,
      [role("oc1", "Admin", "admin")],
      [
        ["1", "oc1"],
        ["2", "gone"],
      ],
    );
    expect(entitlements).toEqual([
      { vendor: "rootly", kind: "role", id: "oc1", name: "On-Call Admin", privilege: "admin" },
    ]);
    expect(grants).toEqual([
      {
        account: { vendor: "rootly", kind: "rootly.user", id: "1" },
        entitlement: { vendor: "rootly", kind: "role", id: "oc1" },
        privilege: "admin",
        via: "GET /v1/on_call_roles",
      },
      {
        account: { vendor: "rootly", kind: "rootly.user", id: "2" },
        entitlement: { vendor: "rootly", kind: "role", id: "gone" },
        privilege: "unknown",
        via: "GET /v1/on_call_roles",
      },
    ]);
  });

  it("reports a role without an id instead of inventing one", () => {
    const { entitlements, issues } = roleAccess(BY_NAME, [
      { id: "r9", attributes: { slug: "admin" } },
    ]);
    expect(entitlements).toEqual([]);
    expect(issues).toEqual([
      {
        vendor: "rootly",
        kind: "rootly.role",
        reason: "the role at index 0 has no id, so who holds it is not known",
        raw: { id: "r9", attributes: { slug: "admin" } },
      },
    ]);
  });
});
