import { describe, expect, it } from "vitest";
import { deletionPlanner, type OffboardingStep } from "../../src/index";
import { account } from "./account-fixtures";

interface AcmeDeleteUser extends OffboardingStep {
  readonly action: "acme.deleteUser";
  readonly userId: string;
}

const planner = () =>
  deletionPlanner<AcmeDeleteUser>({
    kind: "acme.user",
    action: "acme.deleteUser",
    step: ({ source }, login) => ({
      userId: source.id,
      description: `Delete Acme user ${login ?? source.id} (id ${source.id}).`,
    }),
  });

describe("deletionPlanner", () => {
  it("plans one step per account of its kind, with the vendor's fields and the account", () => {
    const user = account("acme", "acme.user", "u-7", [["sam@example.com", "login"]]);
    expect(planner()(user, "Sam@Example.com")).toEqual([
      {
        vendor: "acme",
        action: "acme.deleteUser",
        account: { vendor: "acme", kind: "acme.user", id: "u-7" },
        userId: "u-7",
        description: "Delete Acme user Sam@Example.com (id u-7).",
      },
    ]);
    expect(planner()(user, null)[0]?.description).toBe("Delete Acme user u-7 (id u-7).");
  });

  it("leaves an account of another kind to a person", () => {
    const token = account("acme", "acme.apiToken", "t-1", [["sam@example.com", "login"]]);
    expect(planner()(token, "sam@example.com")).toEqual([
      {
        vendor: "acme",
        action: "manual.review",
        account: token.source,
        description:
          "Review acme.apiToken account t-1 by hand: Rollcall has no offboarding action for this kind of account.",
      },
    ]);
  });
});
