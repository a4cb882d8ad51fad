import type { Account, EmailKind, RoleLevel } from "../../src/identity/index";
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
  });
}
