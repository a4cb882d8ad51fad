import type { Account, AccountRole, AccountSource } from "./account";
import type { Directory, Person } from "./directory";
import { sourceKey } from "./source-key";

/** An account whose role differs between two directories. */
export interface RoleChange {
  readonly account: AccountSource;
  /** The person holding it in the later directory. */
  readonly personId: string;
  readonly before: AccountRole;
  readonly after: AccountRole;
}

/** An account that appeared or disappeared, and whose it is. */
export interface AccountChange {
  readonly account: Account;
  readonly personId: string;
}

export interface DirectoryDiff {
  /** People in `after` sharing no login/primary address (or account, if they have none) with `before`. */
  readonly joined: readonly Person[];
  /** People in `before` with nothing in common with anyone in `after`. */
  readonly left: readonly Person[];
  readonly roleChanged: readonly RoleChange[];
  /** Accounts (by vendor, kind, id) only in `after`, including those of joined people. */
  readonly accountsAdded: readonly AccountChange[];
  /** Accounts only in `before`, including those of people who left. */
  readonly accountsRemoved: readonly AccountChange[];
}

// Email-less people are known only by their accounts; their ids say which.
function identityKeys(person: Person): readonly string[] {
  return person.emails.length > 0 ? person.emails : [person.id];
}

function peopleOnlyIn(side: Directory, other: Directory): Person[] {
  const known = new Set<string>();
  for (const person of other.people) for (const key of identityKeys(person)) known.add(key);
  return side.people.filter((person) => !identityKeys(person).some((key) => known.has(key)));
}

function accountsOf(directory: Directory): Map<string, AccountChange> {
  const map = new Map<string, AccountChange>();
  for (const person of directory.people) {
    for (const account of person.accounts) {
      map.set(sourceKey(account.source), { account, personId: person.id });
    }
  }
  return map;
}

function sameRole(a: AccountRole | undefined, b: AccountRole | undefined): boolean {
  return a?.level === b?.level && a?.raw === b?.raw;
}

/** What changed between two directories (for example yesterday's and today's). */
export function diffDirectories(before: Directory, after: Directory): DirectoryDiff {
  const beforeAccounts = accountsOf(before);
  const afterAccounts = accountsOf(after);
  const roleChanged: RoleChange[] = [];
  const accountsAdded: AccountChange[] = [];
  const accountsRemoved: AccountChange[] = [];
  for (const [key, now] of afterAccounts) {
    const then = beforeAccounts.get(key);
    if (then === undefined) accountsAdded.push(now);
    else if (!sameRole(then.account.role, now.account.role)) {
      roleChanged.push({
        account: now.account.source,
        personId: now.personId,
        before: then.account.role,
        after: now.account.role,
      });
    }
  }
  for (const [key, then] of beforeAccounts) {
    if (!afterAccounts.has(key)) accountsRemoved.push(then);
  }
  return {
    joined: peopleOnlyIn(after, before),
    left: peopleOnlyIn(before, after),
    roleChanged,
    accountsAdded,
    accountsRemoved,
  };
}
