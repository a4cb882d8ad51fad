import type {
  Account,
  AccountStatus,
  EmailKind,
  OffboardingPlanner,
  OffboardingPlanners,
  RoleLevel,
} from "../../src/identity/index";
import { defineAccount, email, namesFrom } from "../../src/identity/index";

/** A small account for tests: vendor/kind/id plus addresses as [value, kind] pairs. */
export function account(
  vendor: string,
  kind: string,
  id: string,
  emails: readonly (readonly [string, EmailKind])[],
  extra: {
    name?: string;
    role?: RoleLevel;
    phone?: string;
    groups?: { id: string; name: string }[];
    status?: AccountStatus;
  } = {},
): Account {
  return defineAccount({
    source: { vendor, kind, id },
    raw: { id, emails },
    emails: emails.map(([value, emailKind]) => email(value, emailKind)),
    names: namesFrom({ full: extra.name ?? null }),
    role: { level: extra.role ?? "member", raw: extra.role ?? null },
    phones: extra.phone === undefined ? [] : [{ raw: extra.phone, e164: extra.phone }],
    groups: extra.groups ?? [],
    ...(extra.status && { status: extra.status }),
  });
}

/**
 * A planner as a vendor package writes one: a `<vendor>.remove` step per group the account names
 * (one when it names none), described by the sign-in address it was given.
 */
export const removeByLogin: OffboardingPlanner = (account, login) =>
  (account.groups.length === 0 ? [null] : account.groups.map((group) => group.id)).map(
    (groupId) => ({
      vendor: account.source.vendor,
      action: `${account.source.vendor}.remove`,
      account: account.source,
      groupId,
      description: `Remove ${login ?? account.source.id} (${account.source.kind} ${account.source.id}).`,
    }),
  );

/** The four shipped vendors' planners, as a tool would pass them; "pagerbox" has none. */
export const planners: OffboardingPlanners = {
  eagle: removeByLogin,
  rootly: removeByLogin,
  opsgenie: removeByLogin,
  uptrends: removeByLogin,
};
