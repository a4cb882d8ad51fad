import { describe, expect, it } from "vitest";
import {
  adaptRecords,
  emailKey,
  mapAccount,
  recordsAdapter,
  textAt,
  valueAt,
  type AccountFields,
  type RecordFields,
} from "../../src/index";

interface Person {
  id?: string | null;
  login?: string | null;
  profile?: {
    mail?: string | null;
    backup?: string | null;
    full?: string | null;
    nick?: string | null;
    first?: string | null;
    last?: string | null;
  };
  mobile?: string | null;
  zone?: string | null;
  culture?: string | null;
  created?: string | number | null;
  seen?: string | null;
  role?: string | null;
  teams?: unknown;
  onDuty?: boolean | null;
  badge?: unknown;
}

const source = { vendor: "acme", kind: "acme.person", id: "p-1" };

const FIELDS: AccountFields<Person> = {
  emails: [
    ["profile.mail", "primary"],
    ["profile.backup", "backup"],
  ],
  names: { full: ["profile.full", "profile.nick"], given: "profile.first", family: "profile.last" },
  phones: ["mobile"],
  timezone: ["zone", "name"],
  locale: "culture",
  createdAt: ["created", "iso"],
  lastLoginAt: ["seen", "iso"],
  role: ["role", { Boss: "owner", Staff: "member" }],
  groupNames: "teams",
  extras: { onDuty: "onDuty", badge: "badge" },
};

const LIST: RecordFields<Person> = {
  ...FIELDS,
  vendor: "acme",
  kind: "acme.person",
  noun: "person",
  id: "id",
};

describe("mapAccount", () => {
  it("reads every field from its path and says where each value came from", () => {
    const record = {
      profile: { mail: "Ada@Example.com", backup: "ada@home.example", full: "Ada Lovelace" },
      mobile: "+44 20 7946 0000",
      zone: "Europe/London",
      culture: "en_GB",
      created: "2021-12-16T03:17:35Z",
      seen: "2024-01-02T10:00:00+01:00",
      role: "boss",
      teams: ["Ops", "", 7, "Dev"],
      onDuty: false,
      badge: 0,
    };
    const account = mapAccount(source, record, FIELDS);
    expect(account.source).toEqual(source);
    expect(account.raw).toBe(record);
    expect(account.emails.map((entry) => [entry.normalized, entry.kind])).toEqual([
      ["ada@example.com", "primary"],
      ["ada@home.example", "backup"],
    ]);
    expect(account.names).toMatchObject({
      display: "Ada Lovelace",
      given: "Ada",
      family: "Lovelace",
    });
    expect(account.phones).toEqual([{ raw: "+44 20 7946 0000", e164: "+442079460000" }]);
    expect(account.timezone).toMatchObject({ iana: "Europe/London", precision: "exact" });
    expect(account.locale.tag).toBe("en-GB");
    expect(account.createdAt?.iso).toBe("2021-12-16T03:17:35.000Z");
    expect(account.lastLoginAt?.iso).toBe("2024-01-02T09:00:00.000Z");
    // Role names match case-insensitively; the vendor's own spelling is kept.
    expect(account.role).toEqual({ level: "owner", raw: "boss" });
    expect(account.groups).toEqual([
      { id: null, name: "Ops" },
      { id: null, name: "Dev" },
    ]);
    // false and 0 say something; they are kept.
    expect(account.extras).toEqual({ onDuty: false, badge: 0 });
    expect(account.provenance).toEqual({
      "emails[0]": "profile.mail",
      "emails[1]": "profile.backup",
      "names.display": "profile.full",
      "names.given": "profile.full",
      "names.family": "profile.full",
      "phones[0]": "mobile",
      timezone: "zone",
      locale: "culture",
      createdAt: "created",
      lastLoginAt: "seen",
      role: "role",
      groups: "teams",
      "extras.onDuty": "onDuty",
      "extras.badge": "badge",
    });
  });

  it("leaves out what the record does not say, and records no provenance for it", () => {
    const account = mapAccount(
      source,
      { profile: { mail: " ", full: "" }, role: null, badge: [] },
      FIELDS,
    );
    expect(account.emails).toEqual([]);
    expect(account.names.display).toBeNull();
    expect(account.timezone.precision).toBe("unknown");
    expect(account.locale.tag).toBeNull();
    expect(account.createdAt).toBeNull();
    expect(account.role).toEqual({ level: "unknown", raw: null });
    expect(account.groups).toEqual([]);
    expect(account.extras).toEqual({});
    expect(account.provenance).toEqual({});
  });

  it("adds an address or phone repeated under another path once, and keeps only extras that say something", () => {
    const fields: AccountFields<Person> = {
      emails: [
        ["profile.mail", "primary"],
        ["profile.backup", "backup"],
      ],
      names: { given: "profile.first", family: "profile.last" },
      phones: ["mobile", "profile.nick"],
      groupNames: "teams",
      extras: { badge: "badge", onDuty: "onDuty", seen: "seen", zone: "zone" },
    };
    const account = mapAccount(
      source,
      {
        profile: {
          mail: "Ada@Example.com",
          backup: "ADA@example.COM",
          nick: "+44 20 7946 0000",
          first: "Ada",
          last: "Lovelace",
        },
        mobile: "+44 20 7946 0000",
        teams: ["Ops", "  "],
        badge: ["gold"],
        onDuty: null,
        seen: "  ",
        zone: "Europe/London",
      },
      fields,
    );
    expect(account.emails.map((entry) => entry.kind)).toEqual(["primary"]);
    expect(account.phones).toEqual([{ raw: "+44 20 7946 0000", e164: "+442079460000" }]);
    expect(account.names).toMatchObject({
      display: "Ada Lovelace",
      given: "Ada",
      family: "Lovelace",
    });
    expect(account.groups).toEqual([{ id: null, name: "Ops" }]);
    expect(account.extras).toEqual({ badge: ["gold"], zone: "Europe/London" });
    expect(account.provenance).toMatchObject({
      "emails[0]": "profile.mail",
      "phones[0]": "mobile",
      groups: "teams",
      "extras.badge": "badge",
      "extras.zone": "zone",
    });
    expect(Object.keys(account.provenance)).not.toContain("emails[1]");
    expect(Object.keys(account.provenance)).not.toContain("phones[1]");
    const two = mapAccount(
      source,
      { mobile: "+44 20 7946 0000", profile: { nick: "+44 20 7946 0001" } },
      { phones: ["mobile", "profile.nick"] },
    );
    expect(two.phones.map((entry) => entry.e164)).toEqual(["+442079460000", "+442079460001"]);
  });

  it("reads a full name given as one path", () => {
    const account = mapAccount(
      source,
      { profile: { full: "Ada Lovelace" } },
      {
        names: { full: "profile.full" },
      },
    );
    expect(account.names).toMatchObject({
      display: "Ada Lovelace",
      given: "Ada",
      family: "Lovelace",
    });
    expect(account.provenance["names.display"]).toBe("profile.full");
  });

  it("takes the first full name that is there, and derives names only from values it found", () => {
    const nick = mapAccount(source, { profile: { full: "  ", nick: "Ada L" } }, FIELDS);
    expect(nick.names.display).toBe("Ada L");
    expect(nick.provenance["names.display"]).toBe("profile.nick");
    const parts = mapAccount(source, { profile: { first: "Ada", last: null } }, FIELDS);
    expect(parts.names).toMatchObject({ display: "Ada", given: "Ada", family: null });
    expect(parts.provenance).toEqual({
      "names.display": "profile.first",
      "names.given": "profile.first",
    });
    const both = mapAccount(source, { profile: { first: "Ada", last: "Lovelace" } }, FIELDS);
    expect(both.provenance["names.display"]).toBe("profile.first + profile.last");
  });

  it("reads epoch milliseconds where the map says so, and nothing else there", () => {
    const epoch: AccountFields<Person> = { createdAt: ["created", "epoch-ms"] };
    expect(mapAccount(source, { created: 1639624655170 }, epoch).createdAt?.iso).toBe(
      "2021-12-16T03:17:35.170Z",
    );
    expect(mapAccount(source, { created: "1639624655170" }, epoch).createdAt).toBeNull();
    const iso: AccountFields<Person> = { createdAt: ["created", "iso"] };
    expect(mapAccount(source, { created: 1639624655170 }, iso).createdAt).toBeNull();
  });

  it("reads each time-zone format with core's normaliser", () => {
    const read = (format: "iana" | "name" | "offset", zone: string) =>
      mapAccount(source, { zone }, { timezone: ["zone", format] }).timezone;
    expect(read("iana", "Asia/Tokyo")).toMatchObject({ iana: "Asia/Tokyo", precision: "exact" });
    expect(read("iana", "Tokyo").precision).toBe("unknown");
    expect(read("name", "Tokyo")).toMatchObject({ iana: "Asia/Tokyo", precision: "mapped" });
    expect(read("offset", "+05:30")).toMatchObject({ utcOffsetMinutes: 330, precision: "offset" });
  });

  it("lets vendor code add values, each with its source, skipping repeats and blanks", () => {
    const account = mapAccount(
      source,
      { profile: { mail: "ada@example.com" } },
      FIELDS,
      (record, add) => {
        add.email("ADA@example.com", "contact", "contacts[0]");
        add.email(" ", "contact", "contacts[1]");
        add.email("ada@work.example", "contact", "contacts[2]");
        add.phone(null, "contacts[3]");
        add.status("disabled", "blocked");
        add.role({ level: "admin", raw: "Admin" }, "isAdmin");
        add.extra("note", "", "note");
        add.extra("seat", 3, "seat");
        expect(record).toEqual({ profile: { mail: "ada@example.com" } });
      },
    );
    expect(account.emails.map((entry) => entry.value)).toEqual([
      "ada@example.com",
      "ada@work.example",
    ]);
    expect(account.status).toBe("disabled");
    expect(account.role).toEqual({ level: "admin", raw: "Admin" });
    expect(account.extras).toEqual({ seat: 3 });
    expect(account.provenance).toMatchObject({
      "emails[0]": "profile.mail",
      "emails[1]": "contacts[2]",
      status: "blocked",
      role: "isAdmin",
      "extras.seat": "seat",
    });
  });

  it("records no provenance for an unknown status or a role with no name", () => {
    const account = mapAccount(source, {}, {}, (_record, add) => {
      add.status("unknown", "state");
      add.role({ level: "unknown", raw: null }, "role");
      add.groups([], "teams");
      add.lastLoginAt(null, "seen");
    });
    expect(account.provenance).toEqual({});
  });
});

describe("adaptRecords", () => {
  const person = (id: string, mail = `${id}@example.com`) => ({ id, profile: { mail } });

  it("turns a list, or one record, into accounts keyed by the id path", () => {
    const { accounts, issues } = adaptRecords(LIST, [person("a"), person("b")]);
    expect(accounts.map((account) => account.source)).toEqual([
      { vendor: "acme", kind: "acme.person", id: "a" },
      { vendor: "acme", kind: "acme.person", id: "b" },
    ]);
    expect(issues).toEqual([]);
    expect(adaptRecords(LIST, person("c")).accounts.map((account) => account.source.id)).toEqual([
      "c",
    ]);
  });

  it("reports what cannot become an account, says where it was, and goes on", () => {
    const noMail = { id: "m", profile: { mail: "" } };
    const records = [
      null,
      ["x"],
      { id: "  " },
      person("a"),
      person("a", "other@example.com"),
      noMail,
      person("z"),
    ];
    const { accounts, issues } = adaptRecords(LIST, records);
    expect(accounts.map((account) => account.source.id)).toEqual(["a", "z"]);
    expect(issues).toEqual([
      {
        vendor: "acme",
        kind: "acme.person",
        reason: "the person at index 0 is not an object",
        raw: null,
      },
      {
        vendor: "acme",
        kind: "acme.person",
        reason: "the person at index 1 is not an object",
        raw: ["x"],
      },
      {
        vendor: "acme",
        kind: "acme.person",
        reason: "the person at index 2 has no id",
        raw: records[2],
      },
      {
        vendor: "acme",
        kind: "acme.person",
        id: "a",
        reason: "the person at index 4 repeats the id of an earlier one",
        raw: records[4],
      },
      {
        vendor: "acme",
        kind: "acme.person",
        id: "m",
        reason: "the person at index 5 has no profile.mail, so it cannot be matched to a person",
        raw: noMail,
      },
    ]);
    // One record alone needs no index.
    expect(adaptRecords(LIST, "junk").issues[0]!.reason).toBe("the person is not an object");
  });

  it("keeps an account without its first address when asked, and still reports it", () => {
    const { accounts, issues } = adaptRecords({ ...LIST, keepWithoutEmail: true }, [{ id: "m" }]);
    expect(accounts.map((account) => account.source.id)).toEqual(["m"]);
    expect(issues.map((issue) => [issue.id, issue.reason])).toEqual([
      ["m", "the person has no profile.mail, so it cannot be matched to a person"],
    ]);
  });

  it("asks for no address when the map names none", () => {
    const { emails: _emails, ...withoutEmails } = LIST;
    for (const fields of [withoutEmails, { ...withoutEmails, emails: [] }]) {
      const { accounts, issues } = adaptRecords(fields, [{ id: "p-1" }, { id: "p-2" }]);
      expect(issues).toEqual([]);
      expect(accounts.map((account) => account.source.id)).toEqual(["p-1", "p-2"]);
    }
  });

  it("keys records through `key` and names their place through `at`", () => {
    const byAddress: RecordFields<Person> = {
      ...LIST,
      id: "login",
      key: emailKey,
      emails: [["login", "login"]],
      at: (index) => `members[${index}]`,
    };
    const { accounts, issues } = adaptRecords(byAddress, [
      { login: "Ada@Example.com" },
      { login: "ada@example.com" },
    ]);
    expect(accounts.map((account) => account.source.id)).toEqual(["ada@example.com"]);
    expect(issues.map((issue) => [issue.id, issue.reason])).toEqual([
      ["ada@example.com", "members[1] repeats the login of an earlier one"],
    ]);
  });

  it("runs the vendor's extension for each account it makes", () => {
    const seen: unknown[] = [];
    const { accounts } = adaptRecords(LIST, [person("a"), { id: "b" }], (record, add) => {
      seen.push(record.id);
      add.status("active", "state");
    });
    expect(seen).toEqual(["a"]);
    expect(accounts[0]!.status).toBe("active");
  });
});

describe("paths", () => {
  it("read nested values and stop where the record stops", () => {
    const record = { a: { b: { c: "deep" }, list: ["x"] }, blank: "  " };
    expect(valueAt(record, "a.b.c")).toBe("deep");
    expect(valueAt(record, "a.list.0")).toBeUndefined();
    expect(valueAt(record, "a.b.c.d")).toBeUndefined();
    expect(valueAt("text", "length")).toBeUndefined();
    expect(textAt(record, "blank")).toBeNull();
    expect(textAt(record, "a.b")).toBeNull();
  });
});

describe("recordsAdapter", () => {
  const person = (id: string, mail = `${id}@example.com`) => ({ id, profile: { mail } });

  it("adapts page by page as one list would: repeats across pages caught, indexes running on", () => {
    const pages = [
      [person("a"), person("b")],
      [person("c"), person("a", "again@example.com")],
      [null],
    ];
    const adapter = recordsAdapter(LIST);
    const seen: number[] = [];
    for (const page of pages) {
      adapter.add(page);
      seen.push(adapter.result().accounts.length);
    }
    // Each page's accounts are there as soon as it is added.
    expect(seen).toEqual([2, 3, 3]);
    const whole = adaptRecords(LIST, pages.flat());
    expect(adapter.result()).toEqual(whole);
    expect(whole.issues.map((issue) => issue.reason)).toEqual([
      "the person at index 3 repeats the id of an earlier one",
      "the person at index 4 is not an object",
    ]);
  });

  it("names a lone record only when it is the whole first batch", () => {
    const adapter = recordsAdapter(LIST);
    adapter.add({ id: " " });
    adapter.add([{ id: "" }]);
    expect(adapter.result().issues.map((issue) => issue.reason)).toEqual([
      "the person has no id",
      "the person at index 1 has no id",
    ]);
  });
});
