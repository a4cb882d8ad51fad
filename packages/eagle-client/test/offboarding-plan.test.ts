import { buildDirectory, defineAccount, email, planOffboarding } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { ACCOUNT_KINDS, offboardingPlanner } from "../src/index";

const plan = (groups: { id: string | null; name: string | null }[], administrator = false) => {
  const address = "jane@example.com";
  const member = (kind: string, withGroups: typeof groups) =>
    defineAccount({
      source: { vendor: "eagle", kind, id: address },
      raw: {},
      emails: [email(address, "login")],
      groups: withGroups,
    });
  const accounts = [member(ACCOUNT_KINDS.groupMember, groups)];
  if (administrator) accounts.unshift(member(ACCOUNT_KINDS.administrator, []));
  return planOffboarding(buildDirectory(accounts), address, { eagle: offboardingPlanner }).steps;
};

describe("eagle offboardingPlanner", () => {
  it("removes an administrator from the list and a member from each group, one step per group", () => {
    const steps = plan(
      [
        { id: "61bac74a84cac62fcbfe2c3c", name: "Engineering team" },
        { id: "61bac74a84cac62fcbfe2c3d", name: null },
      ],
      true,
    );
    expect(steps).toEqual([
      expect.objectContaining({
        vendor: "eagle",
        action: "eagle.removeAdministrator",
        email: "jane@example.com",
        description:
          "Remove jane@example.com from the eagle.io administrators (other administrators stay).",
      }),
      expect.objectContaining({
        action: "eagle.removeGroupMember",
        groupId: "61bac74a84cac62fcbfe2c3c",
        groupName: "Engineering team",
        email: "jane@example.com",
        description:
          "Remove jane@example.com from eagle.io group Engineering team (61bac74a84cac62fcbfe2c3c); " +
          "the group and all other groups stay.",
      }),
      expect.objectContaining({
        action: "eagle.removeGroupMember",
        groupId: "61bac74a84cac62fcbfe2c3d",
        groupName: null,
        description:
          "Remove jane@example.com from eagle.io group 61bac74a84cac62fcbfe2c3d (61bac74a84cac62fcbfe2c3d); " +
          "the group and all other groups stay.",
      }),
    ]);
  });

  it("sends a member without a group id to manual review, never a guessed group", () => {
    expect(
      plan([
        { id: null, name: "Ops" },
        { id: "", name: "Blank" },
      ]),
    ).toEqual([
      expect.objectContaining({
        action: "manual.review",
        vendor: "eagle",
        description:
          "Review eagle.groupMember account jane@example.com by hand: it names no eagle.io group id.",
      }),
    ]);
  });

  it("sends an account kind it has no action for to manual review", () => {
    const other = defineAccount({
      source: { vendor: "eagle", kind: "eagle.apiKey", id: "k-1" },
      raw: {},
      emails: [email("jane@example.com", "login")],
    });
    expect(offboardingPlanner(other, "jane@example.com")).toEqual([
      expect.objectContaining({
        action: "manual.review",
        account: other.source,
        description:
          "Review eagle.apiKey account k-1 by hand: Rollcall has no offboarding action for this kind of account.",
      }),
    ]);
  });
});
