import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Account, AccountIssue } from "../../src/identity/index";
import { IdentityError, buildDirectory, findPerson } from "../../src/identity/index";
import { account } from "./account-fixtures";

const rootly = (id: string, primary: string, extra = {}) =>
  account("rootly", "rootly.user", id, [[primary, "primary"]], extra);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const reasons = (issues: readonly AccountIssue[]) => issues.map((issue) => issue.reason);

describe("buildDirectory options", () => {
  it("rejects aliases that are not lists, naming where", () => {
    const attempt = (aliases: unknown) => () =>
      buildDirectory([], { aliases: aliases as string[][] });
    expect(attempt("a@example.com")).toThrow(IdentityError);
    expect(attempt("a@example.com")).toThrow(
      expect.objectContaining({
        code: "invalid-option",
        path: "aliases",
        message: "aliases: must be an array of address lists",
      }),
    );
    expect(attempt([["a@example.com"], "b@example.com"])).toThrow(
      expect.objectContaining({
        code: "invalid-option",
        path: "aliases[1]",
        message: "aliases[1]: must be a list of addresses",
      }),
    );
    expect(attempt([["a@example.com", 7]])).toThrow(
      expect.objectContaining({ message: "aliases[0][1]: is not a valid email address" }),
    );
  });

  it("keeps separate alias lists separate, and reports the rules it used", () => {
    const directory = buildDirectory(
      [
        rootly("r-1", "ann@example.com"),
        rootly("r-2", "ann@old.example"),
        rootly("r-3", "bob@example.com"),
        rootly("r-4", "bob@old.example"),
      ],
      {
        aliases: [
          ["ann@old.example", "ann@example.com"],
          ["bob@old.example", "bob@example.com"],
        ],
      },
    );
    expect(directory.people.map((person) => person.accounts.map((a) => a.source.id))).toEqual([
      ["r-1", "r-2"],
      ["r-3", "r-4"],
    ]);
    expect(directory.matching).toEqual({
      gmail: { ignoreDots: false, ignorePlusTags: false },
      aliases: { "ann@old.example": "ann@example.com", "bob@old.example": "bob@example.com" },
    });
  });

  it("reads aliases under the directory's Gmail rules", () => {
    const directory = buildDirectory(
      [rootly("r-1", "jsmith@gmail.com"), rootly("r-2", "john@example.com")],
      { gmail: { ignoreDots: true }, aliases: [["J.Smith@gmail.com", "john@example.com"]] },
    );
    expect(directory.people).toHaveLength(1);
    expect(directory.matching).toEqual({
      gmail: { ignoreDots: true, ignorePlusTags: false },
      aliases: { "jsmith@gmail.com": "john@example.com" },
    });
  });

  it("applies each Gmail option on its own", () => {
    const dots = [rootly("r-1", "j.smith@gmail.com"), rootly("r-2", "jsmith@gmail.com")];
    const tags = [rootly("r-1", "jsmith+ops@gmail.com"), rootly("r-2", "jsmith@gmail.com")];
    expect(buildDirectory(dots, { gmail: { ignoreDots: true } }).people).toHaveLength(1);
    expect(buildDirectory(dots, { gmail: { ignorePlusTags: true } }).people).toHaveLength(2);
    expect(buildDirectory(tags, { gmail: { ignorePlusTags: true } }).people).toHaveLength(1);
    expect(buildDirectory(tags, { gmail: { ignoreDots: true } }).people).toHaveLength(2);
    expect(buildDirectory(tags, { gmail: { ignorePlusTags: true } }).matching.gmail).toEqual({
      ignoreDots: false,
      ignorePlusTags: true,
    });
  });

  it("lists the vendors asked for and the vendors seen, sorted", () => {
    const directory = buildDirectory([rootly("r-1", "a@example.com")], {
      vendors: ["uptrends", "eagle"],
    });
    expect(directory.vendors).toEqual(["eagle", "rootly", "uptrends"]);
    expect(buildDirectory([]).vendors).toEqual([]);
  });
});

describe("buildDirectory records", () => {
  it("reports each record that is not an account, with what it could read", () => {
    const records = [
      null,
      undefined,
      {},
      { source: "rootly" },
      { source: null },
      { source: { vendor: "rootly", kind: "rootly.user" } },
      { source: { vendor: "rootly", id: "r-1" } },
      { source: { kind: "rootly.user", id: "r-1" } },
      { source: { vendor: "rootly", kind: "rootly.user", id: 1 } },
    ] as unknown as Account[];
    const directory = buildDirectory(records);
    expect(directory.people).toEqual([]);
    expect(directory.issues.map(({ vendor, kind }) => [vendor, kind])).toEqual([
      ["rootly", "rootly.user"],
      ["rootly", "rootly.user"],
      ["rootly", "unknown"],
      ["unknown", "rootly.user"],
      ["unknown", "unknown"],
      ["unknown", "unknown"],
      ["unknown", "unknown"],
      ["unknown", "unknown"],
      ["unknown", "unknown"],
    ]);
    expect(reasons(directory.issues).every((reason) => reason.startsWith("not an account"))).toBe(
      true,
    );
  });

  it("orders issues by vendor, kind, id, then reason", () => {
    const issue = (vendor: string, kind: string, reason: string, id?: string): AccountIssue => ({
      vendor,
      kind,
      reason,
      raw: null,
      ...(id === undefined ? {} : { id }),
    });
    const given = [
      issue("uptrends", "b", "r"),
      issue("uptrends", "a", "z", "B"),
      issue("uptrends", "a", "y", "B"),
      issue("uptrends", "a", "x"),
      issue("eagle", "z", "q", "Z"),
    ];
    // Both input orders: a sort may compare a pair either way round.
    for (const input of [[...given].reverse(), given]) {
      const directory = buildDirectory([], { issues: input });
      expect(directory.issues).toEqual([given[4], given[3], given[2], given[1], given[0]]);
    }
  });

  it("takes the display name from the accounts, and accepts records without addresses", () => {
    const named = rootly("r-1", "jane@example.com", { name: "Jane Smith" });
    const bare = { ...rootly("r-2", "x@example.com"), emails: undefined } as unknown as Account;
    const directory = buildDirectory([named, bare]);
    expect(findPerson(directory, "jane@example.com")!.displayName).toBe("Jane Smith");
    const odd = {
      ...rootly("r-3", "odd@example.com"),
      names: { display: 42 },
    } as unknown as Account;
    expect(buildDirectory([odd]).people[0]!.displayName).toBeNull();
    expect(directory.issues).toEqual([]);
    expect(directory.people.map((person) => person.id)).toEqual([
      "jane@example.com",
      "rootly:rootly.user:r-2",
    ]);
  });

  it("joins a record listed twice without login/primary addresses, but not records that only share a source", () => {
    const contactOnly = () =>
      account("opsgenie", "opsgenie.user", "og-1", [["team@example.com", "contact"]]);
    const twice = buildDirectory([contactOnly(), contactOnly()]);
    expect(twice.people).toHaveLength(1);
    expect(twice.people[0]!.accounts).toHaveLength(2);
    const relogged = buildDirectory([
      rootly("r-1", "a@example.com"),
      rootly("r-1", "b@example.com"),
    ]);
    expect(relogged.people.map((person) => person.id)).toEqual(["a@example.com", "b@example.com"]);
  });

  it("reads the accounts from any iterable, as from an array", () => {
    const accounts = [
      rootly("r-1", "ann@example.com"),
      rootly("r-2", "bob@example.com"),
      account("opsgenie", "opsgenie.user", "og-1", [["ann@example.com", "login"]]),
    ];
    const fromArray = buildDirectory(accounts);
    expect(fromArray.people).toHaveLength(2);
    expect(buildDirectory(new Set(accounts))).toEqual(fromArray);
    expect(
      buildDirectory(
        (function* () {
          yield* accounts;
        })(),
      ),
    ).toEqual(fromArray);
  });

  it("joins two pairs of accounts into one person through an account holding an address of each", () => {
    const directory = buildDirectory([
      rootly("r-1", "ann@example.com"),
      rootly("r-2", "ann@example.com"),
      rootly("r-3", "ann@old.example"),
      rootly("r-4", "ann@old.example"),
      account("opsgenie", "opsgenie.user", "og-1", [
        ["ann@example.com", "login"],
        ["ann@old.example", "primary"],
      ]),
    ]);
    expect(directory.people.map((person) => person.accounts.map((a) => a.source.id))).toEqual([
      ["og-1", "r-1", "r-2", "r-3", "r-4"],
    ]);
  });

  it("matches on the address an adapter normalised, reading the raw value only without one", () => {
    // An adapter that pulled the address out of a display form ("Name <address>") says so in
    // `normalized`; the directory takes its word rather than refusing the raw text.
    const extracted = {
      ...rootly("r-1", "x@example.com"),
      emails: [
        { value: "Jane Doe <Jane@Example.com>", normalized: "jane@example.com", kind: "login" },
      ],
    } as unknown as Account;
    const directory = buildDirectory([extracted, rootly("r-2", "JANE@example.com")]);
    expect(directory.issues).toEqual([]);
    expect(directory.people.map((person) => person.accounts.length)).toEqual([2]);
    expect(directory.people[0]!.id).toBe("jane@example.com");
  });

  it("normalises each hand-built address on its own", () => {
    const handBuilt = (id: string, value: unknown) =>
      ({
        ...rootly(id, "x@example.com"),
        emails: [{ value, kind: "primary" }],
      }) as unknown as Account;
    const directory = buildDirectory([
      handBuilt("r-1", "Ann@Example.com"),
      handBuilt("r-2", "Bob@Example.com"),
      handBuilt("r-3", 42),
      handBuilt("r-4", "ANN@example.com"),
    ]);
    expect(directory.people.map((person) => person.id)).toEqual([
      "ann@example.com",
      "bob@example.com",
      "rootly:rootly.user:r-3",
    ]);
    expect(reasons(directory.issues)).toEqual(["emails[0] is not a valid email address; ignored"]);
  });
});

describe("buildDirectory contact matches", () => {
  it("reports contact and backup matches in order of address, account and kind", () => {
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com"),
      account("rootly", "rootly.user", "r-2", [["jane.doe@example.com", "primary"]]),
      account("opsgenie", "opsgenie.user", "og-2", [
        ["ops@example.com", "login"],
        ["jane@example.com", "contact"],
        ["jane.doe@example.com", "backup"],
      ]),
      account("opsgenie", "opsgenie.user", "og-1", [
        ["other@example.com", "login"],
        ["jane@example.com", "contact"],
      ]),
      account("rootly", "rootly.user", "r-1", [["jane.doe@example.com", "primary"]]),
    ]);
    const jane = findPerson(directory, "jane@example.com")!;
    expect(jane.contactMatches.map((match) => [match.email, match.account.id, match.via])).toEqual([
      ["jane@example.com", "og-1", "contact"],
      ["jane@example.com", "og-2", "contact"],
    ]);
    const doe = findPerson(directory, "jane.doe@example.com")!;
    expect(doe.contactMatches).toEqual([
      {
        email: "jane.doe@example.com",
        strength: "backup/contact",
        account: { vendor: "opsgenie", kind: "opsgenie.user", id: "og-2" },
        via: "backup",
        personId: "ops@example.com",
      },
    ]);
    expect(directory.issues.filter((issue) => !issue.reason.startsWith("duplicate"))).toEqual([]);
  });

  it("does not report a person's own backup address as a contact match", () => {
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com"),
      account("uptrends", "uptrends.operator", "up-1", [
        ["jane.work@example.com", "primary"],
        ["jane@example.com", "backup"],
      ]),
      account("opsgenie", "opsgenie.user", "og-1", [
        ["jane@example.com", "login"],
        ["jane.work@example.com", "primary"],
      ]),
    ]);
    expect(directory.people).toHaveLength(1);
    expect(directory.people[0]!.contactMatches).toEqual([]);
  });
});

describe("buildDirectory people order", () => {
  it("sorts people by id, code unit by code unit, whatever their lengths", () => {
    const local = fc
      .array(fc.constantFrom("a", "b", "z", "0", "9", "-"), { minLength: 1, maxLength: 16 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(fc.uniqueArray(local, { minLength: 2, maxLength: 12 }), (locals) => {
        const directory = buildDirectory(locals.map((name, n) => rootly(`r-${n}`, `${name}@x.io`)));
        const ids = directory.people.map((person) => person.id);
        expect(ids).toEqual(locals.map((name) => `${name}@x.io`).sort(byCodeUnits));
      }),
    );
  });

  it("sorts ids that differ early but not in later characters", () => {
    const ids = buildDirectory([
      rootly("r-1", "ba.a@e.example"),
      rootly("r-2", "ab.z@e.example"),
      rootly("r-3", "ab1@e.example"),
      rootly("r-4", "ab2@e.example"),
    ]).people.map((person) => person.id);
    expect(ids).toEqual(["ab.z@e.example", "ab1@e.example", "ab2@e.example", "ba.a@e.example"]);
  });

  it("sorts an id that ends inside a compared chunk after a longer, smaller one", () => {
    const ids = buildDirectory([
      rootly("r-1", "bb@x.io"),
      rootly("r-2", "bb@x.iabcdef"),
      rootly("r-3", "bbb@x.io"),
      rootly("r-4", "bbb@x.iabcdef"),
    ]).people.map((person) => person.id);
    expect(ids).toEqual(["bb@x.iabcdef", "bb@x.io", "bbb@x.iabcdef", "bbb@x.io"]);
  });
});
