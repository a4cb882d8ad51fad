// Access nobody answers for: accounts no login/primary address ties to a person, and the grants
// such accounts (or accounts the directory does not have at all) hold.
import { orphanedGrants, type AccessEntry, type AccessGraph, type Person } from "@rollcall/core";
import { isUnclaimed } from "./holdings";

export interface OrphanFindings {
  /** One unclaimed person per account: an account with no usable address. */
  readonly accounts: readonly Person[];
  readonly grants: readonly AccessEntry[];
}

export function orphans(people: readonly Person[], access: AccessGraph): OrphanFindings {
  return { accounts: people.filter(isUnclaimed), grants: orphanedGrants(access) };
}
