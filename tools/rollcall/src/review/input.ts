// What the review report is made from: one pull (or snapshot) of every vendor, and optionally
// what changed since the previous one. Plain data, so a live pull and a stored snapshot both fit.
import type { AccessChanges, AccessGraph, Directory, VendorId } from "@rollcall/core";

export interface ReviewVendor {
  readonly id: VendorId;
  /** As people know it: "eagle.io", "OpsGenie". */
  readonly name: string;
  /** False when the vendor could not be read, or only in part: nothing it holds is known. */
  readonly complete: boolean;
}

export interface ReviewInput {
  readonly generatedAt: Date;
  readonly directory: Directory;
  readonly access: AccessGraph;
  /** In column order. */
  readonly vendors: readonly ReviewVendor[];
  /** What changed since the previous snapshot; absent when there is none to compare with. */
  readonly changes?: AccessChanges;
  readonly previousTakenAt?: Date;
  /** An account with no login in this many days is dormant (default 90). */
  readonly dormantAfterDays?: number;
}

export interface EvidenceFile {
  readonly fileName: string;
  /** RFC 4180, CRLF line ends, control characters shown as `\uXXXX`. */
  readonly csv: string;
}

export interface ReviewOutput {
  /** One self-contained page: inline styles, no script, nothing fetched from anywhere. */
  readonly html: string;
  readonly evidence: readonly EvidenceFile[];
}

export const DEFAULT_DORMANT_AFTER_DAYS = 90;
