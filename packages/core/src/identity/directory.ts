import type { Account, AccountIssue, AccountSource } from "./account";
import type {
  ContactMatch,
  EntryTable,
  MatchEvidence,
  MatchLink,
  MutablePerson,
  Person,
  RunContext,
} from "./directory-person";
import { EMAIL_KINDS, PRIMARY, issueFor, makePerson } from "./directory-person";
// The person types live beside the code that builds persons; importers of the directory keep them.
export type { ContactMatch, MatchEvidence, MatchLink, Person } from "./directory-person";
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

function compareIssues(a: AccountIssue, b: AccountIssue): number {
  return (
    compareStrings(String(a.vendor), String(b.vendor)) ||
    compareStrings(String(a.kind), String(b.kind)) ||
    compareStrings(a.id ?? "", b.id ?? "") ||
    compareStrings(String(a.reason), String(b.reason))
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

  const list: Account[] = [];
  let addressCount = 0;
  for (const candidate of accounts as Iterable<unknown>) {
    if (isAccountLike(candidate)) {
      list.push(candidate);
      const emails: unknown = candidate.emails;
      if (Array.isArray(emails)) addressCount += emails.length;
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
  // Flat, pre-sized tables of (key, kind, address), grouped by account: no object per address.
  const entryStart = new Int32Array(count + 1);
  const entryKey: string[] = new Array<string>(addressCount);
  const entryKind = new Uint8Array(addressCount);
  const entryAddress: string[] = plainKeys ? entryKey : new Array<string>(addressCount);
  let entryCount = 0;
  const strongOwner = new Map<string, number>();
  // Accounts with no login/primary address are still one person per vendor record.
  const emaillessBySource = new Map<string, number>();
  const renormalized = new Map<string, string | null>();
  // Per account, read here in input (memory) order so building people never revisits them.
  const vendorCode = new Int32Array(count);
  const sources: AccountSource[] = new Array<AccountSource>(count);
  const displayNames: (string | null)[] = new Array<string | null>(count);
  const codeOfVendor = new Map<VendorId, number>();
  const vendorOfCode: VendorId[] = [];
  let lastVendor: VendorId | undefined;
  let lastCode = 0;

  for (let i = 0; i < count; i++) {
    entryStart[i] = entryCount;
    const account = list[i]!;
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
    sources[i] = source;
    const display = account.names?.display;
    displayNames[i] = typeof display === "string" ? display : null;
    const emails: unknown = account.emails;
    let joined = false;
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
        entryKey[entryCount] = matchKey;
        entryKind[entryCount] = code;
        if (!plainKeys) entryAddress[entryCount] = normalized;
        entryCount++;
        if (code <= PRIMARY) {
          joined = true;
          const owner = strongOwner.get(matchKey);
          if (owner === undefined) strongOwner.set(matchKey, i);
          else sets.union(i, owner);
        }
      }
    } else if (emails != null) {
      issues.push(issueFor(account, "emails is not a list; ignored"));
    }
    if (!joined) {
      const key = sourceKey(source);
      const twin = emaillessBySource.get(key);
      if (twin === undefined) emaillessBySource.set(key, i);
      else sets.union(i, twin);
    }
  }
  entryStart[count] = entryCount;
  const entries: EntryTable = {
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
  let runs = 0;
  for (let r = 0; r < count; r++) {
    if (runLength[r]! > 0) {
      runStart[r] = offset;
      offset += runLength[r]!;
      runs++;
    }
  }
  const fill = runStart.slice();
  const ordered = new Int32Array(count);
  // Filling runs in vendor order leaves each run sorted by vendor already (counting sorts are
  // stable); only accounts of one vendor within a person still need comparing.
  const vendors = rankVendors(vendorOfCode, vendorCode);
  const byVendor = orderByRank(vendorCode, vendors.length);
  for (let k = 0; k < count; k++) {
    const i = byVendor[k]!;
    ordered[fill[root[i]!]!++] = i;
  }
  const run: RunContext = {
    list,
    ordered,
    entries,
    vendorRank: vendorCode,
    vendorNames: vendors,
    sources,
    displayNames,
    issues,
  };

  const personOfRoot = new Int32Array(count);
  const people: MutablePerson[] = new Array<MutablePerson>(runs);
  let made = 0;
  for (let r = 0; r < count; r++) {
    const length = runLength[r]!;
    if (length === 0) continue;
    personOfRoot[r] = made;
    people[made++] = makePerson(run, runStart[r]!, length);
  }

  // Backup/contact addresses equal to another person's login/primary one: report, never merge.
  for (let i = 0; i < count; i++) {
    for (let e = entryStart[i]!; e < entryStart[i + 1]!; e++) {
      const code = entryKind[e]!;
      if (code <= PRIMARY) continue;
      const owner = strongOwner.get(entryKey[e]!);
      if (owner === undefined) continue;
      const target = people[personOfRoot[root[owner]!]!]!;
      const own = people[personOfRoot[root[i]!]!]!;
      if (target === own) continue;
      target.contactMatches.push({
        email: entryKey[e]!,
        strength: "backup/contact",
        account: list[i]!.source,
        via: EMAIL_KINDS[code] as "backup" | "contact",
        personId: own.id,
      });
    }
  }
  for (let p = 0; p < people.length; p++) {
    const matches = people[p]!.contactMatches;
    matches.sort(compareContactMatches);
  }

  for (const vendor of vendors) vendorSet.add(vendor);
  issues.sort(compareIssues);
  return {
    people: sortPeopleById(people),
    issues,
    vendors: [...vendorSet].sort(compareStrings),
    matching,
  };
}

/** Three UTF-16 code units of `text` from `at`, as one exact number (48 bits); 0 past the end. */
function packPrefix(text: string, at: number): number {
  const length = text.length;
  const a = at < length ? text.charCodeAt(at) : 0;
  const b = at + 1 < length ? text.charCodeAt(at + 1) : 0;
  const c = at + 2 < length ? text.charCodeAt(at + 2) : 0;
  return (a * 65536 + b) * 65536 + c;
}

/**
 * People in id order, as a stable sort by id would give. The ids lie scattered across a heap of
 * accounts, so comparing them directly costs cache misses on every step: instead each id's first
 * fifteen code units are read once into compact numeric keys, and only ties go back to the strings.
 * Padding with 0 can make two different ids tie, never put them out of order.
 */
function sortPeopleById(people: readonly MutablePerson[]): Person[] {
  const count = people.length;
  const ids = new Array<string>(count);
  const k0 = new Float64Array(count);
  const k1 = new Float64Array(count);
  const k2 = new Float64Array(count);
  const k3 = new Float64Array(count);
  const k4 = new Float64Array(count);
  const order = new Array<number>(count);
  for (let p = 0; p < count; p++) {
    const id = people[p]!.id;
    ids[p] = id;
    k0[p] = packPrefix(id, 0);
    k1[p] = packPrefix(id, 3);
    k2[p] = packPrefix(id, 6);
    k3[p] = packPrefix(id, 9);
    k4[p] = packPrefix(id, 12);
    order[p] = p;
  }
  order.sort(
    (x, y) =>
      k0[x]! - k0[y]! ||
      k1[x]! - k1[y]! ||
      k2[x]! - k2[y]! ||
      k3[x]! - k3[y]! ||
      k4[x]! - k4[y]! ||
      compareStrings(ids[x]!, ids[y]!) ||
      x - y,
  );
  const sorted = new Array<Person>(count);
  for (let p = 0; p < count; p++) sorted[p] = people[order[p]!]!;
  return sorted;
}

/** Every account in the directory, person by person. */
export function allAccounts(directory: Directory): Account[] {
  return directory.people.flatMap((person) => person.accounts);
}
