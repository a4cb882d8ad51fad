// The owner, its administrator, group and usage of eagle.io's Owners API document, read from the
// bundled spec's own examples (`fullOwner`, `withManagedAccount`) so the seed cannot drift from it.
import { responseExample } from "../../spec/spec-examples";
import type {
  EagleGroupRecord,
  EagleOwnerRecord,
  EagleUsage,
  EagleUserProfile,
} from "./eagle-store";

// The `fullOwner` example states every attribute, each group's name and members included.
type DocumentedOwner = EagleOwnerRecord & {
  administrators: EagleUserProfile[];
  groups: (Omit<EagleGroupRecord, "users"> & { users: EagleUserProfile[] })[];
};

export interface EagleDocsSeed {
  owner: EagleOwnerRecord;
  users: EagleUserProfile[];
  administrators: string[];
  groups: EagleGroupRecord[];
}

export function docsSeed(): EagleDocsSeed {
  const documented = responseExample(
    "eagle",
    "GET /api/v1/owners/account",
    "200",
    "fullOwner",
  ) as DocumentedOwner;
  const { administrators, groups, ...owner } = documented;
  const members = groups.flatMap((group) => group.users);
  return {
    owner,
    users: [...administrators, ...members],
    administrators: administrators.map((profile) => profile.user),
    groups: groups.map(({ _id, name, users }) => ({
      _id,
      name,
      users: users.map((profile) => profile.user),
    })),
  };
}

export function docsUsage(): EagleUsage {
  const path = "GET /api/v1/owners/account/usage";
  return responseExample("eagle", path, "200", "withManagedAccount") as EagleUsage;
}
