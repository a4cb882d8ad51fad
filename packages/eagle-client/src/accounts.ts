import {
  adaptRecords,
  emailKey,
  isRecord,
  textAt,
  timestampFromIso,
  type AccountGroup,
  type AccountIssue,
  type AdapterResult,
  type AccountStatus,
  type RecordFields,
} from "@rollcall/core";
import type { AccountUser } from "./generated/schema";
import { vendor } from "./generated/vendor";

/** The kinds of account eagle.io's adapter returns: administrators, and members of groups. */
export const ACCOUNT_KINDS = {
  administrator: "eagle.administrator",
  groupMember: "eagle.groupMember",
} as const;

type Kind = (typeof ACCOUNT_KINDS)[keyof typeof ACCOUNT_KINDS];

/** Where an eagle.io user entry keeps each account field; its address is its id. */
const userFields = (kind: Kind, at: (index: number) => string): RecordFields<AccountUser> => ({
  vendor: vendor.id,
  kind,
  noun: "user",
  at,
  id: "user",
  key: emailKey,
  emails: [["user", "login"]],
  names: { given: "name.first", family: "name.last" },
  lastLoginAt: ["lastLoginTime", "iso"],
});

/**
 * Accounts from an eagle.io owner (GET /api/v1/owners/account with `administrators,groups`): one
 * `eagle.administrator` per administrator and one `eagle.groupMember` per user with all their
 * groups. The id is the user's address, normalised by core's `emailKey`. Records that cannot become
 * accounts are reported in `issues`; nothing here throws.
 */
export function toAccounts(owner: unknown): AdapterResult {
  const kind = ACCOUNT_KINDS.groupMember;
  const issue = (
    reason: string,
    raw: unknown,
    kind: Kind = ACCOUNT_KINDS.groupMember,
  ): AccountIssue => ({
    vendor: vendor.id,
    kind,
    reason,
    raw,
  });
  if (!isRecord(owner))
    return {
      accounts: [],
      issues: [issue("the owner record is not an object", owner, ACCOUNT_KINDS.administrator)],
    };
  const admins = adaptRecords(
    userFields(ACCOUNT_KINDS.administrator, (index) => `administrators[${index}]`),
    listOf(owner.administrators),
    (raw, add) => {
      add.role({ level: "admin", raw: "administrator" }, "administrators");
      add.status(statusOf(raw), "profileActivateUrl/lastLoginTime");
    },
  );

  // One account per member address, with every group that lists it.
  const issues = [...admins.issues];
  const groupsOf = new Map<string, AccountGroup[]>();
  const entries: unknown[] = [];
  const places: string[] = [];
  listOf(owner.groups).forEach((group, index) => {
    if (!isRecord(group)) return issues.push(issue(`groups[${index}] is not an object`, group));
    const ref = {
      id: textAt(group, "_id"),
      name: typeof group.name === "string" ? group.name : null,
    };
    if (ref.id === null) {
      const why = "has no _id; its members cannot be offboarded automatically";
      issues.push(issue(`groups[${index}] ${why}`, group));
    }
    listOf(group.users).forEach((entry, userIndex) => {
      const user = textAt(entry, "user");
      const known = user === null ? undefined : groupsOf.get(emailKey(user));
      if (known) return known.push(ref);
      entries.push(entry);
      places.push(`groups[${index}].users[${userIndex}]`);
      if (user !== null) groupsOf.set(emailKey(user), [ref]);
    });
  });
  const members = adaptRecords(
    userFields(kind, (index) => places[index]!),
    entries,
    (raw, add) => {
      add.role({ level: "member", raw: "group member" }, "groups[].users");
      add.status(statusOf(raw), "profileActivateUrl/lastLoginTime");
      add.groups(groupsOf.get(emailKey(raw.user as string)) ?? [], "groups[]._id/name");
    },
  );
  return {
    accounts: [...admins.accounts, ...members.accounts],
    issues: [...issues, ...members.issues],
  };
}

function listOf(value: unknown): unknown[] {
  // eagle.io treats null, [] and a missing attribute alike.
  return Array.isArray(value) ? value : [];
}

/** A profile still waiting for activation is unverified; one that has signed in is active. */
function statusOf(raw: Readonly<Record<string, unknown>>): AccountStatus {
  if (typeof raw.profileActivateUrl === "string") return "unverified";
  return timestampFromIso(raw.lastLoginTime) !== null ? "active" : "unknown";
}
