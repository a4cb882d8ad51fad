import type { Account, AccountIssue, AccountSource } from "./account";
import type { EmailKind } from "./email";
import { compareContent, compareSources, compareStrings } from "./source-key";
import { PACKED_WORDS, packText } from "./text-order";
import type { VendorId } from "./vendors";

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

/** Email kinds by code; codes up to {@link PRIMARY} join accounts, the rest never do. */
export const EMAIL_KINDS: readonly EmailKind[] = ["login", "primary", "backup", "contact"];
export const PRIMARY = 1;

/**
 * Login/primary addresses after each account's first: account i's are `start.get(i)` onwards,
 * as many as its strong count less one.
 */
export interface ExtraAddresses {
  readonly start: ReadonlyMap<number, number>;
  /** The key accounts are matched on (after Gmail options and aliases). */
  readonly key: readonly string[];
  /** Index into {@link EMAIL_KINDS}. */
  readonly kind: readonly number[];
  /** The account's own normalised address. */
  readonly address: readonly string[];
}

// Per-account facts, interleaved: account i's numbers are facts[i * FACTS + FACT_*] and its
// references refs[i * REFS + REF_*]. Building people visits accounts person by person, scattered
// across the input, so one array per fact would cost a cache miss per fact; side by side they
// share a line or two.
export const FACTS = 3;
/**
 * Its first login/primary key as a number: the first account that had that key. That address's
 * key and text are in its refs; any more addresses are in {@link ExtraAddresses}.
 */
export const FACT_KEY_ID = 0;
/** Its vendor's rank in the sorted vendor names. */
export const FACT_RANK = 1;
/** How many login/primary addresses it has, and the first one's kind: see {@link packStrong}. */
export const FACT_STRONG = 2;
/** A strong count and the first strong address's kind (login or primary) as one number. */
export const packStrong = (count: number, kind: number) => count * 2 + kind;
const strongCountOf = (packed: number) => packed >> 1;
const firstKindOf = (packed: number) => packed & 1;
export const REFS = 4;
export const REF_ACCOUNT = 0;
export const REF_SOURCE = 1;
/** Its first login/primary key, and that address as the account has it. */
export const REF_KEY = 2;
export const REF_ADDRESS = 3;

/** A person while the build still adds contact matches (starting from a shared empty list). */
export type MutablePerson = Omit<Person, "contactMatches"> & { contactMatches: ContactMatch[] };

export function issueFor(account: Account, reason: string): AccountIssue {
  const { vendor, kind, id } = account.source;
  return { vendor, kind, id, reason, raw: account.raw };
}

function compareAccounts(a: Account, b: Account): number {
  // Exact duplicates are reported as issues; order them by content so input order cannot show:
  // the vendor's record, then (hand-built copies often have none) the whole account.
  return compareSources(a.source, b.source) || compareContent(a.raw, b.raw) || compareContent(a, b);
}

/** What building people reads: the accounts' facts and their addresses. */
export interface RunContext {
  /** Account indexes, person by person; each person's run is ordered by vendor rank. */
  readonly ordered: Int32Array;
  readonly facts: Int32Array;
  readonly refs: readonly unknown[];
  readonly extras: ExtraAddresses;
  /** Every vendor seen, sorted. */
  readonly vendorNames: readonly VendorId[];
  readonly issues: AccountIssue[];
  /** Written per person: its id packed for sorting (see {@link packText}). */
  readonly idWords: Int32Array;
  /** The shared vendor lists so far, by the mask of their vendors' ranks. */
  readonly vendorLists: Map<number, readonly VendorId[]>;
}

function displayNameOf(account: Account): string | null {
  const display: unknown = account.names?.display;
  return typeof display === "string" ? display : null;
}

const accountAt = (run: RunContext, i: number) => run.refs[i * REFS + REF_ACCOUNT] as Account;
const sourceAt = (run: RunContext, i: number) => run.refs[i * REFS + REF_SOURCE] as AccountSource;
const rankAt = (run: RunContext, i: number) => run.facts[i * FACTS + FACT_RANK]!;

/** Above this many accounts of one vendor, a person's are sorted by the built-in (stable) sort. */
const INSERTION_SORT_LIMIT = 24;

/**
 * Stable sort of ordered[start..end), accounts of one vendor, by kind, id and content. Most
 * people have at most one account per vendor, and never get here.
 */
function sortSameVendor(run: RunContext, start: number, end: number): void {
  const { ordered } = run;
  if (end - start > INSERTION_SORT_LIMIT) {
    const members = Array.from(ordered.subarray(start, end));
    members.sort((a, b) => compareAccounts(accountAt(run, a), accountAt(run, b)));
    ordered.set(members, start);
    return;
  }
  for (let k = start + 1; k < end; k++) {
    const moving = ordered[k]!;
    const account = accountAt(run, moving);
    let j = k - 1;
    while (j >= start && compareAccounts(accountAt(run, ordered[j]!), account) > 0) {
      ordered[j + 1] = ordered[j]!;
      j--;
    }
    ordered[j + 1] = moving;
  }
}

/** Whether `links[0..end)` already links this account by this kind. */
function alreadyLinked(
  links: readonly MatchLink[],
  end: number,
  account: AccountSource,
  via: EmailKind,
): boolean {
  for (let l = 0; l < end; l++) {
    const known = links[l]!;
    if (known.account === account && known.via === via) return true;
  }
  return false;
}

/**
 * The person made of accounts ordered[start..start+length). Arrays kept in the result are
 * allocated at their final size: an array grown by push keeps room for 16 more entries, and
 * across hundreds of thousands of people that slack was most of the directory's memory.
 */
export function makePerson(
  run: RunContext,
  start: number,
  length: number,
  index: number,
): MutablePerson {
  const { ordered, facts, refs, issues } = run;
  const end = start + length;
  // The run is in vendor order: sort (and look for duplicates) only within one vendor's accounts.
  let vendorCount = 0;
  for (let k = start; k < end;) {
    const rank = rankAt(run, ordered[k]!);
    let same = k + 1;
    while (same < end && rankAt(run, ordered[same]!) === rank) same++;
    if (same - k > 1) {
      sortSameVendor(run, k, same);
      // A record listed twice shares its addresses, so both copies land here, side by side.
      for (let a = k + 1; a < same; a++) {
        const account = accountAt(run, ordered[a]!);
        if (compareSources(sourceAt(run, ordered[a - 1]!), account.source) === 0) {
          issues.push(issueFor(account, "duplicate account: the same vendor, kind and id twice"));
        }
      }
    }
    vendorCount++;
    k = same;
  }

  const accounts = new Array<Account>(length);
  const vendors = vendorsOf(run, start, end, vendorCount);
  let displayName: string | null = null;
  // The usual person: every account with a login/primary address has one, and the same one.
  let keyId = -1;
  let strongCount = 0;
  let oneEach = true;
  for (let k = 0; k < length; k++) {
    const i = ordered[start + k]!;
    const fact = i * FACTS;
    const ref = i * REFS;
    accounts[k] = refs[ref + REF_ACCOUNT] as Account;
    // Read here, not while collecting: only up to each person's first name costs a visit.
    if (displayName === null) displayName = displayNameOf(refs[ref + REF_ACCOUNT] as Account);
    const strong = strongCountOf(facts[fact + FACT_STRONG]!);
    if (strong === 0) continue;
    if (strong > 1 || (keyId >= 0 && facts[fact + FACT_KEY_ID] !== keyId)) oneEach = false;
    keyId = facts[fact + FACT_KEY_ID]!;
    strongCount++;
  }
  // The usual person's evidence is built directly; the rest go through a PersonEvidence.
  const usual = keyId >= 0 && oneEach ? oneAddressEvidence(run, start, length, strongCount) : null;
  const other =
    usual !== null ? null : keyId < 0 ? NO_EVIDENCE : manyAddressEvidence(run, start, length);
  const primaryEmail = usual !== null ? usual.email : other!.primaryEmail;
  const first = sourceAt(run, ordered[start]!);
  const id = primaryEmail ?? `${first.vendor}:${first.kind}:${first.id}`;
  packText(id, run.idWords, index * PACKED_WORDS);
  return {
    id,
    primaryEmail,
    emails: usual !== null ? [usual.email] : other!.emails,
    displayName,
    vendors,
    accounts,
    evidence: usual !== null ? [usual] : other!.evidence,
    contactMatches: NO_CONTACT_MATCHES,
  };
}

/**
 * A person's vendors, sorted. People with the same vendors share one frozen list (most hold one
 * of a handful of combinations), so a million accounts do not cost a list each.
 */
function vendorsOf(
  run: RunContext,
  start: number,
  end: number,
  count: number,
): readonly VendorId[] {
  const { ordered, vendorNames, vendorLists } = run;
  const collect = () => {
    const vendors = new Array<VendorId>(count);
    for (let k = start, v = 0, last = -1; k < end; k++) {
      const rank = rankAt(run, ordered[k]!);
      if (rank !== last) vendors[v++] = vendorNames[(last = rank)]!;
    }
    return vendors;
  };
  if (vendorNames.length > SHARED_VENDOR_LISTS_UP_TO) return collect();
  let mask = 0;
  for (let k = start; k < end; k++) mask |= 1 << rankAt(run, ordered[k]!);
  let shared = vendorLists.get(mask);
  if (shared === undefined) vendorLists.set(mask, (shared = Object.freeze(collect())));
  return shared;
}

/** Vendor lists are shared while each vendor's rank fits a bit of a 31-bit mask. */
const SHARED_VENDOR_LISTS_UP_TO = 31;

/**
 * Empty lists are shared and frozen: most people have no contact matches. Typed mutable only so
 * a person can hold it until the contact pass gives it a list of its own; nothing pushes to it.
 */
const NO_CONTACT_MATCHES = Object.freeze([]) as readonly ContactMatch[] as ContactMatch[];
const NO_EVIDENCE: PersonEvidence = Object.freeze({
  emails: Object.freeze([]),
  evidence: Object.freeze([]),
  primaryEmail: null,
});

interface PersonEvidence {
  readonly emails: readonly string[];
  readonly evidence: readonly MatchEvidence[];
  readonly primaryEmail: string | null;
}

/** The usual person: read from the facts alone, with no visit to the address table. */
function oneAddressEvidence(
  run: RunContext,
  start: number,
  length: number,
  strongCount: number,
): MatchEvidence {
  const { ordered, facts, refs } = run;
  const links = new Array<MatchLink>(strongCount);
  let email = "";
  let count = 0;
  for (let k = 0; k < length; k++) {
    const i = ordered[start + k]!;
    const strong = facts[i * FACTS + FACT_STRONG]!;
    if (strong === 0) continue;
    const ref = i * REFS;
    const account = refs[ref + REF_SOURCE] as AccountSource;
    // Only the same account object passed twice repeats a link here: link it once, as the
    // general case does.
    if (count > 0 && links[count - 1]!.account === account) continue;
    if (count === 0) email = refs[ref + REF_KEY] as string;
    const via = EMAIL_KINDS[firstKindOf(strong)]!;
    links[count++] = { account, via, address: refs[ref + REF_ADDRESS] as string };
  }
  links.length = count;
  return { email, strength: "login/primary", links };
}

/** People with several login/primary addresses, or one account listing its address twice. */
function manyAddressEvidence(run: RunContext, start: number, length: number): PersonEvidence {
  const { ordered, facts, refs, extras } = run;
  const emails: string[] = [];
  const indexOfEmail = new Map<string, number>();
  const linkLists: MatchLink[][] = [];
  const add = (account: AccountSource, code: number, email: string, address: string) => {
    const via = EMAIL_KINDS[code]!;
    const link: MatchLink = { account, via, address };
    const at = indexOfEmail.get(email);
    if (at === undefined) {
      indexOfEmail.set(email, emails.length);
      emails.push(email);
      linkLists.push([link]);
      return;
    }
    const links = linkLists[at]!;
    // One account listing the same address twice (login and primary) links once per kind.
    if (
      links[links.length - 1]!.account !== account ||
      !alreadyLinked(links, links.length, account, via)
    ) {
      links.push(link);
    }
  };
  for (let k = 0; k < length; k++) {
    const i = ordered[start + k]!;
    const packed = facts[i * FACTS + FACT_STRONG]!;
    const strong = strongCountOf(packed);
    if (strong === 0) continue;
    const ref = i * REFS;
    const account = refs[ref + REF_SOURCE] as AccountSource;
    add(
      account,
      firstKindOf(packed),
      refs[ref + REF_KEY] as string,
      refs[ref + REF_ADDRESS] as string,
    );
    const from = extras.start.get(i) ?? 0;
    for (let e = from; e < from + strong - 1; e++) {
      add(account, extras.kind[e]!, extras.key[e]!, extras.address[e]!);
    }
  }

  const order = emails.map((_, n) => n);
  order.sort((x, y) => compareStrings(emails[x]!, emails[y]!));
  const sortedEmails = new Array<string>(order.length);
  const evidence = new Array<MatchEvidence>(order.length);
  let primaryEmail: string | null = null;
  let primaryCount = 0;
  for (let n = 0; n < order.length; n++) {
    const email = emails[order[n]!]!;
    const links = linkLists[order[n]!]!;
    // Links of one account are adjacent, so counting account changes counts distinct accounts.
    let distinct = 0;
    for (let l = 0; l < links.length; l++)
      if (l === 0 || links[l]!.account !== links[l - 1]!.account) distinct++;
    // Most accounts win; addresses come in sorted order, so ties go to the smallest.
    if (distinct > primaryCount) {
      primaryEmail = email;
      primaryCount = distinct;
    }
    sortedEmails[n] = email;
    evidence[n] = { email, strength: "login/primary", links: links.slice() };
  }
  return { emails: sortedEmails, evidence, primaryEmail };
}
