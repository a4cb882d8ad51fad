import {
  defineAccount,
  email,
  emailKey,
  namesFrom,
  timestampFromIso,
  type Account,
  type AccountGroup,
  type AccountIssue,
  type AdapterResult,
  type AccountStatus,
} from "@rollcall/core";

/** The kinds of account eagle.io's adapter returns: administrators, and members of groups. */
export const ACCOUNT_KINDS = {
  administrator: "eagle.administrator",
  groupMember: "eagle.groupMember",
} as const;

type Kind = (typeof ACCOUNT_KINDS)[keyof typeof ACCOUNT_KINDS];

interface Member {
  raw: Record<string, unknown>;
  address: string;
  groups: AccountGroup[];
}

/**
 * Accounts from an eagle.io owner (GET /api/v1/owners/account with `administrators,groups`): one
 * `eagle.administrator` per administrator and one `eagle.groupMember` per user with all their
 * groups. The id is the user's address, normalised by core's `emailKey`. Records that cannot become
 * accounts are reported in `issues`; nothing here throws.
 */
export function toAccounts(owner: unknown): AdapterResult {
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  const issue = (kind: Kind, reason: string, raw: unknown, id?: string) =>
    issues.push(
      id === undefined
        ? { vendor: "eagle", kind, reason, raw }
        : { vendor: "eagle", kind, id, reason, raw },
    );

  if (typeof owner !== "object" || owner === null || Array.isArray(owner)) {
    issue(ACCOUNT_KINDS.administrator, "the owner record is not an object", owner);
    return { accounts, issues };
  }
  const { administrators, groups } = owner as { administrators?: unknown; groups?: unknown };

  const admins = new Map<string, Member>();
  listOf(administrators).forEach((entry, index) => {
    const member = readUser(entry);
    if (typeof member === "string") {
      issue(ACCOUNT_KINDS.administrator, `administrators[${index}] ${member}`, entry);
    } else if (admins.has(member.address)) {
      issue(
        ACCOUNT_KINDS.administrator,
        `administrators[${index}] repeats ${member.address}`,
        entry,
        member.address,
      );
    } else {
      admins.set(member.address, member);
    }
  });

  const members = new Map<string, Member>();
  listOf(groups).forEach((group, groupIndex) => {
    if (typeof group !== "object" || group === null) {
      issue(ACCOUNT_KINDS.groupMember, `groups[${groupIndex}] is not an object`, group);
      return;
    }
    const { _id, name, users } = group as { _id?: unknown; name?: unknown; users?: unknown };
    const ref: AccountGroup = {
      id: typeof _id === "string" && _id !== "" ? _id : null,
      name: typeof name === "string" ? name : null,
    };
    if (ref.id === null) {
      issue(
        ACCOUNT_KINDS.groupMember,
        `groups[${groupIndex}] has no _id; its members cannot be offboarded automatically`,
        group,
      );
    }
    listOf(users).forEach((entry, index) => {
      const member = readUser(entry);
      if (typeof member === "string") {
        issue(ACCOUNT_KINDS.groupMember, `groups[${groupIndex}].users[${index}] ${member}`, entry);
        return;
      }
      const known = members.get(member.address);
      if (known === undefined) members.set(member.address, { ...member, groups: [ref] });
      else known.groups.push(ref);
    });
  });

  for (const member of admins.values()) accounts.push(account(member, ACCOUNT_KINDS.administrator));
  for (const member of members.values()) accounts.push(account(member, ACCOUNT_KINDS.groupMember));
  return { accounts, issues };
}

function listOf(value: unknown): unknown[] {
  // eagle.io treats null, [] and a missing attribute alike.
  return Array.isArray(value) ? value : [];
}

/** The user entry, or why it cannot be an account. */
function readUser(entry: unknown): Member | string {
  if (typeof entry !== "object" || entry === null) return "is not an object";
  const raw = entry as Record<string, unknown>;
  if (typeof raw.user !== "string" || raw.user.trim() === "") return "has no user address";
  return { raw, address: emailKey(raw.user), groups: [] };
}

function account(member: Member, kind: Kind): Account {
  const { raw } = member;
  const name = (typeof raw.name === "object" && raw.name !== null ? raw.name : {}) as {
    first?: unknown;
    last?: unknown;
  };
  const lastLoginAt = timestampFromIso(
    typeof raw.lastLoginTime === "string" ? raw.lastLoginTime : null,
  );
  const provenance: Record<string, string> = {
    "emails[0]": "user",
    role: kind === ACCOUNT_KINDS.administrator ? "administrators" : "groups[].users",
  };
  if (name.first != null || name.last != null) provenance.names = "name.first/name.last";
  if (lastLoginAt !== null) provenance.lastLoginAt = "lastLoginTime";
  if (member.groups.length > 0) provenance.groups = "groups[]._id/name";
  return defineAccount({
    source: { vendor: "eagle", kind, id: member.address },
    raw,
    emails: [email(raw.user as string, "login")],
    names: namesFrom({
      given: typeof name.first === "string" ? name.first : null,
      family: typeof name.last === "string" ? name.last : null,
    }),
    status: statusOf(raw, lastLoginAt !== null),
    role:
      kind === ACCOUNT_KINDS.administrator
        ? { level: "admin", raw: "administrator" }
        : { level: "member", raw: "group member" },
    groups: member.groups,
    lastLoginAt,
    provenance,
  });
}

/** A profile still waiting for activation is unverified; one that has signed in is active. */
function statusOf(raw: Record<string, unknown>, hasLoggedIn: boolean): AccountStatus {
  if (typeof raw.profileActivateUrl === "string") return "unverified";
  return hasLoggedIn ? "active" : "unknown";
}
