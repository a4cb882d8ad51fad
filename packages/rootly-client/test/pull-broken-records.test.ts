// pullAccounts against a server whose records break the spec in the ways a vendor's data does:
// a user without an id, an email or an On-Call role, schedules and policies without attributes, a
// rotation entry naming its user by a string. The pull finishes, and says what it could not read.
import type { RequestListener } from "node:http";
import { withLoopbackServer } from "@rollcall/core/testing";
import { describe, expect, it } from "vitest";
import { createRootlyClient, pullAccounts } from "../src/index";

const listing = (data: unknown[], included: unknown[] = []) => ({
  data,
  included,
  links: { next: null },
  meta: {},
});

const user = (id: string, attributes: object, onCallRole: string | null) => ({
  id,
  type: "users",
  attributes,
  relationships: {
    on_call_role: { data: onCallRole === null ? null : { id: onCallRole, type: "on_call_roles" } },
  },
});

const ANSWERS: Record<string, unknown> = {
  "/v1/users": listing(
    [
      user("1", { email: "ada@example.com" }, "ocr-1"),
      user("2", { email: "bo@example.com" }, null),
      user("3", { name: "No Address" }, "ocr-1"),
      { ...user("", { email: "nobody@example.com" }, "ocr-1"), id: undefined },
    ],
    [{ id: "ocr-1", type: "on_call_roles", attributes: { name: "Responder", slug: "user" } }],
  ),
  "/v1/on_call_roles": listing([
    { id: "ocr-1", type: "on_call_roles", attributes: { name: "Responder", system_role: "user" } },
  ]),
  "/v1/schedules": listing([{ id: "s-1", type: "schedules" }]),
  "/v1/schedules/s-1/schedule_rotations": listing([{ id: "r-1", attributes: {} }]),
  "/v1/schedule_rotations/r-1/schedule_rotation_users": listing([
    { id: "ru-1", attributes: { user_id: 1 } },
    { id: "ru-2", attributes: { user_id: "2" } },
  ]),
  "/v1/escalation_policies": listing([{ id: "p-1", type: "escalation_policies" }]),
};

const server: RequestListener = (request, response) => {
  const { pathname } = new URL(request.url ?? "/", "http://x");
  response.writeHead(200, { "content-type": "application/vnd.api+json" });
  response.end(JSON.stringify(ANSWERS[pathname] ?? listing([])));
};

describe("pullAccounts against records that break the spec", () => {
  const pull = () =>
    withLoopbackServer(server, (baseUrl) =>
      pullAccounts(createRootlyClient({ token: "test-token", baseUrl }), { pageSize: 5 }),
    );

  it("reports a user it cannot match as an issue of the pull, keeping the others", async () => {
    const pulled = await pull();
    expect(pulled.accounts.map((account) => account.source.id)).toEqual(["1", "2"]);
    expect(pulled.issues.map((issue) => [issue.id, issue.reason])).toEqual([
      ["3", "the user at index 2 has no attributes.email, so it cannot be matched to a person"],
      [undefined, "the user at index 3 has no id"],
    ]);
  });

  it("grants an On-Call role only to the users who hold one and have an id", async () => {
    const pulled = await pull();
    const roles = (pulled.grants ?? []).filter((grant) => grant.entitlement.kind === "role");
    expect(roles.map((grant) => [grant.account.id, grant.entitlement.id])).toEqual([
      ["1", "ocr-1"],
      ["3", "ocr-1"],
    ]);
  });

  it("reads a schedule and a policy without attributes as unnamed, with their members", async () => {
    const pulled = await pull();
    const named = (kind: string) =>
      (pulled.entitlements ?? []).filter((entitlement) => entitlement.kind === kind);
    expect(named("schedule").map((entitlement) => entitlement.id)).toEqual(["s-1"]);
    expect(named("escalation").map((entitlement) => entitlement.id)).toEqual(["p-1"]);
    const schedule = (pulled.grants ?? []).filter((grant) => grant.entitlement.kind === "schedule");
    // Each rotation entry is the membership an offboarding step removes, whatever the id's type.
    expect(schedule.map((grant) => [grant.account.id, grant.membershipId])).toEqual([
      ["1", "ru-1"],
      ["2", "ru-2"],
    ]);
  });
});
