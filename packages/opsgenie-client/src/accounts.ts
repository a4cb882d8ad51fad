import {
  defineAccount,
  email,
  isoFromEpochMs,
  localeFrom,
  namesFrom,
  phone,
  roleFrom,
  timezoneFromIana,
  type Account,
  type AccountEmail,
  type AccountIssue,
  type AccountStatus,
  type AdapterResult,
  type Phone,
  type RoleLevel,
} from "@rollcall/core";

/** The kind of every account OpsGenie's adapter returns. */
export const USER_KIND = "opsgenie.user";
const KIND = USER_KIND;

const ROLES: Readonly<Record<string, RoleLevel>> = {
  Owner: "owner",
  Admin: "admin",
  User: "member",
};

/**
 * Accounts from OpsGenie users, as list (GET /v1.2/json/user) or get (GET /v1/json/user) answer
 * them: `username` is the login address, email contacts are contact addresses, sms/voice
 * contacts phone numbers. A user without an id is reported in `issues`; one without a username
 * is kept (it exists, so an access review must see it) and reported too. Nothing here throws.
 */
export function toAccounts(users: readonly unknown[]): AdapterResult {
  const accounts: Account[] = [];
  const issues: AccountIssue[] = [];
  if (!Array.isArray(users)) {
    issues.push({ vendor: "opsgenie", kind: KIND, reason: "expected a list of users", raw: users });
    return { accounts, issues };
  }
  const seen = new Set<string>();
  users.forEach((user: unknown, index) => {
    if (typeof user !== "object" || user === null || Array.isArray(user)) {
      issues.push({
        vendor: "opsgenie",
        kind: KIND,
        reason: `users[${index}] is not an object`,
        raw: user,
      });
      return;
    }
    const raw = user as Record<string, unknown>;
    if (typeof raw.id !== "string" || raw.id.trim() === "") {
      issues.push({ vendor: "opsgenie", kind: KIND, reason: `users[${index}] has no id`, raw });
      return;
    }
    if (seen.has(raw.id)) {
      issues.push({
        vendor: "opsgenie",
        kind: KIND,
        id: raw.id,
        reason: "the same id appears twice",
        raw,
      });
      return;
    }
    seen.add(raw.id);
    if (typeof raw.username !== "string" || raw.username.trim() === "") {
      issues.push({
        vendor: "opsgenie",
        kind: KIND,
        id: raw.id,
        reason: "has no username, so the account cannot be matched to a person",
        raw,
      });
    }
    accounts.push(account(raw.id, raw));
  });
  return { accounts, issues };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function account(id: string, raw: Record<string, unknown>): Account {
  const provenance: Record<string, string> = {};
  const emails: AccountEmail[] = [];
  const username = text(raw.username);
  if (username !== null) {
    emails.push(email(username, "login"));
    provenance["emails[0]"] = "username";
  }
  const phones: Phone[] = [];
  const contacts = Array.isArray(raw.contacts) ? raw.contacts : [];
  contacts.forEach((contact: unknown, index) => {
    if (typeof contact !== "object" || contact === null) return;
    const { method, to } = contact as { method?: unknown; to?: unknown };
    const address = text(to);
    if (address === null) return;
    if (method === "email") {
      const entry = email(address, "contact");
      // The login address repeated as a contact says nothing new.
      if (
        emails.some((known) => known.normalized !== null && known.normalized === entry.normalized)
      )
        return;
      provenance[`emails[${emails.length}]`] = `contacts[${index}].to`;
      emails.push(entry);
    } else if (method === "sms" || method === "voice") {
      // OpsGenie writes "1-9999999999": the country code without a "+".
      const number = phone(address, { assumeInternational: true });
      if (number === null || phones.some((known) => known.raw === number.raw)) return;
      provenance[`phones[${phones.length}]`] = `contacts[${index}].to`;
      phones.push(number);
    }
  });

  const fullname = text(raw.fullname);
  if (fullname !== null) provenance.names = "fullname";
  const timezone = timezoneFromIana(text(raw.timezone));
  if (timezone.precision !== "unknown") provenance.timezone = "timezone";
  const locale = localeFrom(text(raw.locale));
  if (locale.tag !== null) provenance.locale = "locale";
  const createdAt = isoFromEpochMs(typeof raw.createdAt === "number" ? raw.createdAt : null);
  if (createdAt !== null) provenance.createdAt = "createdAt";
  const role = roleFrom(text(raw.role), ROLES);
  if (role.raw !== null) provenance.role = "role";
  const status = statusOf(raw);
  if (status !== "unknown") provenance.status = "blocked/verified/state";
  const groups = (Array.isArray(raw.groups) ? raw.groups : [])
    .filter((name): name is string => typeof name === "string" && name !== "")
    .map((name) => ({ id: null, name }));
  if (groups.length > 0) provenance.groups = "groups";

  const extras: Record<string, unknown> = {};
  if (text(raw.skypeUsername) !== null) extras.skypeUsername = raw.skypeUsername;
  for (const key of ["escalations", "schedules"] as const) {
    if (Array.isArray(raw[key]) && raw[key].length > 0) extras[key] = raw[key];
  }

  return defineAccount({
    source: { vendor: "opsgenie", kind: KIND, id },
    raw,
    emails,
    names: namesFrom({ full: fullname }),
    phones,
    timezone,
    locale,
    status,
    role,
    groups,
    createdAt,
    extras,
    provenance,
  });
}

/**
 * Blocked users are disabled. List answers say `verified`; get answers say `state` instead.
 */
function statusOf(raw: Record<string, unknown>): AccountStatus {
  if (raw.blocked === true) return "disabled";
  if (raw.verified === false) return "unverified";
  if (raw.verified === true || raw.state === "active") return "active";
  return "unknown";
}
