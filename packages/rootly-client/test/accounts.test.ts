import { demoOrganisation } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { USER_KIND, pullAccounts, toAccounts, type PullProgress, type User } from "../src/index";
import { useRootlySimulator } from "./support/simulator";

const env = useRootlySimulator("demo");

// The two users of the spec's `GET /v1/users` example (specs/rootly.yaml, listUsers firstPage).
const specUsers = [
  {
    id: "315",
    type: "users",
    attributes: {
      name: "Merlene Hoppe",
      email: "delbert@douglas-raynor.test",
      first_name: "Merlene",
      last_name: "Hoppe",
      phone: null,
      phone_2: null,
      full_name: "Merlene Hoppe",
      full_name_with_team: "[Goyette Group] Merlene Hoppe",
      slack_id: null,
      time_zone: "Eastern Time (US & Canada)",
      created_at: "2025-03-20T17:52:07.490-07:00",
      updated_at: "2025-03-20T17:52:30.852-07:00",
    },
  },
  {
    id: "317",
    type: "users",
    attributes: {
      name: "Mario Casper",
      email: "emmett.daugherty@wehner-turner.test",
      first_name: "Mario",
      last_name: "Casper",
      phone: "+14155550123",
      phone_2: null,
      full_name: "Mario Casper",
      full_name_with_team: "[Goyette Group] Mario Casper",
      slack_id: "U024BE7LH",
      time_zone: "America/Los_Angeles",
      created_at: "2025-03-20T17:52:08.420-07:00",
      updated_at: "2025-03-20T17:52:08.905-07:00",
    },
  },
];

// The spec's `GET /v1/users?include=role,on_call_role` example (specs/rootly.yaml, listUsers
// withRoles): user 317 as above but with null team name and time zone, and its account role and
// on-call role in `included`.
const withRoles = {
  data: [
    {
      ...specUsers[1]!,
      attributes: {
        ...specUsers[1]!.attributes,
        phone: null,
        slack_id: null,
        full_name_with_team: null,
        time_zone: null,
      },
      relationships: {
        role: { data: { id: "0b7c2f4e-5a61-4c0d-9e3b-2f8a1d6c4b70", type: "roles" } },
        on_call_role: {
          data: { id: "5d2e8a90-3c4b-4f6e-a1d7-9b0c8e2f3a64", type: "on_call_roles" },
        },
      },
    },
  ],
  included: [
    {
      id: "0b7c2f4e-5a61-4c0d-9e3b-2f8a1d6c4b70",
      type: "roles",
      attributes: { name: "Admin", slug: "admin", is_deletable: false, is_editable: false },
    },
    {
      id: "5d2e8a90-3c4b-4f6e-a1d7-9b0c8e2f3a64",
      type: "on_call_roles",
      attributes: { name: "Admin", slug: "admin", system_role: "admin" },
    },
  ],
};

describe("toAccounts", () => {
  it("normalises the spec's example users", () => {
    const { accounts, issues } = toAccounts(specUsers);
    expect(issues).toEqual([]);
    const [merlene, mario] = accounts;
    expect(merlene!.source).toEqual({ vendor: "rootly", kind: "rootly.user", id: "315" });
    expect(merlene!.emails).toEqual([
      {
        value: "delbert@douglas-raynor.test",
        normalized: "delbert@douglas-raynor.test",
        kind: "primary",
      },
    ]);
    expect(merlene!.names).toMatchObject({
      display: "Merlene Hoppe",
      given: "Merlene",
      family: "Hoppe",
    });
    // A Rails-style name is mapped; an IANA id is exact.
    expect(merlene!.timezone).toMatchObject({ iana: "America/New_York", precision: "mapped" });
    expect(mario!.timezone).toMatchObject({ iana: "America/Los_Angeles", precision: "exact" });
    expect(merlene!.createdAt).toEqual({
      iso: "2025-03-21T00:52:07.490Z",
      zone: "utc",
      raw: "2025-03-20T17:52:07.490-07:00",
    });
    expect(mario!.phones).toEqual([{ raw: "+14155550123", e164: "+14155550123" }]);
    expect(mario!.extras).toMatchObject({ slackId: "U024BE7LH" });
    // Rootly has neither a disabled state nor a locale; without included roles, no role is known.
    expect(merlene!.status).toBe("unknown");
    expect(merlene!.role).toEqual({ level: "unknown", raw: null });
    expect(merlene!.locale.tag).toBeNull();
    expect(merlene!.provenance).toMatchObject({
      "emails[0]": "attributes.email",
      timezone: "attributes.time_zone",
      createdAt: "attributes.created_at",
    });
    expect(merlene!.raw).toBe(specUsers[0]);
  });

  it("reads the account and on-call roles from the included resources", () => {
    const { accounts, issues } = toAccounts(withRoles.data, withRoles.included);
    expect(issues).toEqual([]);
    const [mario] = accounts;
    expect(mario!.role).toEqual({ level: "admin", raw: "Admin" });
    expect(mario!.extras).toMatchObject({ onCallRole: "Admin" });
    expect(mario!.provenance).toMatchObject({
      role: "relationships.role",
      "extras.onCallRole": "relationships.on_call_role",
    });
    // Rootly's user schema allows null names and time zones.
    expect(mario!.timezone.precision).toBe("unknown");
    expect(mario!.names.display).toBe("Mario Casper");
  });

  it("maps Rootly's built-in roles to levels and keeps custom role names", () => {
    const user = (id: string, roleId: string) => ({
      id,
      type: "users",
      attributes: { email: `${id}@example.com`, created_at: "2025-01-01T00:00:00Z" },
      relationships: { role: { data: { id: roleId, type: "roles" } } },
    });
    const role = (id: string, name: string, slug: string) => ({
      id,
      type: "roles",
      attributes: { name, slug },
    });
    const included = [
      role("r1", "Owner", "owner"),
      role("r2", "User", "user"),
      role("r3", "Observer", "observer"),
      role("r4", "No Access", "no_access"),
      role("r5", "Incident Lead", "incident-lead"),
      // Not a role resource's shape: ignored rather than thrown on.
      null,
      { id: "r6", type: "roles" },
    ];
    const ids = ["r1", "r2", "r3", "r4", "r5", "r6", "missing"];
    const { accounts } = toAccounts(
      ids.map((roleId, index) => user(String(index), roleId)),
      included,
    );
    expect(accounts.map((account) => account.role)).toEqual([
      { level: "owner", raw: "Owner" },
      { level: "member", raw: "User" },
      { level: "limited", raw: "Observer" },
      { level: "limited", raw: "No Access" },
      { level: "unknown", raw: "Incident Lead" },
      { level: "unknown", raw: null },
      { level: "unknown", raw: null },
    ]);
    // An on-call role the response did not include is not guessed at.
    expect(accounts.every((account) => !("onCallRole" in account.extras))).toBe(true);
  });

  it("records where each field came from", () => {
    const [merlene, mario] = toAccounts(specUsers).accounts;
    expect(merlene!.provenance).toEqual({
      "emails[0]": "attributes.email",
      "names.display": "attributes.full_name",
      "names.given": "attributes.first_name",
      "names.family": "attributes.last_name",
      timezone: "attributes.time_zone",
      createdAt: "attributes.created_at",
      "extras.fullNameWithTeam": "attributes.full_name_with_team",
    });
    expect(mario!.provenance).toMatchObject({ "phones[0]": "attributes.phone" });
    expect(merlene!.extras).toEqual({ fullNameWithTeam: "[Goyette Group] Merlene Hoppe" });
    expect(mario!.extras).toEqual({
      slackId: "U024BE7LH",
      fullNameWithTeam: "[Goyette Group] Mario Casper",
    });
  });

  it("numbers the phones it found, and falls back to `name` without a full name", () => {
    const [account] = toAccounts({
      id: "7",
      type: "users",
      attributes: {
        email: "second@example.com",
        name: "Only Name",
        full_name: " ",
        phone: "",
        phone_2: "+14155550199",
      },
    }).accounts;
    expect(account!.phones).toEqual([{ raw: "+14155550199", e164: "+14155550199" }]);
    expect(account!.names).toMatchObject({ display: "Only Name", derived: ["given", "family"] });
    expect(account!.provenance).toMatchObject({
      "phones[0]": "attributes.phone_2",
      "names.display": "attributes.name",
      "names.given": "attributes.name",
    });
    expect(account!.provenance["phones[1]"]).toBeUndefined();
    const [both] = toAccounts({
      id: "8",
      type: "users",
      attributes: { email: "both@example.com", phone: "+14155550123", phone_2: "+14155550199" },
    }).accounts;
    expect(both!.phones.map((entry) => entry.raw)).toEqual(["+14155550123", "+14155550199"]);
    expect(both!.provenance).toMatchObject({
      "phones[0]": "attributes.phone",
      "phones[1]": "attributes.phone_2",
    });
  });

  it("names a role by its slug when it has no name, and levels it by its name when it has no slug", () => {
    const user = (id: string, role: unknown, onCall?: unknown) => ({
      id,
      type: "users",
      attributes: { email: `${id}@example.com` },
      relationships: { role, ...(onCall === undefined ? {} : { on_call_role: onCall }) },
    });
    const ref = (id: string, type = "roles") => ({ data: { id, type } });
    const included = [
      { id: "slug-only", type: "roles", attributes: { name: null, slug: "admin" } },
      { id: "name-only", type: "roles", attributes: { name: "owner", slug: "" } },
      { id: "empty", type: "roles", attributes: { name: null, slug: null } },
      { id: "oc", type: "on_call_roles", attributes: { slug: "responder" } },
      // The same id under another type is another resource.
      { id: "slug-only", type: "teams", attributes: { name: "Team", slug: "owner" } },
      { id: 5, type: "roles", attributes: { name: "Numbered", slug: "owner" } },
    ];
    const { accounts } = toAccounts(
      [
        user("a", ref("slug-only"), ref("oc", "on_call_roles")),
        user("b", ref("name-only")),
        user("c", ref("empty")),
        user("d", ref("slug-only", "teams")),
        user("e", { data: { id: "slug-only" } }),
        user("f", { data: null }),
        user("g", ref("5")),
      ],
      included,
    );
    expect(accounts.map((account) => account.role)).toEqual([
      { level: "admin", raw: "admin" },
      { level: "owner", raw: "owner" },
      { level: "unknown", raw: null },
      { level: "owner", raw: "Team" },
      { level: "unknown", raw: null },
      { level: "unknown", raw: null },
      { level: "unknown", raw: null },
    ]);
    expect(accounts[0]!.extras).toEqual({ onCallRole: "responder" });
    expect(accounts[0]!.provenance).toMatchObject({
      role: "relationships.role",
      "extras.onCallRole": "relationships.on_call_role",
    });
    expect(accounts[2]!.provenance.role).toBeUndefined();
    expect(accounts[2]!.extras).toEqual({});
  });

  it("takes a role only from an included resource with a type and id, never from a typeless one", () => {
    // A relationship without a type must not meet a resource without one.
    const { accounts } = toAccounts(
      {
        id: "10",
        type: "users",
        attributes: { email: "typeless@example.com" },
        relationships: { role: { data: { id: "r1" } }, on_call_role: { data: { id: "oc1" } } },
      },
      [
        { id: "r1", type: null, attributes: { name: "Owner", slug: "owner" } },
        { id: "oc1", attributes: { name: "Responder", slug: "responder" } },
      ],
    );
    expect(accounts[0]!.role).toEqual({ level: "unknown", raw: null });
    expect(accounts[0]!.extras).toEqual({});
  });

  it("accepts a single record", () => {
    expect(toAccounts(specUsers[1]).accounts.map((a) => a.source.id)).toEqual(["317"]);
  });

  it("reports broken records as issues instead of throwing", () => {
    const broken = [
      null,
      "315",
      { type: "users", attributes: { email: "a@example.com" } },
      { id: "1", type: "users" },
      { id: "2", type: "users", attributes: { email: null, full_name: "No Mail" } },
      specUsers[0],
      specUsers[0],
    ];
    const { accounts, issues } = toAccounts(broken);
    expect(accounts.map((a) => a.source.id)).toEqual(["315"]);
    expect(issues.map((issue) => [issue.id, issue.reason])).toEqual([
      [undefined, "the user at index 0 is not an object"],
      [undefined, "the user at index 1 is not an object"],
      [undefined, "the user at index 2 has no id"],
      ["1", "the user at index 3 has no attributes.email, so it cannot be matched to a person"],
      ["2", "the user at index 4 has no attributes.email, so it cannot be matched to a person"],
      ["315", "the user at index 6 repeats the id of an earlier one"],
    ]);
    expect(issues.every((issue) => issue.vendor === "rootly" && issue.kind === "rootly.user")).toBe(
      true,
    );
  });

  it("keeps null optional fields as unknown values", () => {
    const [account] = toAccounts({
      id: "9",
      type: "users",
      attributes: { email: "x@example.com", full_name: null, time_zone: null, created_at: null },
    }).accounts;
    expect(account!.timezone.precision).toBe("unknown");
    expect(account!.createdAt).toBeNull();
    expect(account!.names.display).toBeNull();
  });
});

describe("pullAccounts", () => {
  it("pulls every user of the demo organisation, reporting each page", async () => {
    const progress: PullProgress<User>[] = [];
    const result = await pullAccounts(env.client(), {
      pageSize: 4,
      onPage: (page) => progress.push(page),
    });
    const expected = demoOrganisation.people.flatMap((p) => (p.rootly ? [p.rootly.email] : []));
    expect(result.issues).toEqual([]);
    expect(result.accounts.map((a) => a.emails[0]!.value).sort()).toEqual(expected.sort());
    expect(progress.map((p) => p.page)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.flatMap((p) => p.items)).toHaveLength(expected.length);
    expect(progress.every((p) => p.vendor === "rootly" && p.items.length <= 4)).toBe(true);
    // Rails-style demo zones ("Dublin", "Prague") are mapped, none left unknown.
    expect(result.accounts.filter((a) => a.timezone.precision === "unknown")).toEqual([]);
  });

  it("carries every demo user's account role and on-call role, as the simulator stores them", async () => {
    const { accounts } = await pullAccounts(env.client(), { pageSize: 5 });
    const roleNames = new Map(env.sim.store.roles.list().map((role) => [role.id, role.name]));
    const onCallNames = new Map(
      env.sim.store.onCallRoles.list().map((role) => [role.id, role.name]),
    );
    const expected = env.sim.store.users
      .list()
      .map((user) => [
        user.email,
        roleNames.get(user.role_id!),
        onCallNames.get(user.on_call_role_id!),
      ]);
    expect(
      accounts.map((account) => [
        account.emails[0]!.value,
        account.role.raw,
        account.extras.onCallRole,
      ]),
    ).toEqual(expected);
    const roleOf = (key: string) => {
      const email = demoOrganisation.people.find((person) => person.key === key)!.rootly!.email;
      return accounts.find((account) => account.emails[0]!.value === email)!.role;
    };
    expect(roleOf("ava-chen")).toEqual({ level: "owner", raw: "Owner" });
    expect(roleOf("ben-okafor")).toEqual({ level: "admin", raw: "Admin" });
    expect(roleOf("marcus-lee")).toEqual({ level: "limited", raw: "Observer" });
    expect(roleOf("henry-novak")).toEqual({ level: "member", raw: "User" });
    // Every page of users asked for the roles.
    const userPages = env.sim.requests.filter((request) => request.path === "/v1/users");
    expect(userPages.length).toBeGreaterThan(1);
    expect(userPages.map((request) => request.query.include)).toEqual(
      userPages.map(() => "role,on_call_role"),
    );
  });

  it("fails the pull when the teams cannot be read, rather than report nobody in a team", async () => {
    env.sim.faults.once({ kind: "server-error", status: 500 }, { route: "GET /v1/teams" });
    const client = env.client({ retry: false });
    await expect(pullAccounts(client)).rejects.toMatchObject({ name: "ServerError", status: 500 });
  });

  it("reads every team as an entitlement, and its members and admins as grants", async () => {
    const pulled = await pullAccounts(env.client(), { pageSize: 1 });
    expect(pulled.issues).toEqual([]);
    const entitlements = pulled.entitlements?.filter((entitlement) => entitlement.kind === "team");
    const grants = pulled.grants?.filter((grant) => grant.entitlement.kind === "team");
    const teams = env.sim.store.teams.list();
    expect(teams.length).toBeGreaterThan(1);
    expect(entitlements).toEqual(
      teams.map((team) => ({
        vendor: "rootly",
        kind: "team",
        id: team.id,
        name: team.name,
        privilege: "admin",
      })),
    );
    const expected = teams.flatMap((team) =>
      (team.user_ids ?? []).map((userId) => [
        team.id,
        String(userId),
        team.admin_ids?.includes(userId) ? "admin" : "member",
      ]),
    );
    expect(
      grants?.map((grant) => [grant.entitlement.id, grant.account.id, grant.privilege]),
    ).toEqual(expected);
    expect(
      grants?.every((grant) => grant.account.kind === USER_KIND && grant.via === "GET /v1/teams"),
    ).toBe(true);
    // The teams were paged too, one per page.
    expect(env.sim.requestCount("GET /v1/teams")).toBeGreaterThanOrEqual(teams.length);
  });
});
