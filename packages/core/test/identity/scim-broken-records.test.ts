import { describe, expect, it } from "vitest";
import type { Account } from "../../src/identity/index";
import { ROLLCALL_ACCOUNTS_SCHEMA, buildDirectory, toScimUsers } from "../../src/identity/index";

// The directory keeps a broken vendor record as a person of its own (and reports it); exporting
// that person must not crash, and must not invent what the record lacks.
describe("toScimUsers with broken vendor records", () => {
  it("exports a record with no lists, names, zone, locale, role or status as a bare user", () => {
    const broken = [
      {
        source: { vendor: "rootly", kind: "rootly.user", id: "r-9" },
        emails: null,
        phones: "x",
        groups: { id: "t1" },
        raw: null,
      },
    ] as unknown as Account[];
    const users = toScimUsers(buildDirectory(broken));
    expect(users).toHaveLength(1);
    const user = users[0]!;
    expect(user).toMatchObject({
      id: "rootly:rootly.user:r-9",
      userName: "rootly:rootly.user:r-9",
      emails: [],
      phoneNumbers: [],
      groups: [],
    });
    for (const field of ["name", "displayName", "timezone", "locale"]) {
      expect(user).not.toHaveProperty(field);
    }
    expect(user[ROLLCALL_ACCOUNTS_SCHEMA].accounts).toEqual([
      {
        vendor: "rootly",
        kind: "rootly.user",
        id: "r-9",
        role: "unknown",
        roleName: null,
        status: "unknown",
      },
    ]);
  });
});
