// Everything the report shows, worked out once from its input; the page and the CSV evidence
// both read it, so they cannot disagree.
import {
  allAccounts,
  privilegedPeople,
  summariseAccess,
  type AccessChange,
  type VendorId,
} from "@rollcall/core";
import { dormantAccounts, type DormantFindings } from "./dormant";
import { holdingsByPerson } from "./holdings";
import { DEFAULT_DORMANT_AFTER_DAYS, type ReviewInput } from "./input";
import { leaversWithAccess, type Leaver } from "./leavers";
import { reviewMatrix, type MatrixRow } from "./matrix";
import { orphans, type OrphanFindings } from "./orphans";

export interface ChangeFindings {
  /** Changes in vendors compared in both snapshots, in the order given. */
  readonly changes: readonly AccessChange[];
  readonly unknownVendors: readonly VendorId[];
  readonly previousTakenAt?: Date;
}

export interface ReviewFindings {
  readonly input: ReviewInput;
  readonly dormantAfterDays: number;
  readonly matrix: readonly MatrixRow[];
  readonly accountCount: number;
  /** People with an owner or admin grant they can use, anywhere. */
  readonly privilegedCount: number;
  readonly dormant: DormantFindings;
  readonly orphans: OrphanFindings;
  readonly leavers: readonly Leaver[];
  /** Absent: no previous snapshot to compare with. */
  readonly changes?: ChangeFindings;
  readonly incompleteVendors: readonly VendorId[];
}

function changeFindings(input: ReviewInput): ChangeFindings | undefined {
  if (input.changes === undefined) return undefined;
  const unknown = new Set(input.changes.unknownVendors);
  // A vendor not fully read in either snapshot is stated as unknown: nothing of it is a change.
  const changes = input.changes.changes.filter(
    (change) => change.vendor === null || !unknown.has(change.vendor),
  );
  return {
    changes,
    unknownVendors: [...unknown],
    ...(input.previousTakenAt !== undefined && { previousTakenAt: input.previousTakenAt }),
  };
}

export function reviewFindings(input: ReviewInput): ReviewFindings {
  const { directory, access, vendors } = input;
  const holdings = holdingsByPerson(access);
  const dormantAfterDays = input.dormantAfterDays ?? DEFAULT_DORMANT_AFTER_DAYS;
  const changes = changeFindings(input);
  return {
    input,
    dormantAfterDays,
    matrix: reviewMatrix(directory.people, vendors, holdings, summariseAccess(access)),
    accountCount: allAccounts(directory).length,
    privilegedCount: privilegedPeople(access).length,
    dormant: dormantAccounts(directory.people, vendors, input.generatedAt, dormantAfterDays),
    orphans: orphans(directory.people, access),
    leavers: leaversWithAccess(directory.people, holdings),
    ...(changes !== undefined && { changes }),
    incompleteVendors: vendors.filter((vendor) => !vendor.complete).map((vendor) => vendor.id),
  };
}
