// Roles as a vendor lists them (its built-in and custom account roles), beside the role each
// account states: one reader for every vendor, like the membership field maps.
import { roleFrom, type AccountIssue, type RoleLevel } from "./account";
import { textAt, type FieldPath } from "./account-fields";
import type { AccessRecords, Entitlement, Grant } from "./access";
import type { AccountKind, VendorId } from "./vendors";

/** Where a vendor's role record keeps its id, name and the key of its level. */
export interface RoleFields<R> {
  readonly vendor: VendorId;
  /** The kind of the accounts that hold them (`<vendor>.user`). */
  readonly accountKind: AccountKind;
  /** What the vendor calls the record, for issues ("role"). */
  readonly noun: string;
  /**
   * The entitlement's id. Core names an account's own role after the role (`accountAccess`), so
   * the listing of those roles keys them by name: the listed role and the role an account states
   * are then one entitlement, and one grant. Roles accounts hold by id (`holders`) key by id.
   */
  readonly id: FieldPath<R>;
  readonly name: FieldPath<R>;
  /** The role's stable key (a slug, a system role), looked up in `levels`; else "unknown". */
  readonly level: FieldPath<R>;
  readonly levels: Readonly<Record<string, RoleLevel>>;
  /** Put before the vendor's name where two of its products have roles of the same names. */
  readonly label?: string;
  /** The call the records came from, for each grant's `via` ("GET /v1/on_call_roles"). */
  readonly via: string;
}

/**
 * Each listed role as a `role` entitlement conferring its level, and a grant for each holder:
 * `[account id, role id]` pairs, for roles the accounts do not state as their own. A record
 * without an id becomes an issue; a holder of a role not listed is kept, for the graph to report.
 */
export function roleAccess<R>(
  fields: RoleFields<R>,
  records: readonly R[],
  holders: Iterable<readonly [account: string, role: string]> = [],
): Required<AccessRecords> & { issues: AccountIssue[] } {
  const { vendor } = fields;
  const entitlements = new Map<string, Entitlement>();
  const issues: AccountIssue[] = [];
  records.forEach((record, index) => {
    const id = textAt(record, fields.id);
    if (id === null) {
      const reason = `the ${fields.noun} at index ${index} has no id, so who holds it is not known`;
      issues.push({ vendor, kind: `${vendor}.${fields.noun}`, reason, raw: record });
      return;
    }
    const name = textAt(record, fields.name) ?? id;
    const { level } = roleFrom(textAt(record, fields.level), fields.levels);
    const label = `${fields.label ?? ""}${name}`;
    entitlements.set(id, { vendor, kind: "role", id, name: label, privilege: level });
  });
  const grants: Grant[] = [];
  for (const [account, role] of holders) {
    grants.push({
      account: { vendor, kind: fields.accountKind, id: account },
      entitlement: { vendor, kind: "role", id: role },
      privilege: entitlements.get(role)?.privilege ?? "unknown",
      via: fields.via,
    });
  }
  return { entitlements: [...entitlements.values()], grants, issues };
}
