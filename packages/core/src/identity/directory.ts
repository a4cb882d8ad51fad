import type { Account, AccountIssue, AccountSource } from "./account";
import type { EmailKind, EmailMatchOptions } from "./email";
import { applyMatchOptions, normalizeEmail } from "./email";
import { IdentityError } from "./identity-error";
import { compareSources, compareStrings, sourceKey } from "./source-key";
import { UnionFind } from "./union-find";
import type { VendorId } from "./vendors";

/** Options for {@link buildDirectory}. */
export interface DirectoryOptions extends EmailMatchOptions {
  /**
   * Addresses a user declares to be one person: each inner list is joined, as if the accounts
   * shared one address. Lists sharing an address are joined with each other.
   */
  readonly aliases?: readonly (readonly string[])[];
  /** The vendors the directory covers, for "missing from" queries; vendors seen are added. */
  readonly vendors?: readonly VendorId[];
  /** Issues adapters reported, carried into `directory.issues`. */
  readonly issues?: Iterable<AccountIssue>;
}

/** One account's part in a join: which of its addresses, of which kind. */
export interface MatchLink {
  readonly account: AccountSource;
  readonly via: EmailKind;
  /** The account's own normalised address; differs from the evidence email after an alias join. */
  readonly address: string;
}

/** A login/primary address (as matched) and every account of the person that carries it. */
export interface MatchEvidence {
  readonly email: string;
  readonly strength: "login/primary";
  readonly links: readonly MatchLink[];
}

/**
 * Another person's account that lists one of this person's login/primary addresses only as a
 * backup or contact address. Reported for review, never merged.
 */
export interface ContactMatch {
  readonly email: string;
  readonly strength: "backup/contact";
  readonly account: AccountSource;
  readonly via: "backup" | "contact";
  /** The person that account belongs to. */
  readonly personId: string;
}

/** Accounts believed to be one human, with the evidence. */
export interface Person {
  /**
   * Stable id: the primary email; for a person with no usable login/primary address,
   * `vendor:kind:id` of their first account.
   */
  readonly id: string;
  /** The login/primary address most of their accounts share (ties: the smallest). */
  readonly primaryEmail: string | null;
  /** Every login/primary address (as matched), sorted. */
  readonly emails: readonly string[];
  readonly displayName: string | null;
  readonly vendors: readonly VendorId[];
  /** Sorted by vendor, kind, id. */
  readonly accounts: readonly Account[];
  readonly evidence: readonly MatchEvidence[];
  readonly contactMatches: readonly ContactMatch[];
}

/** The matching rules a directory was built with, as plain data so queries can repeat them. */
export interface DirectoryMatching {
  readonly gmail: { readonly ignoreDots: boolean; readonly ignorePlusTags: boolean };
  /** Normalised alias address → the address it is joined to. */
  readonly aliases: Readonly<Record<string, string>>;
}

/** People across vendors. Plain, serialisable data; query it with the functions beside it. */
export interface Directory {
  /** Sorted by id; the same for any order of the input. */
  readonly people: readonly Person[];
  /** Records adapters could not read, and problems the build found (bad emails, duplicates). */
  readonly issues: readonly AccountIssue[];
  readonly vendors: readonly VendorId[];
  readonly matching: DirectoryMatching;
}

const STRONG: ReadonlySet<unknown> = new Set(["login", "primary"]);
const WEAK: ReadonlySet<unknown> = new Set(["backup", "contact"]);

function resolveMatching(options: DirectoryOptions): DirectoryMatching {
  const gmail = {
    ignoreDots: options.gmail?.ignoreDots === true,
    ignorePlusTags: options.gmail?.ignorePlusTags === true,
  };
  const groups = options.aliases ?? [];
  if (!Array.isArray(groups)) {
    throw new IdentityError("invalid-option", "must be an array of address lists", "aliases");
  }
  const addresses: string[] = [];
  const indexOf = new Map<string, number>();
  const pairs: [number, number][] = [];
  groups.forEach((group: unknown, g) => {
    if (!Array.isArray(group)) {
      throw new IdentityError("invalid-option", "must be a list of addresses", `aliases[${g}]`);
    }
    let first = -1;
    group.forEach((value: unknown, a) => {
      const address = normalizeEmail(value, { gmail });
      if (address === null) {
        throw new IdentityError(
          "invalid-option",
          "is not a valid email address",
          `aliases[${g}][${a}]`,
        );
      }
      let index = indexOf.get(address);
      if (index === undefined) {
        index = addresses.push(address) - 1;
        indexOf.set(address, index);
      }
      if (first < 0) first = index;
      else pairs.push([first, index]);
    });
  });
  const sets = new UnionFind(addresses.length);
  for (const [a, b] of pairs) sets.union(a, b);
  // Each set joins to its smallest address, so the result does not depend on list order.
  const smallest = new Map<number, string>();
  addresses.forEach((address, i) => {
    const root = sets.find(i);
    const current = smallest.get(root);
    if (current === undefined || address < current) smallest.set(root, address);
  });
  const aliases: Record<string, string> = {};
  addresses.forEach((address, i) => {
    const target = smallest.get(sets.find(i))!;
    if (target !== address) aliases[address] = target;
  });
  return { gmail, aliases };
}

/** Turns an address into the key people are matched on, under a directory's rules. */
export function matchKeyFor(matching: DirectoryMatching): (normalized: string) => string {
  const aliases = new Map(Object.entries(matching.aliases));
  const options: EmailMatchOptions = { gmail: matching.gmail };
  const adjust = matching.gmail.ignoreDots || matching.gmail.ignorePlusTags;
  if (!adjust && aliases.size === 0) return (normalized) => normalized;
  return (normalized) => {
    const key = adjust ? applyMatchOptions(normalized, options) : normalized;
    return aliases.get(key) ?? key;
  };
}

function isAccountLike(value: unknown): value is Account {
  if (typeof value !== "object" || value === null) return false;
  const source = (value as { source?: unknown }).source;
  if (typeof source !== "object" || source === null) return false;
  const { vendor, kind, id } = source as Record<string, unknown>;
  return typeof vendor === "string" && typeof kind === "string" && typeof id === "string";
}

function issueFor(account: Account, reason: string): AccountIssue {
  const { vendor, kind, id } = account.source;
  return { vendor, kind, id, reason, raw: account.raw };
}

function compareIssues(a: AccountIssue, b: AccountIssue): number {
  return (
    compareStrings(String(a.vendor), String(b.vendor)) ||
    compareStrings(String(a.kind), String(b.kind)) ||
    compareStrings(a.id ?? "", b.id ?? "") ||
    compareStrings(String(a.reason), String(b.reason))
  );
}

function compareAccounts(a: Account, b: Account): number {
  // Exact duplicates are reported as issues; order them by content so input order cannot show.
  return (
    compareSources(a.source, b.source) ||
    compareStrings(JSON.stringify(a.raw) ?? "", JSON.stringify(b.raw) ?? "")
  );
}

/**
 * Join accounts into people. The rule: accounts sharing a login or primary address (after
 * normalisation, Gmail options and aliases) are one person, transitively. Backup and contact
 * addresses never join; one that equals another person's login/primary address is reported on
 * that person as a contact match. Names and phones are never used. Records that are not accounts
 * or have unusable fields are reported in `issues`, never thrown.
 */
export function buildDirectory(
  accounts: Iterable<Account>,
  options: DirectoryOptions = {},
): Directory {
  const matching = resolveMatching(options);
  const keyOf = matchKeyFor(matching);
  const issues: AccountIssue[] = [...(options.issues ?? [])];
  const vendorSet = new Set<VendorId>(options.vendors ?? []);

  const list: Account[] = [];
  for (const candidate of accounts as Iterable<unknown>) {
    if (isAccountLike(candidate)) {
      list.push(candidate);
      continue;
    }
    const source = (candidate as { source?: Record<string, unknown> } | null)?.source;
    issues.push({
      vendor: typeof source?.vendor === "string" ? source.vendor : "unknown",
      kind: typeof source?.kind === "string" ? source.kind : "unknown",
      reason: "not an account: it needs source.vendor, source.kind and source.id as strings",
      raw: candidate,
    });
  }

  const count = list.length;
  const sets = new UnionFind(count);
  // Flat arrays of (account, key, kind), grouped by account, avoid an object per address.
  const entryStart = new Int32Array(count + 1);
  const entryKey: string[] = [];
  const entryKind: EmailKind[] = [];
  const entryAddress: string[] = [];
  const strongOwner = new Map<string, number>();
  // Accounts with no login/primary address are still one person per vendor record.
  const emaillessBySource = new Map<string, number>();
  const renormalized = new Map<string, string | null>();

  for (let i = 0; i < count; i++) {
    entryStart[i] = entryKey.length;
    const account = list[i]!;
    vendorSet.add(account.source.vendor);
    const emails: unknown = account.emails;
    let joined = false;
    if (!Array.isArray(emails)) {
      if (emails != null) issues.push(issueFor(account, "emails is not a list; ignored"));
    }
    for (let e = 0; Array.isArray(emails) && e < emails.length; e++) {
      const entry = emails[e] as Partial<Account["emails"][number]> | null | undefined;
      const kind = entry?.kind;
      const strong = STRONG.has(kind);
      if (!strong && !WEAK.has(kind)) {
        issues.push(issueFor(account, `emails[${e}] has no valid kind; ignored`));
        continue;
      }
      let normalized = entry!.normalized;
      if (typeof normalized !== "string") {
        // Adapters normally normalise once via email(); cover records built by hand.
        const value = entry!.value;
        const cacheKey = typeof value === "string" ? value : "";
        normalized = renormalized.get(cacheKey);
        if (normalized === undefined) {
          normalized = normalizeEmail(value);
          renormalized.set(cacheKey, normalized);
        }
      }
      if (normalized === null) {
        issues.push(issueFor(account, `emails[${e}] is not a valid email address; ignored`));
        continue;
      }
      const matchKey = keyOf(normalized);
      entryKey.push(matchKey);
      entryKind.push(kind as EmailKind);
      entryAddress.push(normalized);
      if (strong) {
        joined = true;
        const owner = strongOwner.get(matchKey);
        if (owner === undefined) strongOwner.set(matchKey, i);
        else sets.union(i, owner);
      }
    }
    if (!joined) {
      const key = sourceKey(account.source);
      const twin = emaillessBySource.get(key);
      if (twin === undefined) emaillessBySource.set(key, i);
      else sets.union(i, twin);
    }
  }
  entryStart[count] = entryKey.length;
  const entries: Entries = {
    start: entryStart,
    key: entryKey,
    kind: entryKind,
    address: entryAddress,
  };

  // Counting sort of accounts by their set: each person's accounts become one contiguous run.
  const root = new Int32Array(count);
  const runLength = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const r = sets.find(i);
    root[i] = r;
    runLength[r]!++;
  }
  const runStart = new Int32Array(count);
  let offset = 0;
  for (let r = 0; r < count; r++) {
    if (runLength[r]! > 0) {
      runStart[r] = offset;
      offset += runLength[r]!;
    }
  }
  const fill = runStart.slice();
  const ordered = new Int32Array(count);
  for (let i = 0; i < count; i++) ordered[fill[root[i]!]!++] = i;

  const personOfRoot = new Int32Array(count);
  const people: MutablePerson[] = [];
  for (let r = 0; r < count; r++) {
    const length = runLength[r]!;
    if (length === 0) continue;
    const person = makePerson(list, ordered, runStart[r]!, length, entries, issues);
    personOfRoot[r] = people.length;
    people.push(person);
  }

  // Backup/contact addresses equal to another person's login/primary one: report, never merge.
  for (let i = 0; i < count; i++) {
    for (let e = entryStart[i]!; e < entryStart[i + 1]!; e++) {
      const via = entryKind[e]!;
      if (via !== "backup" && via !== "contact") continue;
      const owner = strongOwner.get(entryKey[e]!);
      if (owner === undefined) continue;
      const target = people[personOfRoot[root[owner]!]!]!;
      const own = people[personOfRoot[root[i]!]!]!;
      if (target === own) continue;
      target.contactMatches.push({
        email: entryKey[e]!,
        strength: "backup/contact",
        account: list[i]!.source,
        via,
        personId: own.id,
      });
    }
  }
  for (const person of people) {
    if (person.contactMatches.length > 1) person.contactMatches.sort(compareContactMatches);
  }

  people.sort((a, b) => compareStrings(a.id, b.id));
  issues.sort(compareIssues);
  return {
    people,
    issues,
    vendors: [...vendorSet].sort(compareStrings),
    matching,
  };
}

interface Entries {
  readonly start: Int32Array;
  readonly key: readonly string[];
  readonly kind: readonly EmailKind[];
  readonly address: readonly string[];
}

type MutablePerson = Person & { contactMatches: ContactMatch[] };

function compareContactMatches(a: ContactMatch, b: ContactMatch): number {
  return (
    compareStrings(a.email, b.email) ||
    compareSources(a.account, b.account) ||
    compareStrings(a.via, b.via)
  );
}

function makePerson(
  list: readonly Account[],
  ordered: Int32Array,
  start: number,
  length: number,
  entries: Entries,
  issues: AccountIssue[],
): MutablePerson {
  let members: number[];
  let accounts: Account[];
  if (length === 1) {
    members = [ordered[start]!];
    accounts = [list[members[0]!]!];
  } else {
    members = [];
    for (let k = start; k < start + length; k++) members.push(ordered[k]!);
    members.sort((a, b) => compareAccounts(list[a]!, list[b]!));
    accounts = members.map((i) => list[i]!);
  }
  // A record listed twice shares its addresses, so both copies land here, side by side.
  for (let a = 1; a < accounts.length; a++) {
    if (compareSources(accounts[a - 1]!.source, accounts[a]!.source) === 0) {
      issues.push(issueFor(accounts[a]!, "duplicate account: the same vendor, kind and id twice"));
    }
  }

  // Most people have a handful of addresses: parallel arrays beat a Map per person.
  const emails: string[] = [];
  const linkLists: MatchLink[][] = [];
  for (const i of members) {
    const source = list[i]!.source;
    for (let e = entries.start[i]!; e < entries.start[i + 1]!; e++) {
      const via = entries.kind[e]!;
      if (via !== "login" && via !== "primary") continue;
      const email = entries.key[e]!;
      const link: MatchLink = { account: source, via, address: entries.address[e]! };
      const at = emails.length < 16 ? emails.indexOf(email) : indexOfMany(emails, email);
      if (at < 0) {
        emails.push(email);
        linkLists.push([link]);
        continue;
      }
      const links = linkLists[at]!;
      const last = links[links.length - 1]!;
      // One account listing the same address twice (login and primary) links once per kind.
      if (
        last.account !== source ||
        !links.some((known) => known.account === source && known.via === via)
      ) {
        links.push(link);
      }
    }
  }

  let primaryEmail: string | null = null;
  let primaryCount = 0;
  const evidence: MatchEvidence[] = [];
  let order: readonly number[] = SINGLE;
  if (emails.length !== 1) {
    const sorted = emails.map((_, n) => n);
    sorted.sort((x, y) => compareStrings(emails[x]!, emails[y]!));
    order = sorted;
  }
  for (const n of order) {
    const email = emails[n]!;
    const links = linkLists[n]!;
    // Links of one account are adjacent, so counting account changes counts distinct accounts.
    let distinct = 0;
    for (let l = 0; l < links.length; l++)
      if (l === 0 || links[l]!.account !== links[l - 1]!.account) distinct++;
    // Most accounts win; addresses come in sorted order, so ties go to the smallest.
    if (distinct > primaryCount) {
      primaryEmail = email;
      primaryCount = distinct;
    }
    evidence.push({ email, strength: "login/primary", links });
  }

  const first = accounts[0]!.source;
  let displayName: string | null = null;
  const vendors: VendorId[] = [];
  for (const account of accounts) {
    displayName ??= typeof account.names?.display === "string" ? account.names.display : null;
    if (vendors[vendors.length - 1] !== account.source.vendor) vendors.push(account.source.vendor);
  }
  return {
    id: primaryEmail ?? `${first.vendor}:${first.kind}:${first.id}`,
    primaryEmail,
    emails: order === SINGLE ? emails : evidence.map((entry) => entry.email),
    displayName,
    vendors,
    accounts,
    evidence,
    contactMatches: [],
  };
}

const SINGLE: readonly number[] = [0];

const manyIndexes = new WeakMap<string[], Map<string, number>>();

function indexOfMany(emails: string[], email: string): number {
  let index = manyIndexes.get(emails);
  if (index === undefined) {
    index = new Map(emails.map((known, n) => [known, n]));
    manyIndexes.set(emails, index);
  }
  const at = index.get(email);
  if (at !== undefined) return at;
  // The caller appends `email` when it is missing; record where it will land.
  index.set(email, emails.length);
  return -1;
}

/** Every account in the directory, person by person. */
export function allAccounts(directory: Directory): Account[] {
  return directory.people.flatMap((person) => person.accounts);
}
