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
  timezoneFromOffset,
  timezoneFromRails,
  toScimListResponse,
  toScimUsers,
} from "../../src/identity/index";

const directory = buildDirectory([
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
  const [gone, jane] = toScimUsers(directory);

  it("writes core User resources with the Rollcall extension", () => {
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
    for (const user of toScimUsers(directory)) {
      expect(user.emails.filter((entry) => entry.primary === true)).toHaveLength(1);
    }
    expect(jane!.emails.map((entry) => entry.value)).toEqual([
      "jane@example.com",
      "jsmith@example.com",
      "jane@home.example",
    ]);
  });

  it("is inactive only when every account is disabled", () => {
    expect(gone!.active).toBe(false);
  });

  it("wraps users in a ListResponse", () => {
    const users = toScimUsers(directory);
    expect(toScimListResponse(users)).toEqual({
      schemas: [SCIM_LIST_RESPONSE_SCHEMA],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 2,
      Resources: users,
    });
  });
});
