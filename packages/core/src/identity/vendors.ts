/**
 * Vendor and account-kind ids. Core knows no vendor: each vendor package names its own (its
 * connector's `id`, and kinds such as `<vendor>.user`), so a new vendor needs no core change.
 */

/** A vendor id, as a vendor package's connector names it (e.g. its registry id). */
export type VendorId = string;

/** An account kind, by convention `<vendor>.<record>`, named by the vendor's package. */
export type AccountKind = string;
