import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { demoOrganisation } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { createEagleClient, pullAccounts, toAccounts, type PullProgress } from "../src/index";
import { useEagleSimulator } from "./support/simulator";

// The `fullOwner` response example of GET /api/v1/owners/account in specs/eagle.yaml.
const FULL_OWNER = {
  _class: "io.eagle.models.owner.Owner",
  _id: "5424fbe96c4728a166f0d725",
  accountName: "Environment Inc",
  accountType: "STANDARD",
  administrators: [
    {
      user: "rlewis@company.com",
      name: { first: "Rod", last: "Lewis" },
      lastLoginTime: "2021-12-16T03:17:35.170Z",
    },
  ],
  createdTime: "2022-01-26T05:38:49.167Z",
  groups: [
    {
      _id: "61bac74a84cac62fcbfe2c3c",
      name: "Engineering team",
      users: [
        {
          user: "jsmith@company.com",
          name: { first: "Jane", last: "Smith" },
          lastLoginTime: "2022-01-04T11:30:22.310Z",
        },
      ],
    },
  ],
  slug: "mypers42",
};

describe("toAccounts", () => {
  it("maps the document's owner to an administrator and a group member", () => {
    const { accounts, issues } = toAccounts(FULL_OWNER);
    expect(issues).toEqual([]);
    const [admin, member] = accounts;
    expect(admin!.source).toEqual({
      vendor: "eagle",
      kind: "eagle.administrator",
      id: "rlewis@company.com",
    });
    expect(admin!.emails).toEqual([
      { value: "rlewis@company.com", normalized: "rlewis@company.com", kind: "login" },
    ]);
    expect(admin!.names).toMatchObject({ display: "Rod Lewis", given: "Rod", family: "Lewis" });
    expect(admin!.role.level).toBe("admin");
    expect(admin!.lastLoginAt).toEqual({
      iso: "2021-12-16T03:17:35.170Z",
      zone: "utc",
      raw: "2021-12-16T03:17:35.170Z",
    });
    expect(admin!.status).toBe("active");
    expect(admin!.provenance["emails[0]"]).toBe("user");
    expect(member!.source.kind).toBe("eagle.groupMember");
    expect(member!.role.level).toBe("member");
    expect(member!.groups).toEqual([{ id: "61bac74a84cac62fcbfe2c3c", name: "Engineering team" }]);
  });

  it("gives one member account per user with all their groups, keyed by the lower-cased address", () => {
    const { accounts } = toAccounts({
      groups: [
        { _id: "a".repeat(24), name: "A", users: [{ user: "Mixed.Case@Company.com" }] },
        { _id: "b".repeat(24), name: "B", users: [{ user: "mixed.case@company.com" }] },
      ],
    });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.source.id).toBe("mixed.case@company.com");
    expect(accounts[0]!.groups.map((group) => group.name)).toEqual(["A", "B"]);
  });

  it("marks a profile waiting for activation as unverified", () => {
    const { accounts } = toAccounts({
      administrators: [{ user: "new@company.com", profileActivateUrl: "https://app.eagle.io/x" }],
    });
    expect(accounts[0]!.status).toBe("unverified");
  });

  it("reads a never-signed-in user (empty lastLoginTime, null activation URL) as unknown", () => {
    // eagle.io sends "" for a user who never signed in, and null wherever it means absent.
    const { accounts, issues } = toAccounts({
      _class: null,
      accountName: null,
      administrators: [{ user: "never@company.com", lastLoginTime: "", profileActivateUrl: null }],
      groups: [{ _id: "c".repeat(24), name: null, users: null }],
    });
    expect(issues).toEqual([]);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.lastLoginAt).toBeNull();
    expect(accounts[0]!.status).toBe("unknown");
    expect(accounts[0]!.provenance.lastLoginAt).toBeUndefined();
  });

  it("reports broken records as issues instead of throwing", () => {
    expect(toAccounts(null).issues).toHaveLength(1);
    const { accounts, issues } = toAccounts({
      administrators: [
        null,
        { user: null },
        { user: "ok@company.com", name: null, lastLoginTime: null },
      ],
      groups: [null, { name: "No id", users: [{ user: "member@company.com" }, {}] }],
    });
    expect(accounts.map((account) => account.source.id)).toEqual([
      "ok@company.com",
      "member@company.com",
    ]);
    expect(accounts[0]!.names.display).toBeNull();
    expect(accounts[0]!.lastLoginAt).toBeNull();
    expect(accounts[1]!.groups).toEqual([{ id: null, name: "No id" }]);
    expect(issues.map((issue) => issue.reason)).toEqual([
      "administrators[0] is not an object",
      "administrators[1] has no user",
      "groups[0] is not an object",
      "groups[1] has no _id; its members cannot be offboarded automatically",
      "groups[1].users[1] has no user",
    ]);
  });
  it("records where each field came from, and nothing it did not find", () => {
    const [admin, member] = toAccounts(FULL_OWNER).accounts;
    expect(admin!.provenance).toEqual({
      "emails[0]": "user",
      role: "administrators",
      "names.display": "name.first + name.last",
      "names.given": "name.first",
      "names.family": "name.last",
      lastLoginAt: "lastLoginTime",
      status: "profileActivateUrl/lastLoginTime",
    });
    expect(admin!.role).toEqual({ level: "admin", raw: "administrator" });
    expect(member!.provenance).toEqual({
      "emails[0]": "user",
      role: "groups[].users",
      "names.display": "name.first + name.last",
      "names.given": "name.first",
      "names.family": "name.last",
      lastLoginAt: "lastLoginTime",
      status: "profileActivateUrl/lastLoginTime",
      groups: "groups[]._id/name",
    });
    expect(member!.role).toEqual({ level: "member", raw: "group member" });

    const [bare] = toAccounts({ administrators: [{ user: "bare@company.com" }] }).accounts;
    expect(bare!.provenance).toEqual({ "emails[0]": "user", role: "administrators" });
    expect(bare!.groups).toEqual([]);
  });

  it("reads a name given in part, and ignores name parts that are not text", () => {
    const { accounts } = toAccounts({
      administrators: [
        { user: "first@company.com", name: { first: "Rod" } },
        { user: "last@company.com", name: { last: "Lewis" } },
        { user: "odd@company.com", name: { first: 7, last: ["Lewis"] } },
      ],
    });
    expect(accounts.map((account) => [account.names.given, account.names.family])).toEqual([
      ["Rod", null],
      [null, "Lewis"],
      [null, null],
    ]);
    const names = accounts.map(({ provenance }) =>
      Object.entries(provenance).filter(([field]) => field.startsWith("names.")),
    );
    expect(names).toEqual([
      [
        ["names.display", "name.first"],
        ["names.given", "name.first"],
      ],
      [
        ["names.display", "name.last"],
        ["names.family", "name.last"],
      ],
      [],
    ]);
  });

  it("keeps a signed-in profile that still has an activation link unverified", () => {
    const [account] = toAccounts({
      administrators: [
        {
          user: "half@company.com",
          lastLoginTime: "2022-01-04T11:30:22.310Z",
          profileActivateUrl: "https://app.eagle.io/auth/setupprofile/x",
        },
      ],
    }).accounts;
    expect(account!.status).toBe("unverified");
    expect(account!.lastLoginAt?.iso).toBe("2022-01-04T11:30:22.310Z");
  });

  it("names the record, the kind and the account of every issue", () => {
    const repeated = { user: "Dup@Company.com" };
    const blank = { user: "  " };
    const noId = { _id: "", name: 7, users: [{ user: "member@company.com" }, 5] };
    const { accounts, issues } = toAccounts({
      administrators: [{ user: "dup@company.com" }, repeated, blank],
      groups: ["Engineering", noId],
    });
    expect(issues).toStrictEqual([
      {
        vendor: "eagle",
        kind: "eagle.administrator",
        id: "dup@company.com",
        reason: "administrators[1] repeats the user of an earlier one",
        raw: repeated,
      },
      {
        vendor: "eagle",
        kind: "eagle.administrator",
        reason: "administrators[2] has no user",
        raw: blank,
      },
      {
        vendor: "eagle",
        kind: "eagle.groupMember",
        reason: "groups[0] is not an object",
        raw: "Engineering",
      },
      {
        vendor: "eagle",
        kind: "eagle.groupMember",
        reason: "groups[1] has no _id; its members cannot be offboarded automatically",
        raw: noId,
      },
      {
        vendor: "eagle",
        kind: "eagle.groupMember",
        reason: "groups[1].users[1] is not an object",
        raw: 5,
      },
    ]);
    // The member of a group without an id is still an account, in a group nobody can name.
    expect(accounts.map((account) => [account.source.id, account.groups])).toEqual([
      ["dup@company.com", []],
      ["member@company.com", [{ id: null, name: null }]],
    ]);
  });

  it.each([
    ["a list", []],
    ["text", "owner"],
    ["null", null],
  ])("reports an owner record that is %s as one issue", (_label, owner) => {
    expect(toAccounts(owner)).toStrictEqual({
      accounts: [],
      issues: [
        {
          vendor: "eagle",
          kind: "eagle.administrator",
          reason: "the owner record is not an object",
          raw: owner,
        },
      ],
    });
  });
});

describe("pullAccounts", () => {
  const env = useEagleSimulator("demo");

  it("pulls every administrator and group member of the demo organisation", async () => {
    const client = env.client();
    const progress: PullProgress<unknown>[] = [];
    const { accounts, issues } = await pullAccounts(client, {
      onPage: (page) => progress.push(page),
    });

    const people = demoOrganisation.people.filter((person) => person.eagle !== undefined);
    const admins = people.filter((person) => person.eagle!.role === "administrator");
    const members = people.filter((person) => person.eagle!.groups.length > 0);
    expect(issues).toEqual([]);
    const ids = (kind: string) =>
      accounts
        .filter((account) => account.source.kind === kind)
        .map((account) => account.source.id)
        .sort();
    expect(ids("eagle.administrator")).toEqual(
      admins.map((person) => person.eagle!.email.toLowerCase()).sort(),
    );
    expect(ids("eagle.groupMember")).toEqual(
      members.map((person) => person.eagle!.email.toLowerCase()).sort(),
    );
    expect(progress.map(({ vendor, page }) => ({ vendor, page }))).toEqual([
      { vendor: "eagle", page: 1 },
    ]);
    expect(progress[0]!.items.length).toBe(
      admins.length + members.reduce((n, p) => n + p.eagle!.groups.length, 0),
    );
    expect(env.sim.requests[0]!.query.attr).toBe("administrators,groups");
  });
});

describe("pullAccounts against an owner with missing lists", () => {
  // eagle.io leaves out an attribute the key may not read, and a group may come without `users`:
  // progress then reports the entries that were there, and nothing else.
  async function pullFrom(owner: unknown) {
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(owner));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createEagleClient({ apiKey: "test-key", baseUrl: `http://127.0.0.1:${port}` });
      const progress: PullProgress<unknown>[] = [];
      const result = await pullAccounts(client, { onPage: (page) => progress.push(page) });
      return { ...result, items: progress.map((page) => page.items) };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("reports only the group members when the answer has no administrators", async () => {
    const member = { user: "member@company.com" };
    const { accounts, items } = await pullFrom({
      groups: [
        { _id: "a".repeat(24), name: "No users yet" },
        { _id: "b".repeat(24), name: "Field team", users: [member] },
      ],
    });
    expect(items).toEqual([[member]]);
    expect(accounts.map((account) => account.source.id)).toEqual(["member@company.com"]);
  });

  it("reports only the administrators when the answer has no groups", async () => {
    const admin = { user: "admin@company.com" };
    const { accounts, items } = await pullFrom({ administrators: [admin] });
    expect(items).toEqual([[admin]]);
    expect(accounts.map((account) => account.source.kind)).toEqual(["eagle.administrator"]);
  });
});
