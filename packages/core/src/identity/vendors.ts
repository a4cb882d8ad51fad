/**
 * Vendor and account-kind ids. Both are open string types: the four known vendors get constants
 * and editor completion, and a fifth vendor's adapter can use its own ids without a core change.
 */

/** The vendors Rollcall ships clients for. */
export const VENDORS = {
  eagle: "eagle",
  rootly: "rootly",
  opsgenie: "opsgenie",
  uptrends: "uptrends",
} as const;

export type KnownVendorId = (typeof VENDORS)[keyof typeof VENDORS];

/** A vendor id: one of {@link VENDORS}, or any other string for a vendor core does not know. */
// `string & {}` keeps completion for the known ids while accepting any string.
export type VendorId = KnownVendorId | (string & {});

/** The kinds of record the known vendors' adapters turn into accounts. */
export const ACCOUNT_KINDS = {
  eagleAdministrator: "eagle.administrator",
  eagleGroupMember: "eagle.groupMember",
  rootlyUser: "rootly.user",
  opsgenieUser: "opsgenie.user",
  uptrendsOperator: "uptrends.operator",
} as const;

export type KnownAccountKind = (typeof ACCOUNT_KINDS)[keyof typeof ACCOUNT_KINDS];

/** An account kind, by convention `<vendor>.<record>`. Open like {@link VendorId}. */
export type AccountKind = KnownAccountKind | (string & {});
