import type { Account, AccountIssue, AccountSource } from "./account";
import type {
  ContactMatch,
  ExtraAddresses,
  MutablePerson,
  Person,
  RunContext,
} from "./directory-person";
import {
  EMAIL_KINDS,
  FACTS,
  FACT_KEY_ID,
  FACT_RANK,
  FACT_STRONG,
  PRIMARY,
  REFS,
  REF_ACCOUNT,
  REF_ADDRESS,
  REF_KEY,
  REF_SOURCE,
  issueFor,
  makePerson,
  packStrong,
} from "./directory-person";
// The person types live beside the code that builds persons; importers of the directory keep them.
export type { ContactMatch, MatchEvidence, MatchLink, Person } from "./directory-person";
import type { EmailMatchOptions } from "./email";
import { applyMatchOptions, normalizeEmail } from "./email";
import { IdentityError } from "./identity-error";
import { compareContent, compareSources, compareStrings, sourceKey } from "./source-key";
import { PACKED_WORDS, orderByText } from "./text-order";
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

function notAnAccount(candidate: unknown): AccountIssue {
  const source = (candidate as { source?: Record<string, unknown> } | null)?.source;
  return {
    vendor: typeof source?.vendor === "string" ? source.vendor : "unknown",
    kind: typeof source?.kind === "string" ? source.kind : "unknown",
    reason: "not an account: it needs source.vendor, source.kind and source.id as strings",
    raw: candidate,
  };
}

function compareIssues(a: AccountIssue, b: AccountIssue): number {
  return (
    compareStrings(String(a.vendor), String(b.vendor)) ||
    compareStrings(String(a.kind), String(b.kind)) ||
    compareStrings(a.id ?? "", b.id ?? "") ||
    compareStrings(String(a.reason), String(b.reason)) ||
    // Two copies of one record reported alike (a duplicate held by two people): by content.
    compareContent(a.raw, b.raw)
  );
}

function compareContactMatches(a: ContactMatch, b: ContactMatch): number {
  return (
    compareStrings(a.email, b.email) ||
    compareSources(a.account, b.account) ||
    compareStrings(a.via, b.via)
  );
}

/**
 * Vendors seen, sorted, with each account's vendor code (in `codes`, by first appearance)
 * rewritten in place to that vendor's rank.
 */
function rankVendors(vendorOfCode: readonly VendorId[], codes: Int32Array): VendorId[] {
  const byName = vendorOfCode.map((_, code) => code);
  byName.sort((a, b) => compareStrings(vendorOfCode[a]!, vendorOfCode[b]!));
  const rankOfCode = new Int32Array(vendorOfCode.length);
  for (let rank = 0; rank < byName.length; rank++) rankOfCode[byName[rank]!] = rank;
  for (let i = 0; i < codes.length; i++) codes[i] = rankOfCode[codes[i]!]!;
  return byName.map((code) => vendorOfCode[code]!);
}

/** Indexes 0..ranks.length-1 stably ordered by rank (a counting sort). */
function orderByRank(ranks: Int32Array, rankCount: number): Int32Array {
  const next = new Int32Array(rankCount + 1);
  for (let i = 0; i < ranks.length; i++) next[ranks[i]! + 1]!++;
  for (let rank = 1; rank <= rankCount; rank++) next[rank]! += next[rank - 1]!;
  const order = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) order[next[ranks[i]!]!++] = i;
  return order;
}

/** Kind codes for the entry table; login and primary (the joining kinds) come first. */
function kindCode(kind: unknown): number {
  switch (kind) {
    case "login":
      return 0;
    case "primary":
      return 1;
    case "backup":
      return 2;
    case "contact":
      return 3;
    default:
      return -1;
  }
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
  // With no Gmail options or aliases an address is its own key: skip the call and the copy.
  const plainKeys =
    !matching.gmail.ignoreDots &&
    !matching.gmail.ignorePlusTags &&
    Object.keys(matching.aliases).length === 0;
  const issues: AccountIssue[] = [...(options.issues ?? [])];
  const vendorSet = new Set<VendorId>(options.vendors ?? []);

  // One pass over the input reads everything the build needs of each account, so the accounts
  // (scattered across the heap) are visited once.
  const input: readonly unknown[] = Array.isArray(accounts) ? accounts : [...accounts];
  const capacity = input.length;
  // Scratch tables are typed arrays, few and packed: once 64 MB of them have been allocated since
  // the last full collection, V8 starts another, which marks every account (about a second with a
  // million of them). Hence three facts an account, and arrays reused below.
  const sets = new UnionFind(capacity);
  const facts = new Int32Array(capacity * FACTS);
  const refs: unknown[] = new Array<unknown>(capacity * REFS);
  const vendorCode = new Int32Array(capacity);
  // Login/primary addresses after an account's first (which its facts hold): rare, so kept apart.
  const extraStart = new Map<number, number>();
  const extraKey: string[] = [];
  const extraKind: number[] = [];
  const extraAddress: string[] = [];
  // Backup/contact addresses, in input order, for the contact-match pass.
  const weakAccount: number[] = [];
  const weakKey: string[] = [];
  const weakKind: number[] = [];
  const strongOwner = new Map<string, number>();
  // Accounts with no login/primary address are still one person per vendor record.
  const emaillessBySource = new Map<string, number>();
  const renormalized = new Map<string, string | null>();
  const codeOfVendor = new Map<VendorId, number>();
  const vendorOfCode: VendorId[] = [];
  let lastVendor: VendorId | undefined;
  let lastCode = 0;
  let count = 0;

  for (let n = 0; n < capacity; n++) {
    const candidate = input[n];
    if (!isAccountLike(candidate)) {
      issues.push(notAnAccount(candidate));
      continue;
    }
    const account = candidate;
    const i = count++;
    const source = account.source;
    const vendor = source.vendor;
    if (vendor !== lastVendor) {
      let code = codeOfVendor.get(vendor);
      if (code === undefined) {
        code = vendorOfCode.push(vendor) - 1;
        codeOfVendor.set(vendor, code);
      }
      lastVendor = vendor;
      lastCode = code;
    }
    vendorCode[i] = lastCode;
    const ref = i * REFS;
    refs[ref + REF_ACCOUNT] = account;
    refs[ref + REF_SOURCE] = source;
    const emails: unknown = account.emails;
    let strong = 0;
    let firstKind = 0;
    if (Array.isArray(emails)) {
      for (let e = 0; e < emails.length; e++) {
        const entry = emails[e] as Partial<Account["emails"][number]> | null | undefined;
        const code = kindCode(entry?.kind);
        if (code < 0) {
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
        const matchKey = plainKeys ? normalized : keyOf(normalized);
        if (code > PRIMARY) {
          weakAccount.push(i);
          weakKey.push(matchKey);
          weakKind.push(code);
          continue;
        }
        let owner = strongOwner.get(matchKey);
        if (owner === undefined) strongOwner.set(matchKey, (owner = i));
        else sets.union(i, owner);
        if (strong++ === 0) {
          facts[i * FACTS + FACT_KEY_ID] = owner;
          firstKind = code;
          refs[ref + REF_KEY] = matchKey;
          refs[ref + REF_ADDRESS] = normalized;
          continue;
        }
        if (strong === 2) extraStart.set(i, extraKey.length);
        extraKey.push(matchKey);
        extraKind.push(code);
        extraAddress.push(normalized);
      }
    } else if (emails != null) {
      issues.push(issueFor(account, "emails is not a list; ignored"));
    }
    facts[i * FACTS + FACT_STRONG] = packStrong(strong, firstKind);
    if (strong === 0) {
      const key = sourceKey(source);
      const twin = emaillessBySource.get(key);
      if (twin === undefined) emaillessBySource.set(key, i);
      else sets.union(i, twin);
    }
  }
  const extras: ExtraAddresses = {
    start: extraStart,
    key: extraKey,
    kind: extraKind,
    address: extraAddress,
  };

  // Counting sort of accounts by their set: each person's accounts become one contiguous run.
  const root = sets.flatten(count);
  const runLength = new Int32Array(count);
  for (let i = 0; i < count; i++) runLength[root[i]!]!++;
  // Each run's cursor: where its next account goes. Filled, it marks where the run ends.
  const runCursor = new Int32Array(count);
  let offset = 0;
  let runs = 0;
  for (let r = 0; r < count; r++) {
    if (runLength[r]! > 0) {
      runCursor[r] = offset;
      offset += runLength[r]!;
      runs++;
    }
  }
  const ordered = new Int32Array(count);
  // Filling runs in vendor order leaves each run sorted by vendor already (counting sorts are
  // stable); only accounts of one vendor within a person still need comparing.
  const ranks = vendorCode.subarray(0, count);
  const vendors = rankVendors(vendorOfCode, ranks);
  const byVendor = orderByRank(ranks, vendors.length);
  for (let k = 0; k < count; k++) {
    const i = byVendor[k]!;
    ordered[runCursor[root[i]!]!++] = i;
    facts[i * FACTS + FACT_RANK] = ranks[i]!;
  }
  const idWords = new Int32Array(runs * PACKED_WORDS);
  const run: RunContext = {
    ordered,
    facts,
    refs,
    extras,
    vendorNames: vendors,
    vendorLists: new Map(),
    issues,
    idWords,
  };

  const people: MutablePerson[] = new Array<MutablePerson>(runs);
  // Each run's length is read once, just before its person's index takes its place.
  const personOfRoot = runLength;
  let made = 0;
  for (let r = 0; r < count; r++) {
    const length = runLength[r]!;
    if (length === 0) continue;
    personOfRoot[r] = made;
    people[made] = makePerson(run, runCursor[r]! - length, length, made);
    made++;
  }

  // Backup/contact addresses equal to another person's login/primary one: report, never merge.
  const matched: MutablePerson[] = [];
  for (let w = 0; w < weakKey.length; w++) {
    const owner = strongOwner.get(weakKey[w]!);
    if (owner === undefined) continue;
    const i = weakAccount[w]!;
    const target = people[personOfRoot[root[owner]!]!]!;
    const own = people[personOfRoot[root[i]!]!]!;
    if (target === own) continue;
    // Every person starts with the shared empty list: its first match gives it its own.
    if (target.contactMatches.length === 0) (matched.push(target), (target.contactMatches = []));
    target.contactMatches.push({
      email: weakKey[w]!,
      strength: "backup/contact",
      account: refs[i * REFS + REF_SOURCE] as AccountSource,
      via: EMAIL_KINDS[weakKind[w]!] as "backup" | "contact",
      personId: own.id,
    });
  }
  for (const person of matched) person.contactMatches.sort(compareContactMatches);

  for (const vendor of vendors) vendorSet.add(vendor);
  issues.sort(compareIssues);
  return {
    people: sortPeopleById(people, idWords),
    issues,
    vendors: [...vendorSet].sort(compareStrings),
    matching,
  };
}

/** People in id order, as a stable sort by id would give; `idWords` holds each id packed. */
function sortPeopleById(people: readonly MutablePerson[], idWords: Int32Array): Person[] {
  const order = orderByText(people.length, idWords, (p) => people[p]!.id);
  const sorted = new Array<Person>(people.length);
  for (let p = 0; p < sorted.length; p++) sorted[p] = people[order[p]!]!;
  return sorted;
}

/** Every account in the directory, person by person. */
export function allAccounts(directory: Directory): Account[] {
  return directory.people.flatMap((person) => person.accounts);
}
