import {
  isRecord,
  phone,
  recordsAdapter,
  textAt,
  type AccountStatus,
  type AdapterResult,
  type RecordFields,
  type RecordsAdapter,
  type RoleLevel,
} from "@rollcall/core";
import type { User } from "./generated/schema";
import { vendor } from "./generated/vendor";

/** OpsGenie's built-in roles (v1 and v2 names agree) as core's levels. */
const ROLE_LEVELS: Readonly<Record<string, RoleLevel>> = {
  Owner: "owner",
  Admin: "admin",
  User: "member",
  Observer: "limited",
  Stakeholder: "limited",
};

/** The kind of every account OpsGenie's adapter returns. */
export const USER_KIND = "opsgenie.user";

/**
 * Where an OpsGenie user keeps each account field: `username` is the login address. A user
 * without one is kept (it exists, so an access review must see it) and reported too.
 */
const userFields = (customRoles: Readonly<Record<string, RoleLevel>>): RecordFields<User> => ({
  vendor: vendor.id,
  kind: USER_KIND,
  noun: "user",
  id: "id",
  emails: [["username", "login"]],
  keepWithoutEmail: true,
  names: { full: "fullname" },
  timezone: ["timezone", "iana"],
  locale: "locale",
  createdAt: ["createdAt", "epoch-ms"],
  role: ["role", { ...customRoles, ...ROLE_LEVELS }],
  groupNames: "groups",
  extras: { skypeUsername: "skypeUsername", escalations: "escalations", schedules: "schedules" },
});

/**
 * Accounts from OpsGenie users, as list (GET /v1.2/json/user) or get (GET /v1/json/user) answer
 * them: `username` is the login address, email contacts are contact addresses, sms/voice
 * contacts phone numbers. Accepts one record or a list; a user without an id, or a repeated id,
 * is reported in `issues` instead. Nothing here throws. `customRoles` gives the level of each
 * custom role a user may hold (by name; see `GET /v2/roles`), else its level is unknown.
 */
export function toAccounts(
  users: unknown,
  customRoles: Readonly<Record<string, RoleLevel>> = {},
): AdapterResult {
  const adapter = usersAdapter(customRoles);
  adapter.add(users);
  return adapter.result();
}

/** {@link toAccounts} page by page, for a pull that adapts each page as it arrives. */
export function usersAdapter(
  customRoles: Readonly<Record<string, RoleLevel>> = {},
): RecordsAdapter {
  return recordsAdapter(userFields(customRoles), (user, add) => {
    const contacts = Array.isArray(user.contacts) ? user.contacts : [];
    contacts.forEach((contact: unknown, index) => {
      const address = textAt(contact, "to");
      const method = isRecord(contact) ? contact.method : undefined;
      // The login address repeated as a contact says nothing new: add.email skips repeats.
      if (method === "email") add.email(address, "contact", `contacts[${index}].to`);
      // OpsGenie writes "1-9999999999": the country code without a "+".
      if (method === "sms" || method === "voice") {
        add.phone(phone(address, { assumeInternational: true }), `contacts[${index}].to`);
      }
    });
    add.status(statusOf(user), "blocked/verified/state");
  });
}

/**
 * Blocked users are disabled. List answers say `verified`; get answers say `state` instead.
 */
function statusOf(raw: Readonly<Record<string, unknown>>): AccountStatus {
  if (raw.blocked === true) return "disabled";
  if (raw.verified === false) return "unverified";
  if (raw.verified === true || raw.state === "active") return "active";
  return "unknown";
}
