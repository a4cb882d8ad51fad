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
      "the user has no username, so it cannot be matched to a person",
    ]);
  });

  it("records where each field came from, and keeps Skype, escalations and schedules", () => {
    const [john] = toAccounts([JOHN_SMITH]).accounts;
    expect(john!.provenance).toEqual({
      "emails[0]": "username",
      "phones[0]": "contacts[1].to",
      "phones[1]": "contacts[3].to",
      "names.display": "fullname",
      "names.given": "fullname",
      "names.family": "fullname",
      timezone: "timezone",
      locale: "locale",
      createdAt: "createdAt",
      role: "role",
      status: "blocked/verified/state",
      groups: "groups",
      "extras.skypeUsername": "skypeUsername",
      "extras.escalations": "escalations",
      "extras.schedules": "schedules",
    });
    expect(john!.extras).toEqual({
      skypeUsername: "johnSmith",
      escalations: ["support_esc"],
      schedules: ["sch_1st"],
    });
    // Kaan's Skype name is empty and he has no escalations or schedules.
    const [kaan] = toAccounts([{ ...KAAN, escalations: [], schedules: [] }]).accounts;
    expect(kaan!.extras).toEqual({});
    expect(kaan!.groups).toEqual([]);
    expect(kaan!.provenance.groups).toBeUndefined();
  });

  it("reads every contact once, skipping the ones it cannot use", () => {
    const [account] = toAccounts([
      {
        id: "contacts",
        username: "login@example.com",
        groups: ["ops", "", 7, "network"],
        contacts: [
          null,
          { method: "email", to: "  " },
          { method: "email", to: "LOGIN@example.com" },
          { method: "email", to: "home@example.com" },
          { method: "email", to: "Home@Example.com" },
          { method: "sms", to: "not a number" },
          { method: "voice", to: "44-2079460000" },
          { method: "sms", to: "44-2079460000" },
          { method: "mobile", to: "1-5555550100" },
        ],
      },
    ]).accounts;
    expect(account!.emails.map((entry) => [entry.value, entry.kind])).toEqual([
      ["login@example.com", "login"],
      ["home@example.com", "contact"],
    ]);
    // A number it cannot read is kept as written; the same number by sms and voice is one phone.
    expect(account!.phones).toEqual([
      { raw: "not a number", e164: null },
      { raw: "44-2079460000", e164: "+442079460000" },
    ]);
    expect(account!.provenance).toMatchObject({
      "emails[1]": "contacts[3].to",
      "phones[0]": "contacts[5].to",
      "phones[1]": "contacts[6].to",
    });
    expect(account!.groups).toEqual([
      { id: null, name: "ops" },
      { id: null, name: "network" },
    ]);
  });

  it("keeps a contact address that cannot be read beside a login that cannot be read either", () => {
    // Neither address normalises, so nothing says they are the same one.
    const [account] = toAccounts([
      { id: "odd", username: "john smith", contacts: [{ method: "email", to: "j.smith at home" }] },
    ]).accounts;
    expect(account!.emails).toEqual([
      { value: "john smith", normalized: null, kind: "login" },
      { value: "j.smith at home", normalized: null, kind: "contact" },
    ]);
  });

  it("keeps a contact address when the user has no username", () => {
    const [account] = toAccounts([
      { id: "contact-only", contacts: [{ method: "email", to: "only@example.com" }] },
    ]).accounts;
    expect(account!.emails).toEqual([
      { value: "only@example.com", normalized: "only@example.com", kind: "contact" },
    ]);
    expect(account!.provenance).toEqual({ "emails[0]": "contacts[0].to" });
  });

  it.each([
    ["blocked, even when verified", { blocked: true, verified: true }, "disabled"],
    ["not verified", { blocked: false, verified: false }, "unverified"],
    ["verified", { verified: true }, "active"],
    ["in the active state (a get answer)", { state: "active" }, "active"],
    ["in another state", { state: "waiting" }, "unknown"],
  ])("reads a user %s", (_label, flags, status) => {
    const [account] = toAccounts([{ id: "u", username: "u@example.com", ...flags }]).accounts;
    expect(account!.status).toBe(status);
    expect(account!.provenance.status).toBe(
      status === "unknown" ? undefined : "blocked/verified/state",
    );
  });

  it("leaves out what a bare user does not carry", () => {
    const [account] = toAccounts([
      { id: "u", username: "u@example.com", createdAt: "2016-08-24", role: " " },
    ]).accounts;
    expect(account!.createdAt).toBeNull();
    expect(account!.provenance).toEqual({ "emails[0]": "username" });
  });

  it("names the user and the kind in every issue", () => {
    const blankId = { id: "  ", username: "x@example.com" };
    const blankName = { id: "blank", username: " " };
    const { accounts, issues } = toAccounts([[], "john", blankId, blankName, blankName]);
    expect(accounts.map((account) => account.source.id)).toEqual(["blank"]);
    expect(issues).toStrictEqual([
      {
        vendor: "opsgenie",
        kind: "opsgenie.user",
        reason: "the user at index 0 is not an object",
        raw: [],
      },
      {
        vendor: "opsgenie",
        kind: "opsgenie.user",
        reason: "the user at index 1 is not an object",
        raw: "john",
      },
      {
        vendor: "opsgenie",
        kind: "opsgenie.user",
        reason: "the user at index 2 has no id",
        raw: blankId,
      },
      {
        vendor: "opsgenie",
        kind: "opsgenie.user",
        id: "blank",
        reason: "the user at index 3 has no username, so it cannot be matched to a person",
        raw: blankName,
      },
      {
        vendor: "opsgenie",
        kind: "opsgenie.user",
        id: "blank",
        reason: "the user at index 4 repeats the id of an earlier one",
        raw: blankName,
      },
    ]);
    expect(toAccounts({ users: [] } as never)).toStrictEqual({
      accounts: [],
      issues: [
        {
          vendor: "opsgenie",
          kind: "opsgenie.user",
          reason: "the user has no id",
          raw: { users: [] },
        },
      ],
    });
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
      "the user at index 0 is not an object",
      "the user at index 1 has no id",
      "the user at index 2 has no username, so it cannot be matched to a person",
      "the user at index 4 repeats the id of an earlier one",
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
