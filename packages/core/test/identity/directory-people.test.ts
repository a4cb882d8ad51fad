import { describe, expect, it } from "vitest";
import type { Account } from "../../src/identity/index";
import {
  adminsByVendor,
  buildDirectory,
  defineAccount,
  diffDirectories,
  email,
  lookupEmail,
  namesFrom,
  peopleMissingFromVendors,
} from "../../src/identity/index";
import { account } from "./account-fixtures";

const rootly = (id: string, primary: string, extra = {}) =>
  account("rootly", "rootly.user", id, [[primary, "primary"]], extra);
const linksOf = (person: {
  evidence: readonly { links: readonly { account: { id: string }; via: string }[] }[];
}) => person.evidence.map((e) => e.links.map((link) => [link.account.id, link.via]));

describe("the people a directory builds", () => {
  it("names a person after their first named account, in account order", () => {
    const person = buildDirectory([
      rootly("r-2", "jane@example.com", { name: "Jane Second" }),
      rootly("r-1", "jane@example.com"),
      rootly("r-3", "jane@example.com", { name: "Jane Third" }),
    ]).people[0]!;
    expect(person.displayName).toBe("Jane Second");
  });

  it("gives a person without any login/primary address no addresses and no evidence", () => {
    const person = buildDirectory([
      defineAccount({
        source: { vendor: "uptrends", kind: "uptrends.operator", id: "g-1" },
        raw: {},
      }),
    ]).people[0]!;
    expect(person.emails).toEqual([]);
    expect(person.evidence).toEqual([]);
    expect(person.primaryEmail).toBeNull();
  });

  it("links only login/primary addresses as evidence, never backup or contact ones", () => {
    const withBackup = account("uptrends", "uptrends.operator", "up-1", [
      ["jane@example.com", "primary"],
      ["jane.home@example.net", "backup"],
    ]);
    const one = buildDirectory([withBackup, rootly("r-1", "jane@example.com")]).people[0]!;
    expect(one.emails).toEqual(["jane@example.com"]);
    expect(linksOf(one)).toEqual([
      [
        ["r-1", "primary"],
        ["up-1", "primary"],
      ],
    ]);
    const backupFirst = account("uptrends", "uptrends.operator", "up-1", [
      ["jane.home@example.net", "backup"],
      ["jane@example.com", "primary"],
    ]);
    const first = buildDirectory([backupFirst, rootly("r-1", "jane@example.com")]).people[0]!;
    expect(linksOf(first)).toEqual(linksOf(one));

    const many = buildDirectory([
      withBackup,
      account("rootly", "rootly.user", "r-1", [
        ["jane@example.com", "primary"],
        ["j.doe@example.com", "primary"],
        ["jane.work@example.net", "contact"],
      ]),
    ]).people[0]!;
    expect(many.emails).toEqual(["j.doe@example.com", "jane@example.com"]);
    expect(many.evidence.map((e) => e.strength)).toEqual(["login/primary", "login/primary"]);
  });

  it("keeps every address of a person whose accounts each have a different one", () => {
    const person = buildDirectory([
      account("opsgenie", "opsgenie.user", "og-1", [
        ["jane@example.com", "login"],
        ["j.doe@example.com", "primary"],
      ]),
      rootly("r-1", "j.doe@example.com"),
    ]).people[0]!;
    expect(person.emails).toEqual(["j.doe@example.com", "jane@example.com"]);
    expect(person.primaryEmail).toBe("j.doe@example.com");
  });

  it("links an account that lists one address as login and as primary once per kind", () => {
    const person = buildDirectory([
      account("opsgenie", "opsgenie.user", "og-1", [
        ["jane@example.com", "login"],
        ["jane@example.com", "primary"],
      ]),
      rootly("r-1", "jane@example.com"),
    ]).people[0]!;
    expect(linksOf(person)).toEqual([
      [
        ["og-1", "login"],
        ["og-1", "primary"],
        ["r-1", "primary"],
      ],
    ]);
  });

  it("links the same account object passed twice once, and reports the duplicate", () => {
    const jane = rootly("r-1", "jane@example.com");
    const directory = buildDirectory([jane, jane]);
    expect(linksOf(directory.people[0]!)).toEqual([[["r-1", "primary"]]]);
    expect(directory.issues).toHaveLength(1);
  });

  it("picks the address most accounts share as primary, counting an account once", () => {
    // a@ is listed twice by one account; b@ is shared by two accounts.
    const twice = buildDirectory([
      account("opsgenie", "opsgenie.user", "og-1", [
        ["a@example.com", "login"],
        ["a@example.com", "primary"],
        ["b@example.com", "primary"],
      ]),
      rootly("r-1", "b@example.com"),
    ]).people[0]!;
    expect(twice.primaryEmail).toBe("b@example.com");
    expect(twice.id).toBe("b@example.com");

    // A tie goes to the smallest address.
    const tie = buildDirectory([
      account("opsgenie", "opsgenie.user", "og-1", [
        ["b@example.com", "login"],
        ["a@example.com", "primary"],
      ]),
    ]).people[0]!;
    expect(tie.primaryEmail).toBe("a@example.com");
  });

  it("orders same-vendor accounts by kind and id, not by their raw content", () => {
    const raw = (id: string, marker: string) =>
      defineAccount({
        source: { vendor: "rootly", kind: "rootly.user", id },
        raw: { marker },
        emails: [email("jane@example.com", "primary")],
      });
    for (const input of [
      [raw("r-1", "z"), raw("r-2", "a")],
      [raw("r-2", "a"), raw("r-1", "z")],
    ]) {
      const person = buildDirectory(input).people[0]!;
      expect(person.accounts.map((a) => a.source.id)).toEqual(["r-1", "r-2"]);
    }
  });

  it("orders duplicate records by content, whatever the input order", () => {
    const copy = (raw: unknown, name: string) =>
      defineAccount({
        source: { vendor: "rootly", kind: "rootly.user", id: "r-1" },
        raw,
        emails: [email("jane@example.com", "primary")],
        names: namesFrom({ full: name }),
      });
    for (const input of [
      [copy({ v: 2 }, "Second"), copy({ v: 1 }, "First")],
      [copy({ v: 1 }, "First"), copy({ v: 2 }, "Second")],
      [copy(undefined, "First"), copy("text", "Second")],
      [copy("text", "Second"), copy(undefined, "First")],
    ]) {
      const person = buildDirectory(input as Account[]).people[0]!;
      expect(person.displayName).toBe("First");
    }
  });

  it("keeps each person's accounts their own when neighbours share a vendor", () => {
    const directory = buildDirectory([
      rootly("r-1", "zed@example.com"),
      rootly("r-2", "amy@example.com"),
      rootly("r-3", "amy@example.com"),
      rootly("r-0", "bob@example.com"),
    ]);
    expect(directory.people.map((p) => [p.id, p.accounts.map((a) => a.source.id)])).toEqual([
      ["amy@example.com", ["r-2", "r-3"]],
      ["bob@example.com", ["r-0"]],
      ["zed@example.com", ["r-1"]],
    ]);
  });

  it("orders a person's contact matches by vendor before kind", () => {
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com"),
      account("a-vendor", "z-kind", "y-1", [
        ["x@example.com", "primary"],
        ["jane@example.com", "backup"],
      ]),
      account("b-vendor", "a-kind", "x-1", [
        ["y@example.com", "primary"],
        ["jane@example.com", "backup"],
      ]),
    ]);
    const jane = directory.people.find((p) => p.id === "jane@example.com")!;
    expect(jane.contactMatches.map((m) => m.account.vendor)).toEqual(["a-vendor", "b-vendor"]);
  });
});

describe("directory queries on edge cases", () => {
  it("finds someone by a contact address, and the first person by id when several list it", () => {
    const directory = buildDirectory([
      account("opsgenie", "opsgenie.user", "og-2", [
        ["zed@example.com", "login"],
        ["shared@example.net", "contact"],
      ]),
      account("opsgenie", "opsgenie.user", "og-1", [
        ["amy@example.com", "login"],
        ["shared@example.net", "contact"],
      ]),
    ]);
    expect(lookupEmail(directory, "shared@example.net")).toMatchObject({
      person: { id: "amy@example.com" },
      strength: "backup/contact",
    });
    expect(lookupEmail(directory, "nobody@example.com")).toBeUndefined();
  });

  it("finds someone by a hand-built backup address without a normalized field", () => {
    const handBuilt = {
      ...rootly("r-1", "jane@example.com"),
      emails: [
        { value: "jane@example.com", kind: "primary", normalized: "jane@example.com" },
        { value: "Jane.Home@Example.net", kind: "backup" },
      ],
    } as unknown as Account;
    const directory = buildDirectory([handBuilt]);
    expect(() => lookupEmail(directory, "x@example.com")).not.toThrow();
    expect(lookupEmail(directory, "jane@example.com")?.strength).toBe("login/primary");
  });

  it("leaves out people who are in none of the vendors asked about", () => {
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com"),
      account("opsgenie", "opsgenie.user", "og-1", [["bob@example.com", "login"]]),
    ]);
    expect(
      peopleMissingFromVendors(directory, ["eagle", "rootly"]).map(({ person }) => person.id),
    ).toEqual(["jane@example.com"]);
  });

  it("lists admins even when some accounts carry no role", () => {
    const noRole = { ...rootly("r-2", "bob@example.com"), role: undefined } as unknown as Account;
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com", { role: "admin" }),
      noRole,
    ]);
    expect(adminsByVendor(directory).rootly!.map(({ account }) => account.source.id)).toEqual([
      "r-1",
    ]);
  });
});

describe("diffDirectories on edge cases", () => {
  it("does not report someone as joined or left when they keep one of their addresses", () => {
    const before = buildDirectory([rootly("r-1", "jane@example.com")]);
    const after = buildDirectory([
      account("opsgenie", "opsgenie.user", "og-1", [
        ["jane@example.com", "login"],
        ["a.jane@example.com", "primary"],
      ]),
      rootly("r-2", "a.jane@example.com"),
    ]);
    expect(after.people[0]!.id).toBe("a.jane@example.com");
    const diff = diffDirectories(before, after);
    expect(diff.joined).toEqual([]);
    expect(diff.left).toEqual([]);
  });

  it("compares accounts that carry no role without failing", () => {
    const noRole = { ...rootly("r-1", "jane@example.com"), role: undefined } as unknown as Account;
    const diff = diffDirectories(buildDirectory([noRole]), buildDirectory([noRole]));
    expect(diff.roleChanged).toEqual([]);
    const gained = diffDirectories(
      buildDirectory([noRole]),
      buildDirectory([rootly("r-1", "jane@example.com", { role: "admin" })]),
    );
    expect(gained.roleChanged.map((change) => change.after.level)).toEqual(["admin"]);
  });
});

describe("role changes", () => {
  it("reports a role whose name stayed but whose level changed", () => {
    const withRole = (level: "unknown" | "admin") =>
      defineAccount({
        source: { vendor: "rootly", kind: "rootly.user", id: "r-1" },
        raw: {},
        emails: [email("jane@example.com", "primary")],
        role: { level, raw: "Incident admin" },
      });
    const diff = diffDirectories(
      buildDirectory([withRole("unknown")]),
      buildDirectory([withRole("admin")]),
    );
    expect(diff.roleChanged.map((c) => [c.before.level, c.after.level])).toEqual([
      ["unknown", "admin"],
    ]);
  });
});

describe("evidence and queries on unusual records", () => {
  it("links an account by each kind even when an earlier account linked that kind", () => {
    const person = buildDirectory([
      account("eagle", "eagle.user", "e-1", [["jane@example.com", "primary"]]),
      account("opsgenie", "opsgenie.user", "og-1", [
        ["jane@example.com", "login"],
        ["jane@example.com", "primary"],
      ]),
    ]).people[0]!;
    expect(linksOf(person)).toEqual([
      [
        ["e-1", "primary"],
        ["og-1", "login"],
        ["og-1", "primary"],
      ],
    ]);
  });

  it("lists admins and looks up addresses in a hand-built directory", () => {
    const built = buildDirectory([rootly("r-1", "jane@example.com", { role: "admin" })]);
    const noEmails = { ...rootly("r-2", "bob@example.com"), emails: null } as unknown as Account;
    const handBuilt = {
      ...built,
      vendors: [],
      people: [{ ...built.people[0]!, accounts: [...built.people[0]!.accounts, noEmails] }],
    };
    expect(adminsByVendor(handBuilt).rootly!.map(({ account }) => account.source.id)).toEqual([
      "r-1",
    ]);
    expect(lookupEmail(handBuilt, "jane@example.com")?.strength).toBe("login/primary");
    expect(lookupEmail(handBuilt, "bob@example.com")).toBeUndefined();
  });
});

describe("buildDirectory's people, at the edges of its shortcuts", () => {
  it("orders one vendor's accounts by id even where the ids' JSON would order them otherwise", () => {
    // "\u0001" sorts before "!" as text, after it once JSON escapes it.
    const ids = ["a!", "a\u0001"];
    const accounts = ids.map((id) =>
      account("rootly", "rootly.user", id, [["ann@example.com", "primary"]]),
    );
    const [person] = buildDirectory(accounts).people;
    expect(person!.accounts.map((a) => a.source.id)).toEqual(["a\u0001", "a!"]);
  });

  it("lists each person's own vendors when there are more vendors than a shared list can key", () => {
    // Forty vendors, each with one person of its own and one shared with the next vendor.
    const vendors = Array.from({ length: 40 }, (_, n) => `v${String(n).padStart(2, "0")}`);
    const accounts = vendors.flatMap((vendor, n) => [
      account(vendor, `${vendor}.user`, "own", [[`own${n}@example.com`, "login"]]),
      account(vendor, `${vendor}.user`, "pair", [[`pair${n >> 1}@example.com`, "login"]]),
    ]);
    const directory = buildDirectory(accounts);
    expect(directory.people).toHaveLength(60);
    for (const person of directory.people) {
      expect(person.vendors).toEqual(person.accounts.map((a) => a.source.vendor));
    }
  });
});
