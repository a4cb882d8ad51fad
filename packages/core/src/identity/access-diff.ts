// What changed in who holds what between two snapshots. Shape agreed with h17, who builds the diff
// itself (the snapshot store's `rollcall diff`); this copy lets the review report compile against it.
import type { AccountSource } from "./account";
import type { EntitlementKind, Privilege } from "./access";
import type { VendorId } from "./vendors";

/** One change between two snapshots. */
export interface AccessChange {
  readonly type:
    | "person-joined"
    | "person-left"
    | "account-added"
    | "account-removed"
    | "grant-added"
    | "grant-removed"
    | "privilege-changed";
  readonly vendor: VendorId | null;
  readonly person: { readonly key: string; readonly displayName: string | null } | null;
  readonly account?: AccountSource;
  readonly entitlement?: {
    readonly kind: EntitlementKind;
    readonly id: string;
    readonly name: string;
  };
  readonly from?: Privilege;
  readonly to?: Privilege;
}

/**
 * Every change, and the vendors whose pull was incomplete in either snapshot: nothing is known
 * about those, so they are never reported as people leaving.
 */
export interface AccessChanges {
  readonly changes: readonly AccessChange[];
  readonly unknownVendors: readonly VendorId[];
}
