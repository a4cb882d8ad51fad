import { demoOrganisation } from "@rollcall/simulators";
import { describe, expect, it } from "vitest";
import { pullAccounts, toAccounts, type PullProgress } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

// The `owner` example of GET /v1/json/user and the list example of GET /v1.2/json/user in
// specs/opsgenie.yaml.
const JOHN_SMITH = {
  id: "ac463592-dbd2-4ca3-a651-48fdf5e5c871",
  username: "john.smith@example.com",
  fullname: "John Smith",
  timezone: "America/New_York",
  locale: "en_US",
  createdAt: 1472023687693,
  state: "active",
  escalations: ["support_esc"],
  skypeUsername: "johnSmith",
  schedules: ["sch_1st"],
  role: "Owner",
  groups: ["network"],
  contacts: [
    {
      to: "john.smith@example.com",
      method: "email",
      disabledReason: "",
      id: "ce7e52a7-6a0c-4680-a82c-198ddd877756",
      enabled: true,
    },
    {
      to: "1-9999999999",
      method: "sms",
      disabledReason: "",
      id: "932b9f35-fbaa-4784-8c4b-321d8427a2db",
      enabled: true,
    },
    {
      to: "1-9999999999",
      method: "voice",
      disabledReason: "",
      id: "b6552417-62cc-4b28-9ef3-9a50f0c8e82b",
      enabled: false,
    },
    {
      to: "1-8888888888",
      method: "voice",
      disabledReason: "",
      id: "05dd72bd-8457-46ae-b11e-f0ae16fab213",
      enabled: true,
    },
    {
      to: "1-8888888888",
      method: "sms",
      disabledReason: "",
      id: "431905a1-52fc-453e-b8a2-7daef130fd88",
      enabled: false,
    },
  ],
};
const KAAN = {
  createdAt: 1482243103632,
  role: "User",
  blocked: false,
  skypeUsername: "",
  timezone: "Europe/Istanbul",
  verified: false,
  id: "1efbae5f-dc44-443e-8476-daf2e0b9165b",
  fullname: "Kaan",
  locale: "en_US",
  username: "kaan@example.com",
};

describe("toAccounts", () => {
  it("normalises the document's full user", () => {
    const { accounts, issues } = toAccounts([JOHN_SMITH]);
    expect(issues).toEqual([]);
    const [john] = accounts;
    expect(john!.source).toEqual({ vendor: "opsgenie", kind: "opsgenie.user", id: JOHN_SMITH.id });
    // The email contact repeats the login address, so it adds nothing.
    expect(john!.emails).toEqual([
      { value: "john.smith@example.com", normalized: "john.smith@example.com", kind: "login" },
    ]);
    expect(john!.phones).toEqual([
      { raw: "1-9999999999", e164: "+19999999999" },
      { raw: "1-8888888888", e164: "+18888888888" },
    ]);
    expect(john!.timezone).toMatchObject({ iana: "America/New_York", precision: "exact" });
    expect(john!.locale).toEqual({ tag: "en-US", raw: "en_US" });
    expect(john!.role).toEqual({ level: "owner", raw: "Owner" });
    expect(john!.createdAt).toEqual({
      iso: new Date(1472023687693).toISOString(),
      zone: "utc",
      raw: 1472023687693,
    });
    expect(john!.createdAt!.iso).toBe("2016-08-24T07:28:07.693Z");
    expect(john!.status).toBe("active");
    expect(john!.names).toMatchObject({ display: "John Smith", given: "John", family: "Smith" });
    expect(john!.groups).toEqual([{ id: null, name: "network" }]);
    expect(john!.extras).toMatchObject({
      skypeUsername: "johnSmith",
      escalations: ["support_esc"],
    });
    expect(john!.provenance).toMatchObject({
      "emails[0]": "username",
      createdAt: "createdAt",
      locale: "locale",
    });
  });

  it("keeps a separate email contact as a contact address", () => {
    const user = {
      ...JOHN_SMITH,
      contacts: [{ id: "c", method: "email", to: "JOHN@personal.example" }],
    };
    const [account] = toAccounts([user]).accounts;
    expect(account!.emails[1]).toEqual({
      value: "JOHN@personal.example",
      normalized: "john@personal.example",
      kind: "contact",
    });
  });

  it("reads a list summary: unverified user with a member role", () => {
    const [kaan] = toAccounts([KAAN]).accounts;
    expect(kaan!.status).toBe("unverified");
    expect(kaan!.role.level).toBe("member");
    expect(kaan!.timezone.iana).toBe("Europe/Istanbul");
    expect(toAccounts([{ ...KAAN, blocked: true }]).accounts[0]!.status).toBe("disabled");
  });

  it("keeps a user that carries nothing but an id, since every other attribute is optional", () => {
    const { accounts, issues } = toAccounts([
      { id: "bare", contacts: [{ enabled: null }, { method: "sms", enabled: null }] },
    ]);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.emails).toEqual([]);
    expect(accounts[0]!.phones).toEqual([]);
    expect(accounts[0]!.role.raw).toBeNull();
    expect(accounts[0]!.status).toBe("unknown");
    expect(issues.map((issue) => issue.reason)).toEqual([
      "has no username, so the account cannot be matched to a person",
    ]);
  });

  it("reports broken records as issues instead of throwing", () => {
    const { accounts, issues } = toAccounts([
      null,
      { ...KAAN, id: null },
      {
        id: "no-username",
        username: null,
        fullname: null,
        createdAt: null,
        locale: null,
        timezone: null,
      },
      KAAN,
      KAAN,
    ]);
    expect(accounts.map((account) => account.source.id)).toEqual(["no-username", KAAN.id]);
    const bare = accounts[0]!;
    expect(bare.emails).toEqual([]);
    expect(bare.createdAt).toBeNull();
    expect(bare.timezone.precision).toBe("unknown");
    expect(issues.map((issue) => issue.reason)).toEqual([
      "users[0] is not an object",
      "users[1] has no id",
      "has no username, so the account cannot be matched to a person",
      "the same id appears twice",
    ]);
    expect(toAccounts(null as never).issues).toHaveLength(1);
  });
});

describe("pullAccounts", () => {
  const env = useOpsgenieSimulator("demo");

  it("pulls every user of the demo organisation page by page", async () => {
    const client = env.client();
    const progress: PullProgress<unknown>[] = [];
    const { accounts, issues } = await pullAccounts(client, {
      pageSize: 5,
      onPage: (page) => progress.push(page),
    });
    const expected = demoOrganisation.people
      .filter((person) => person.opsgenie !== undefined)
      .map((person) => person.opsgenie!.username.toLowerCase())
      .sort();
    expect(issues).toEqual([]);
    expect(accounts.map((account) => account.emails[0]!.normalized).sort()).toEqual(expected);
    expect(progress.map((page) => page.page)).toEqual(progress.map((_page, index) => index + 1));
    expect(progress.reduce((sum, page) => sum + page.items.length, 0)).toBe(expected.length);
    expect(progress.every((page) => page.vendor === "opsgenie")).toBe(true);
  });
});
