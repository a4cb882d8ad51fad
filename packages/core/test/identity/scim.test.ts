import { describe, expect, it } from "vitest";
import {
  ROLLCALL_ACCOUNTS_SCHEMA,
  SCIM_LIST_RESPONSE_SCHEMA,
  SCIM_USER_SCHEMA,
  buildDirectory,
  defineAccount,
  email,
  localeFrom,
  namesFrom,
  phone,
  timezoneFromIana,
  timezoneFromOffset,
  timezoneFromRails,
  toScimListResponse,
  toScimUsers,
} from "../../src/identity/index";

// Built inside each test, not when the file loads, so mutation runs see the code under test.
const directory = () =>
  buildDirectory([
    defineAccount({
      source: { vendor: "uptrends", kind: "uptrends.operator", id: "guid-1" },
      raw: {},
      emails: [email("Jane@Example.com", "primary"), email("jane@home.example", "backup")],
      names: namesFrom({ full: "Jane Smith" }),
      phones: [phone("+31 6 1234 5678")],
      timezone: timezoneFromOffset("+01:00"),
      status: "active",
      role: { level: "admin", raw: "IsAccountAdministrator" },
    }),
    defineAccount({
      source: { vendor: "rootly", kind: "rootly.user", id: "42" },
      raw: {},
      emails: [email("jane@example.com", "primary"), email("jsmith@example.com", "login")],
      timezone: timezoneFromRails("Amsterdam"),
      locale: localeFrom("nl_NL"),
      groups: [{ id: "t1", name: "SRE" }],
    }),
    defineAccount({
      source: { vendor: "opsgenie", kind: "opsgenie.user", id: "og-9" },
      raw: {},
      emails: [email("gone@example.com", "login")],
      status: "disabled",
    }),
  ]);

describe("toScimUsers", () => {
  it("writes core User resources with the Rollcall extension", () => {
    const [, jane] = toScimUsers(directory());
    expect(jane).toMatchObject({
      schemas: [SCIM_USER_SCHEMA, ROLLCALL_ACCOUNTS_SCHEMA],
      id: "jane@example.com",
      userName: "jane@example.com",
      name: { givenName: "Jane", familyName: "Smith", formatted: "Jane Smith" },
      displayName: "Jane Smith",
      phoneNumbers: [{ value: "+31612345678", type: "work" }],
      timezone: "Europe/Amsterdam",
      locale: "nl-NL",
      active: true,
      groups: [{ value: "rootly:t1", display: "SRE" }],
      meta: { resourceType: "User" },
    });
    expect(jane![ROLLCALL_ACCOUNTS_SCHEMA].accounts).toEqual([
      {
        vendor: "rootly",
        kind: "rootly.user",
        id: "42",
        role: "unknown",
        roleName: null,
        status: "unknown",
      },
      {
        vendor: "uptrends",
        kind: "uptrends.operator",
        id: "guid-1",
        role: "admin",
        roleName: "IsAccountAdministrator",
        status: "active",
      },
    ]);
  });

  it("marks exactly one email primary", () => {
    const [, jane] = toScimUsers(directory());
    for (const user of toScimUsers(directory())) {
      expect(user.emails.filter((entry) => entry.primary === true)).toHaveLength(1);
    }
    expect(jane!.emails).toEqual([
      { value: "jane@example.com", type: "work", primary: true },
      { value: "jsmith@example.com", type: "work", primary: false },
      { value: "jane@home.example", type: "other", primary: false },
    ]);
  });

  it("is inactive only when every account is disabled", () => {
    const [gone] = toScimUsers(directory());
    expect(gone!.active).toBe(false);
  });

  it("wraps users in a ListResponse", () => {
    const users = toScimUsers(directory());
    expect(toScimListResponse(users)).toEqual({
      schemas: [SCIM_LIST_RESPONSE_SCHEMA],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 2,
      Resources: users,
    });
  });
});

describe("toScimUser: one person from several accounts", () => {
  const account = (vendor: "rootly" | "opsgenie" | "uptrends", id: string, input = {}) =>
    defineAccount({ source: { vendor, kind: `${vendor}.user`, id }, raw: {}, ...input });
  const only = (...accounts: ReturnType<typeof account>[]) => {
    const users = toScimUsers(buildDirectory(accounts));
    expect(users).toHaveLength(1);
    return users[0]!;
  };

  it("stays active while any account is not disabled", () => {
    const login = [email("sam@example.com", "login")];
    const disabledFirst = only(
      account("opsgenie", "1", { emails: login, status: "disabled" }),
      account("rootly", "2", { emails: login, status: "active" }),
    );
    expect(disabledFirst.active).toBe(true);
    const unknownStatus = only(
      account("opsgenie", "1", { emails: login, status: "disabled" }),
      account("rootly", "2", { emails: login }),
    );
    expect(unknownStatus.active).toBe(true);
    const allDisabled = only(
      account("opsgenie", "1", { emails: login, status: "disabled" }),
      account("rootly", "2", { emails: login, status: "disabled" }),
    );
    expect(allDisabled.active).toBe(false);
  });

  it("lists each phone number and each vendor's group once", () => {
    const login = [email("sam@example.com", "login")];
    const sre = { id: "t1", name: "SRE" };
    const user = only(
      account("rootly", "1", {
        emails: login,
        phones: [phone("+31 6 1234 5678"), phone("+31612345678")],
        groups: [sre, sre, { id: null, name: "On call" }, { id: null, name: null }],
      }),
      account("opsgenie", "2", {
        emails: login,
        phones: [phone("+31 6 1234 5678"), phone("not a number")],
        groups: [sre],
      }),
    );
    expect(user.phoneNumbers).toEqual([
      { value: "+31612345678", type: "work" },
      { value: "not a number", type: "work" },
    ]);
    expect(user.groups).toEqual([
      { value: "opsgenie:t1", display: "SRE" },
      { value: "rootly:t1", display: "SRE" },
      { value: "rootly:On call", display: "On call" },
    ]);
  });

  it("adds backup and contact addresses once, as type other, never the sign-in ones", () => {
    const user = only(
      account("uptrends", "1", {
        emails: [
          email("sam@example.com", "primary"),
          email("Sam@Example.com", "backup"),
          email("sam@home.example", "backup"),
          email("not an address", "contact"),
        ],
      }),
      account("opsgenie", "2", {
        emails: [email("sam@example.com", "login"), email("sam@home.example", "contact")],
      }),
    );
    expect(user.emails).toEqual([
      { value: "sam@example.com", type: "work", primary: true },
      { value: "sam@home.example", type: "other", primary: false },
    ]);
  });

  it("never lists a sign-in address joined through an alias or Gmail's rules as an other address", () => {
    const users = toScimUsers(
      buildDirectory(
        [
          account("uptrends", "1", { emails: [email("jane@example.com", "primary")] }),
          account("rootly", "2", { emails: [email("jane.smith@example.com", "primary")] }),
          account("opsgenie", "3", { emails: [email("j.doe@gmail.com", "login")] }),
          account("rootly", "4", { emails: [email("jdoe@gmail.com", "primary")] }),
        ],
        {
          aliases: [["jane@example.com", "jane.smith@example.com"]],
          gmail: { ignoreDots: true },
        },
      ),
    );
    expect(users.map((user) => user.emails)).toEqual([
      // An alias set is matched as its smallest address.
      [{ value: "jane.smith@example.com", type: "work", primary: true }],
      [{ value: "jdoe@gmail.com", type: "work", primary: true }],
    ]);
  });

  it("names a person with no sign-in address by id and marks its first address primary", () => {
    const user = only(
      account("uptrends", "guid-7", { emails: [email("sam@home.example", "backup")] }),
    );
    expect(user.userName).toBe(user.id);
    expect(user.emails).toEqual([{ value: "sam@home.example", type: "other", primary: true }]);
    const bare = only(account("uptrends", "guid-8"));
    expect(bare.emails).toEqual([]);
    expect(bare).not.toHaveProperty("name");
    expect(bare).not.toHaveProperty("displayName");
    expect(bare).not.toHaveProperty("timezone");
    expect(bare).not.toHaveProperty("locale");
    expect(bare.active).toBe(true);
  });

  it("prefers a zone read from a vendor to one guessed from an offset text", () => {
    const login = [email("sam@example.com", "login")];
    // OpsGenie's account comes first in the person; its zone is only guessed from a description.
    const guess = timezoneFromOffset("(UTC+10:00) Canberra");
    expect(guess.iana).toBe("Australia/Melbourne");
    const user = only(
      account("opsgenie", "1", { emails: login, timezone: guess }),
      account("rootly", "2", { emails: login, timezone: timezoneFromRails("Amsterdam") }),
    );
    expect(user.timezone).toBe("Europe/Amsterdam");
    const guessed = only(
      account("opsgenie", "1", { emails: login, timezone: timezoneFromOffset("+02:00") }),
      account("rootly", "2", { emails: login, timezone: guess }),
    );
    expect(guessed.timezone).toBe("Australia/Melbourne");
    const named = only(
      account("opsgenie", "1", { emails: login, timezone: guess }),
      account("rootly", "2", { emails: login, timezone: timezoneFromIana("Europe/Paris") }),
    );
    expect(named.timezone).toBe("Europe/Paris");
  });

  it("takes the given and family name from whichever account has them", () => {
    const login = [email("sam@example.com", "login")];
    const user = only(
      account("rootly", "1", { emails: login, names: namesFrom({ given: "Sam" }) }),
      account("opsgenie", "2", { emails: login, names: namesFrom({ family: "Lee" }) }),
    );
    expect(user.name).toMatchObject({ givenName: "Sam", familyName: "Lee" });
  });
});
