import type { Account, AccountIssue, AccountSource } from "./account";
import type { EmailKind } from "./email";
import { compareSources, compareStrings } from "./source-key";
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

/** Every usable address of every account, flat: account i owns entries start[i]..start[i+1]. */
export interface EntryTable {
  readonly start: Int32Array;
  /** The key accounts are matched on (after Gmail options and aliases). */
  readonly key: readonly string[];
  /** Index into {@link EMAIL_KINDS}. */
  readonly kind: Uint8Array;
  /** The account's own normalised address. */
  readonly address: readonly string[];
}

export type MutablePerson = Person & { contactMatches: ContactMatch[] };

export function issueFor(account: Account, reason: string): AccountIssue {
  const { vendor, kind, id } = account.source;
  return { vendor, kind, id, reason, raw: account.raw };
}

function compareAccounts(a: Account, b: Account): number {
  // Exact duplicates are reported as issues; order them by content so input order cannot show.
  return (
    compareSources(a.source, b.source) ||
    compareStrings(JSON.stringify(a.raw) ?? "", JSON.stringify(b.raw) ?? "")
  );
}

/** What building people reads: the accounts, their addresses, and per-account facts. */
export interface RunContext {
  readonly list: readonly Account[];
  /** Account indexes, person by person; each person's run is ordered by vendor rank. */
  readonly ordered: Int32Array;
  readonly entries: EntryTable;
  /** Each account's vendor as its rank in `vendorNames`. */
  readonly vendorRank: Int32Array;
  /** Every vendor seen, sorted. */
  readonly vendorNames: readonly VendorId[];
  readonly sources: readonly AccountSource[];
  /** Each account's display name when it is a string, else null. */
  readonly displayNames: readonly (string | null)[];
  readonly issues: AccountIssue[];
}

/** Above this many accounts of one vendor, a person's are sorted by the built-in (stable) sort. */
const INSERTION_SORT_LIMIT = 24;

/**
 * Stable sort of ordered[start..end), accounts of one vendor, by kind, id and content. Most
 * people have at most one account per vendor, and never get here.
 */
function sortSameVendor(run: RunContext, start: number, end: number): void {
  const { list, ordered } = run;
  if (end - start > INSERTION_SORT_LIMIT) {
    const members = Array.from(ordered.subarray(start, end));
    members.sort((a, b) => compareAccounts(list[a]!, list[b]!));
    ordered.set(members, start);
    return;
  }
  for (let k = start + 1; k < end; k++) {
    const moving = ordered[k]!;
    const account = list[moving]!;
    let j = k - 1;
    while (j >= start && compareAccounts(list[ordered[j]!]!, account) > 0) {
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
export function makePerson(run: RunContext, start: number, length: number): MutablePerson {
  const { list, ordered, entries, vendorRank, sources, issues } = run;
  const end = start + length;
  // The run is in vendor order: sort (and look for duplicates) only within one vendor's accounts.
  let vendorCount = 0;
  for (let k = start; k < end;) {
    const rank = vendorRank[ordered[k]!]!;
    let same = k + 1;
    while (same < end && vendorRank[ordered[same]!]! === rank) same++;
    if (same - k > 1) {
      sortSameVendor(run, k, same);
      // A record listed twice shares its addresses, so both copies land here, side by side.
      for (let a = k + 1; a < same; a++) {
        const account = list[ordered[a]!]!;
        if (compareSources(list[ordered[a - 1]!]!.source, account.source) === 0) {
          issues.push(issueFor(account, "duplicate account: the same vendor, kind and id twice"));
        }
      }
    }
    vendorCount++;
    k = same;
  }
  const accounts = new Array<Account>(length);
  const vendors = new Array<VendorId>(vendorCount);
  let displayName: string | null = null;
  for (let k = 0, v = 0; k < length; k++) {
    const i = ordered[start + k]!;
    accounts[k] = list[i]!;
    displayName ??= run.displayNames[i]!;
    if (k === 0 || vendorRank[i] !== vendorRank[ordered[start + k - 1]!]) {
      vendors[v++] = run.vendorNames[vendorRank[i]!]!;
    }
  }

  // The usual person: every account has one login/primary address, and it is the same one.
  let shared: string | undefined;
  let strongCount = 0;
  let oneEach = true;
  for (let k = start; k < end && oneEach; k++) {
    const i = ordered[k]!;
    let own = 0;
    for (let e = entries.start[i]!; e < entries.start[i + 1]!; e++) {
      if (entries.kind[e]! > PRIMARY) continue;
      const key = entries.key[e]!;
      if (shared === undefined) shared = key;
      else if (key !== shared) oneEach = false;
      own++;
      strongCount++;
    }
    if (own > 1) oneEach = false;
  }
  const { emails, evidence, primaryEmail } =
    shared === undefined
      ? { emails: [], evidence: [], primaryEmail: null }
      : oneEach
        ? oneAddressEvidence(run, start, length, shared, strongCount)
        : manyAddressEvidence(run, start, length);

  const first = sources[ordered[start]!]!;
  return {
    id: primaryEmail ?? `${first.vendor}:${first.kind}:${first.id}`,
    primaryEmail,
    emails,
    displayName,
    vendors,
    accounts,
    evidence,
    contactMatches: [],
  };
}

interface PersonEvidence {
  readonly emails: string[];
  readonly evidence: MatchEvidence[];
  readonly primaryEmail: string | null;
}

function oneAddressEvidence(
  run: RunContext,
  start: number,
  length: number,
  email: string,
  strongCount: number,
): PersonEvidence {
  const { ordered, entries, sources } = run;
  const links = new Array<MatchLink>(strongCount);
  let count = 0;
  for (let k = 0; k < length; k++) {
    const i = ordered[start + k]!;
    const account = sources[i]!;
    for (let e = entries.start[i]!; e < entries.start[i + 1]!; e++) {
      const code = entries.kind[e]!;
      if (code > PRIMARY) continue;
      const via = EMAIL_KINDS[code]!;
      // Each account has one login/primary entry here, so only the same account object passed
      // twice repeats a link: link it once, as the general case does.
      if (count > 0 && links[count - 1]!.account === account) continue;
      links[count++] = { account, via, address: entries.address[e]! };
    }
  }
  links.length = count;
  return {
    emails: [email],
    evidence: [{ email, strength: "login/primary", links }],
    primaryEmail: email,
  };
}

/** People with several login/primary addresses, or one account listing its address twice. */
function manyAddressEvidence(run: RunContext, start: number, length: number): PersonEvidence {
  const { ordered, entries, sources } = run;
  const emails: string[] = [];
  const indexOfEmail = new Map<string, number>();
  const linkLists: MatchLink[][] = [];
  for (let k = 0; k < length; k++) {
    const i = ordered[start + k]!;
    const account = sources[i]!;
    for (let e = entries.start[i]!; e < entries.start[i + 1]!; e++) {
      const code = entries.kind[e]!;
      if (code > PRIMARY) continue;
      const via = EMAIL_KINDS[code]!;
      const email = entries.key[e]!;
      const link: MatchLink = { account, via, address: entries.address[e]! };
      const at = indexOfEmail.get(email);
      if (at === undefined) {
        indexOfEmail.set(email, emails.length);
        emails.push(email);
        linkLists.push([link]);
        continue;
      }
      const links = linkLists[at]!;
      // One account listing the same address twice (login and primary) links once per kind.
      if (
        links[links.length - 1]!.account !== account ||
        !alreadyLinked(links, links.length, account, via)
      ) {
        links.push(link);
      }
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
