import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Account, AccountIssue, EmailKind } from "../../src/identity/index";
import {
  IdentityError,
  accountsByVendor,
  adminsByVendor,
  allAccounts,
  buildDirectory,
  defineAccount,
  diffDirectories,
  email,
  findPerson,
  lookupEmail,
  peopleMissingFromVendors,
} from "../../src/identity/index";
import { account } from "./account-fixtures";

const opsgenie = (id: string, login: string, contacts: string[] = [], extra = {}) =>
  account(
    "opsgenie",
    "opsgenie.user",
    id,
    [[login, "login"], ...contacts.map((value) => [value, "contact"] as const)],
    extra,
  );
const uptrends = (id: string, primary: string, backup?: string, extra = {}) =>
  account(
    "uptrends",
    "uptrends.operator",
    id,
    [[primary, "primary"], ...(backup === undefined ? [] : [[backup, "backup"] as const])],
    extra,
  );
const rootly = (id: string, primary: string, extra = {}) =>
  account("rootly", "rootly.user", id, [[primary, "primary"]], extra);

describe("buildDirectory clustering", () => {
  it("joins accounts whose login/primary addresses differ only in case and spacing", () => {
    const directory = buildDirectory([
      opsgenie("og-1", "Jane@Example.com"),
      uptrends("up-1", " jane@example.COM "),
    ]);
    expect(directory.people).toHaveLength(1);
    const [jane] = directory.people;
    expect(jane!.id).toBe("jane@example.com");
    expect(jane!.vendors).toEqual(["opsgenie", "uptrends"]);
    expect(jane!.evidence).toEqual([
      {
        email: "jane@example.com",
        strength: "login/primary",
        links: [
          { account: jane!.accounts[0]!.source, via: "login", address: "jane@example.com" },
          { account: jane!.accounts[1]!.source, via: "primary", address: "jane@example.com" },
        ],
      },
    ]);
  });

  it("reports a backup-only match as a contact match, without merging", () => {
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com"),
      uptrends("up-2", "bob@example.com", "jane@example.com"),
    ]);
    expect(directory.people.map((person) => person.id)).toEqual([
      "bob@example.com",
      "jane@example.com",
    ]);
    const jane = findPerson(directory, "jane@example.com")!;
    expect(jane.accounts.map((a) => a.source.id)).toEqual(["r-1"]);
    expect(jane.contactMatches).toEqual([
      {
        email: "jane@example.com",
        strength: "backup/contact",
        account: { vendor: "uptrends", kind: "uptrends.operator", id: "up-2" },
        via: "backup",
        personId: "bob@example.com",
      },
    ]);
  });

  it("does not merge two accounts that share only a contact address", () => {
    const directory = buildDirectory([
      opsgenie("og-1", "a@example.com", ["team@example.com"]),
      opsgenie("og-2", "b@example.com", ["team@example.com"]),
    ]);
    expect(directory.people).toHaveLength(2);
  });

  it("never merges on names or phone numbers", () => {
    const directory = buildDirectory([
      rootly("r-1", "jane@example.com", { name: "Jane Smith", phone: "+61400000000" }),
      rootly("r-2", "jane.smith@other.example", { name: "Jane Smith", phone: "+61400000000" }),
    ]);
    expect(directory.people).toHaveLength(2);
  });

  it("joins declared aliases, transitively, and records the original addresses", () => {
    const directory = buildDirectory(
      [
        rootly("r-1", "jane@example.com"),
        uptrends("up-1", "jsmith@corp.example"),
        opsgenie("og-1", "JANE@old.example"),
      ],
      {
        aliases: [
          ["jsmith@corp.example", "jane@example.com"],
          ["Jane@Old.example", "jsmith@corp.example"],
        ],
      },
    );
    expect(directory.people).toHaveLength(1);
    const jane = directory.people[0]!;
    expect(jane.id).toBe("jane@example.com");
    expect(jane.evidence[0]!.links.map((link) => link.address).sort()).toEqual([
      "jane@example.com",
      "jane@old.example",
      "jsmith@corp.example",
    ]);
    expect(findPerson(directory, "jane@OLD.example")).toBe(jane);
  });

  it("joins Gmail dot/+tag variants only when asked", () => {
    const accounts = [rootly("r-1", "j.smith@gmail.com"), opsgenie("og-1", "jsmith+ops@gmail.com")];
    expect(buildDirectory(accounts).people).toHaveLength(2);
    const joined = buildDirectory(accounts, { gmail: { ignoreDots: true, ignorePlusTags: true } });
    expect(joined.people).toHaveLength(1);
    expect(findPerson(joined, "JSmith@googlemail.com")).toBe(joined.people[0]);
  });

  it("rejects a malformed alias with a typed error naming where it is", () => {
    expect(() => buildDirectory([], { aliases: [["ok@example.com", "not-an-address"]] })).toThrow(
      expect.objectContaining({ code: "invalid-option", path: "aliases[0][1]" }),
    );
    expect(() => buildDirectory([], { aliases: [["ok@example.com", "x"]] })).toThrow(IdentityError);
  });

  it("reports broken records instead of crashing", () => {
    const broken = [
      null,
      { source: { vendor: "eagle" } },
      { source: { vendor: "rootly", kind: "rootly.user", id: "r-9" }, emails: null, raw: null },
      { source: { vendor: "rootly", kind: "rootly.user", id: "r-8" }, emails: "x", raw: null },
      {
        source: { vendor: "opsgenie", kind: "opsgenie.user", id: "og-9" },
        emails: [null, { value: "bad", normalized: null, kind: "login" }, { value: "x@y.example" }],
        raw: null,
      },
      opsgenie("og-1", "ok@example.com"),
    ] as unknown as Account[];
    const adapterIssue: AccountIssue = {
      vendor: "uptrends",
      kind: "uptrends.operator",
      reason: "no OperatorGuid",
      raw: {},
    };
    const directory = buildDirectory(broken, { issues: [adapterIssue] });
    expect(directory.people.map((person) => person.id)).toEqual([
      "ok@example.com",
      "opsgenie:opsgenie.user:og-9",
      "rootly:rootly.user:r-8",
      "rootly:rootly.user:r-9",
    ]);
    expect(directory.issues.map((issue) => issue.reason)).toEqual(
      expect.arrayContaining([
        "no OperatorGuid",
        expect.stringMatching(/^not an account/),
        "emails is not a list; ignored",
        "emails[0] has no valid kind; ignored",
        "emails[1] is not a valid email address; ignored",
        "emails[2] has no valid kind; ignored",
      ]),
    );
    expect(directory.issues.filter((issue) => /^not an account/.test(issue.reason))).toHaveLength(
      2,
    );
  });

  it("gives the same issues for any input order, duplicates held by two people included", () => {
    // One record listed four times: twice with one address, twice with another.
    const copy = (address: string, tag: string) => ({
      ...account("rootly", "rootly.user", "r-1", [[address, "primary"]]),
      raw: { tag },
    });
    const [a1, a2, b1, b2] = [
      copy("a@example.com", "a1"),
      copy("a@example.com", "a2"),
      copy("b@example.com", "b1"),
      copy("b@example.com", "b2"),
    ];
    const built = buildDirectory([a1, b1, a2, b2]);
    expect(buildDirectory([a1, b1, b2, a2])).toEqual(built);
    expect(buildDirectory([b2, a2, b1, a1])).toEqual(built);
    expect(built.issues.map((issue) => issue.raw)).toEqual([{ tag: "a2" }, { tag: "b2" }]);
  });

  it("orders hand-built copies of one record without raw content by the rest of the account", () => {
    const copy = (name: string) => {
      const { raw: _raw, ...rest } = account(
        "rootly",
        "rootly.user",
        "r-1",
        [["a@example.com", "primary"]],
        { name },
      );
      return rest as Account;
    };
    const [ann, bob] = [copy("Ann Lee"), copy("Bob Ray")];
    const names = (built: ReturnType<typeof buildDirectory>) =>
      built.people[0]!.accounts.map((a) => a.names.display);
    expect(names(buildDirectory([bob, ann]))).toEqual(names(buildDirectory([ann, bob])));
  });

  it("reports duplicates whose content JSON cannot write, instead of throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const copies = [{ n: 1n }, { n: 2n }, cyclic].map((raw) => ({
      ...account("rootly", "rootly.user", "r-1", [["a@example.com", "primary"]]),
      raw,
    }));
    const directory = buildDirectory(copies);
    expect(directory.people).toHaveLength(1);
    expect(directory.people[0]!.accounts).toHaveLength(3);
    expect(directory.issues.map((issue) => issue.reason)).toEqual([
      "duplicate account: the same vendor, kind and id twice",
      "duplicate account: the same vendor, kind and id twice",
    ]);
  });

  it("keeps one person for a record listed twice, and reports the duplicate", () => {
    const directory = buildDirectory([
      rootly("r-1", "a@example.com"),
      rootly("r-1", "a@example.com"),
    ]);
    expect(directory.people).toHaveLength(1);
    expect(directory.people[0]!.accounts).toHaveLength(2);
    expect(directory.issues.map((issue) => issue.reason)).toEqual([
      "duplicate account: the same vendor, kind and id twice",
    ]);
  });
});

describe("directory queries", () => {
  const directory = buildDirectory(
    [
      opsgenie("og-1", "jane@example.com", [], { role: "owner" }),
      uptrends("up-1", "jane@example.com", "jane.personal@example.net", { role: "admin" }),
      rootly("r-1", "jane@example.com"),
      rootly("r-2", "bob@example.com", { role: "admin" }),
      uptrends("up-2", "bob@example.com"),
      opsgenie("og-2", "carol@example.com"),
    ],
    { vendors: ["eagle", "opsgenie", "rootly", "uptrends"] },
  );

  it("finds people by any address, saying how", () => {
    expect(lookupEmail(directory, " JANE@example.com")).toMatchObject({
      person: { id: "jane@example.com" },
      strength: "login/primary",
    });
    expect(lookupEmail(directory, "jane.personal@example.net")).toMatchObject({
      person: { id: "jane@example.com" },
      strength: "backup/contact",
    });
    expect(findPerson(directory, "nobody@example.com")).toBeUndefined();
    expect(() => findPerson(directory, "not an address")).toThrow(IdentityError);
  });

  it("lists a vendor's accounts", () => {
    expect(accountsByVendor(directory, "rootly").map((a) => a.source.id)).toEqual(["r-2", "r-1"]);
    expect(accountsByVendor(directory, "eagle")).toEqual([]);
  });

  it("lists people missing from some vendors", () => {
    const missing = peopleMissingFromVendors(directory, ["opsgenie", "rootly", "uptrends"]);
    expect(missing.map(({ person, missing }) => [person.id, missing])).toEqual([
      ["bob@example.com", ["opsgenie"]],
      ["carol@example.com", ["rootly", "uptrends"]],
    ]);
    // Default: every vendor the directory covers, including eagle where nobody is.
    expect(peopleMissingFromVendors(directory)).toHaveLength(3);
  });

  it("lists admins per vendor", () => {
    const admins = adminsByVendor(directory);
    expect(Object.keys(admins).sort()).toEqual(["eagle", "opsgenie", "rootly", "uptrends"]);
    expect(admins.opsgenie!.map(({ account }) => account.source.id)).toEqual(["og-1"]);
    expect(admins.rootly!.map(({ person }) => person.id)).toEqual(["bob@example.com"]);
    expect(admins.uptrends!.map(({ account }) => account.role.raw)).toEqual(["admin"]);
    expect(admins.eagle).toEqual([]);
  });
});

describe("diffDirectories", () => {
  it("reports who joined, who left, and role changes", () => {
    const before = buildDirectory([
      rootly("r-1", "jane@example.com"),
      rootly("r-2", "bob@example.com", { role: "admin" }),
    ]);
    const after = buildDirectory([
      rootly("r-2", "bob@example.com", { role: "member" }),
      opsgenie("og-3", "carol@example.com"),
      opsgenie("og-2", "bob@example.com"),
    ]);
    const diff = diffDirectories(before, after);
    expect(diff.joined.map((person) => person.id)).toEqual(["carol@example.com"]);
    expect(diff.left.map((person) => person.id)).toEqual(["jane@example.com"]);
    expect(diff.roleChanged).toEqual([
      {
        account: { vendor: "rootly", kind: "rootly.user", id: "r-2" },
        personId: "bob@example.com",
        before: { level: "admin", raw: "admin" },
        after: { level: "member", raw: "member" },
      },
    ]);
    expect(diff.accountsAdded.map((change) => change.account.source.id).sort()).toEqual([
      "og-2",
      "og-3",
    ]);
    expect(diff.accountsRemoved.map((change) => change.account.source.id)).toEqual(["r-1"]);
  });

  it("reports a renamed role at the same level, and who holds the account now", () => {
    const named = (raw: string) =>
      defineAccount({
        source: { vendor: "rootly", kind: "rootly.user", id: "r-1" },
        raw: {},
        emails: [email("jane@example.com", "primary")],
        role: { level: "admin", raw },
      });
    const diff = diffDirectories(
      buildDirectory([named("Admin")]),
      buildDirectory([named("Incident admin")]),
    );
    expect(diff.roleChanged).toEqual([
      {
        account: { vendor: "rootly", kind: "rootly.user", id: "r-1" },
        personId: "jane@example.com",
        before: { level: "admin", raw: "Admin" },
        after: { level: "admin", raw: "Incident admin" },
      },
    ]);
    expect(diff.accountsAdded).toEqual([]);
    expect(diff.accountsRemoved).toEqual([]);
  });

  it("knows a person without any address by their accounts", () => {
    const anonymous = (id: string) =>
      defineAccount({ source: { vendor: "uptrends", kind: "uptrends.operator", id }, raw: {} });
    const before = buildDirectory([anonymous("guid-1"), anonymous("guid-2")]);
    const after = buildDirectory([anonymous("guid-2"), anonymous("guid-3")]);
    const diff = diffDirectories(before, after);
    expect(diff.left.map((person) => person.accounts[0]!.source.id)).toEqual(["guid-1"]);
    expect(diff.joined.map((person) => person.accounts[0]!.source.id)).toEqual(["guid-3"]);
    expect(diff.accountsRemoved.map((change) => change.personId)).toEqual([before.people[0]!.id]);
    expect(diff.accountsAdded.map((change) => change.account.source.id)).toEqual(["guid-3"]);
  });

  it("finds nothing between a directory and itself", () => {
    const directory = buildDirectory([rootly("r-1", "jane@example.com")]);
    expect(diffDirectories(directory, directory)).toEqual({
      joined: [],
      left: [],
      roleChanged: [],
      accountsAdded: [],
      accountsRemoved: [],
    });
  });
});

describe("buildDirectory properties", () => {
  const address = fc
    .tuple(
      fc.constantFrom("ann", "Bob", "cat", "d.e", "EVE"),
      fc.constantFrom("example.com", "Example.org", "bücher.example"),
    )
    .map(([local, domain]) => `${local}@${domain}`);
  const kind = fc.constantFrom<EmailKind>("login", "primary", "backup", "contact");
  const vendor = fc.constantFrom(
    ["opsgenie", "opsgenie.user"],
    ["rootly", "rootly.user"],
    ["uptrends", "uptrends.operator"],
    ["eagle", "eagle.administrator"],
  );
  const accountsArb = fc
    .uniqueArray(
      fc.record({
        vendor,
        id: fc.string({ minLength: 1, maxLength: 4 }),
        emails: fc.array(fc.tuple(fc.oneof(address, fc.constant("broken")), kind), {
          maxLength: 3,
        }),
        name: fc.option(fc.constantFrom("Ann Lee", "Bo")),
      }),
      { selector: (entry) => `${entry.vendor[0]}/${entry.id}`, maxLength: 25 },
    )
    .map((entries) =>
      entries.map((entry) =>
        account(entry.vendor[0]!, entry.vendor[1]!, entry.id, entry.emails, {
          ...(entry.name !== null && { name: entry.name }),
        }),
      ),
    );

  it("does not depend on input order", () => {
    fc.assert(
      fc.property(accountsArb, fc.infiniteStream(fc.nat()), (accounts, randoms) => {
        const shuffled = [...accounts];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(buildDirectory(shuffled)).toEqual(buildDirectory(accounts));
      }),
    );
  });

  it("is idempotent: rebuilding from its own accounts gives the same directory", () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const directory = buildDirectory(accounts);
        expect(buildDirectory(allAccounts(directory))).toEqual(directory);
      }),
    );
  });

  /**
   * The joining rule written the plain way: accounts sharing a login/primary address are one
   * person, transitively, and every field of a person follows from its accounts. Default options,
   * no duplicate records.
   */
  function plainPeople(accounts: readonly Account[]) {
    const bySource = (a: Account, b: Account) =>
      byUnits(a.source.vendor, b.source.vendor) ||
      byUnits(a.source.kind, b.source.kind) ||
      byUnits(a.source.id, b.source.id);
    const strongKeys = (a: Account) =>
      a.emails.filter((e) => e.normalized !== null && (e.kind === "login" || e.kind === "primary"));
    // Grow each group until no other account shares one of its addresses.
    const groups: Account[][] = [];
    const left = [...accounts];
    while (left.length > 0) {
      const group = [left.shift()!];
      const keys = new Set(strongKeys(group[0]!).map((e) => e.normalized));
      for (let grown = true; grown;) {
        grown = false;
        for (let n = 0; n < left.length; n++) {
          if (!strongKeys(left[n]!).some((e) => keys.has(e.normalized))) continue;
          const [joined] = left.splice(n--, 1);
          group.push(joined!);
          for (const e of strongKeys(joined!)) keys.add(e.normalized);
          grown = true;
        }
      }
      groups.push(group.sort(bySource));
    }
    const people = groups.map((group) => {
      const emails = [...new Set(group.flatMap((a) => strongKeys(a).map((e) => e.normalized!)))];
      emails.sort(byUnits);
      const holders = (address: string) =>
        group.filter((a) => strongKeys(a).some((e) => e.normalized === address)).length;
      const primaryEmail = emails.reduce<string | null>(
        (best, address) => (best === null || holders(address) > holders(best) ? address : best),
        null,
      );
      const first = group[0]!.source;
      return {
        id: primaryEmail ?? `${first.vendor}:${first.kind}:${first.id}`,
        primaryEmail,
        emails,
        displayName: group.find((a) => typeof a.names.display === "string")?.names.display ?? null,
        vendors: [...new Set(group.map((a) => a.source.vendor))].sort(byUnits),
        accounts: group,
        evidence: emails.map((address) => ({
          email: address,
          strength: "login/primary",
          links: group.flatMap((a) =>
            [
              ...new Set(
                strongKeys(a)
                  .filter((e) => e.normalized === address)
                  .map((e) => e.kind),
              ),
            ].map((via) => ({ account: a.source, via, address })),
          ),
        })),
        contactMatches: [] as object[],
      };
    });
    const personOf = (a: Account) => people.find((person) => person.accounts.includes(a))!;
    for (const a of accounts) {
      for (const e of a.emails) {
        if (e.normalized === null || e.kind === "login" || e.kind === "primary") continue;
        const target = people.find((person) => person.emails.includes(e.normalized!));
        if (target === undefined || target === personOf(a)) continue;
        target.contactMatches.push({
          email: e.normalized,
          strength: "backup/contact",
          account: a.source,
          via: e.kind,
          personId: personOf(a).id,
        });
      }
    }
    for (const person of people) {
      (person.contactMatches as { email: string; account: Account["source"]; via: string }[]).sort(
        (a, b) =>
          byUnits(a.email, b.email) ||
          byUnits(a.account.vendor, b.account.vendor) ||
          byUnits(a.account.kind, b.account.kind) ||
          byUnits(a.account.id, b.account.id) ||
          byUnits(a.via, b.via),
      );
    }
    return people.sort((a, b) => byUnits(a.id, b.id));
  }
  const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it("builds the people the plain reading of the joining rule gives", () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        expect(buildDirectory(accounts).people).toEqual(plainPeople(accounts));
      }),
      { numRuns: 300 },
    );
  });

  it("shares no list between people that could change under another person", () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const seen = new Map<unknown, string>();
        for (const person of buildDirectory(accounts).people) {
          const lists = [person.emails, person.vendors, person.accounts, person.evidence];
          for (const list of [...lists, person.contactMatches]) {
            if (seen.has(list)) expect(Object.isFrozen(list)).toBe(true);
            seen.set(list, person.id);
          }
        }
      }),
    );
  });

  it("places every input account in exactly one person", () => {
    fc.assert(
      fc.property(accountsArb, (accounts) => {
        const directory = buildDirectory(accounts);
        const placed = allAccounts(directory);
        expect(placed).toHaveLength(accounts.length);
        expect(new Set(placed)).toEqual(new Set(accounts));
        const ids = directory.people.map((person) => person.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});

describe("buildDirectory at scale-shaped inputs", () => {
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it("orders a person's same-vendor accounts by kind and id, however many there are", () => {
    for (const size of [3, 40]) {
      const ids = Array.from({ length: size }, (_, n) => `r-${(n * 7919) % 1000}`);
      const directory = buildDirectory([
        ...ids.map((id) => rootly(id, "team@example.com")),
        opsgenie("og-1", "TEAM@example.com"),
      ]);
      expect(directory.people).toHaveLength(1);
      const person = directory.people[0]!;
      expect(person.accounts.map((a) => a.source.id)).toEqual([
        "og-1",
        ...[...ids].sort(byCodeUnits),
      ]);
      expect(person.vendors).toEqual(["opsgenie", "rootly"]);
      expect(person.evidence[0]!.links).toHaveLength(size + 1);
    }
  });

  it("reports duplicates among many accounts of one vendor", () => {
    const accounts = Array.from({ length: 30 }, (_, n) => rootly(`r-${n % 28}`, "a@example.com"));
    const directory = buildDirectory(accounts);
    expect(directory.people[0]!.accounts).toHaveLength(30);
    expect(directory.issues.map((issue) => issue.id)).toEqual(["r-0", "r-1"]);
  });

  it("links an account once per kind when it lists its address twice, and keeps every address", () => {
    const twice = account("opsgenie", "opsgenie.user", "og-1", [
      ["jane@example.com", "login"],
      ["Jane@Example.com", "primary"],
      ["jane@example.com", "login"],
      ["j.doe@example.com", "primary"],
    ]);
    const directory = buildDirectory([twice, rootly("r-1", "j.doe@example.com")]);
    const person = directory.people[0]!;
    expect(person.emails).toEqual(["j.doe@example.com", "jane@example.com"]);
    // Both addresses are on two links; ties go to the smallest address.
    expect(person.primaryEmail).toBe("j.doe@example.com");
    expect(person.evidence.map((e) => e.links.map((link) => [link.account.id, link.via]))).toEqual([
      [
        ["og-1", "primary"],
        ["r-1", "primary"],
      ],
      [
        ["og-1", "login"],
        ["og-1", "primary"],
      ],
    ]);
  });

  it("joins hand-built records (no normalized field) with non-ASCII addresses to normalised ones", () => {
    const handBuilt = {
      ...rootly("r-1", "placeholder@example.com"),
      emails: [{ value: " JOSE\u0301@Bücher.example", kind: "primary" }],
    } as unknown as Account;
    const directory = buildDirectory([
      handBuilt,
      opsgenie("og-1", "jos\u00e9@xn--bcher-kva.example"),
    ]);
    expect(directory.people).toHaveLength(1);
    expect(directory.people[0]!.id).toBe("jos\u00e9@xn--bcher-kva.example");
  });

  it("sorts people by id even when ids share long prefixes or are not addresses", () => {
    const prefix = "a.very.long.shared.local.part";
    const accounts = [
      rootly("r-1", `${prefix}1@example.com`),
      rootly("r-2", `${prefix}@example.com`),
      rootly("r-3", `${prefix}10@example.com`),
      rootly("r-4", `${prefix}@example.co`),
      rootly("r-5", "not an address"),
      uptrends("up-1", "broken"),
      rootly("r-6", "\u00e9t\u00e9@example.com"),
      rootly("r-7", "zed@example.com"),
    ];
    const ids = buildDirectory(accounts).people.map((person) => person.id);
    expect(ids).toEqual([...ids].sort(byCodeUnits));
    expect(ids).toHaveLength(accounts.length);
    expect(ids).toContain("uptrends:uptrends.operator:up-1");
  });
});
