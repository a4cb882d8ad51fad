import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import type { components } from "../../generated/eagle-schema";
import { Collection } from "../../store/collection";
import { docsSeed, docsUsage, type EagleDocsSeed as EagleSeed } from "./eagle-docs-seed";

type Schemas = components["schemas"];

/**
 * A user profile, keyed by lower-cased email (eagle.io identifies users by address): what answers
 * show of a user, and the details a request may set. `lastLoginTime` is "" for a user who never
 * signed in (as eagle.io's docs show), absent if unknown.
 */
export type EagleUserProfile = Pick<Schemas["AccountUser"], "user" | "name" | "lastLoginTime"> &
  Omit<Schemas["AccountUserRequest"], "user" | "name">;

/** A group as stored: answers embed each member's profile, the store keeps their emails, in order. */
export type EagleGroupRecord = Pick<Schemas["Group"], "_id"> & {
  name: NonNullable<Schemas["Group"]["name"]>;
  users: string[];
};

/** The owner's own attributes; administrators and groups are kept apart and rendered in. */
export type EagleOwnerRecord = Present<
  Pick<
    Schemas["Owner"],
    "_class" | "_id" | "accountName" | "accountType" | "categories" | "createdTime" | "slug"
  >
>;

export type EagleUsage = Present<Schemas["AccountUsage"]>;

// The spec lets eagle.io omit or null any of these; the simulator always has them.
type Present<T> = { [K in keyof T]-?: NonNullable<T[K]> };

const DEMO_GROUP_IDS: Record<string, string> = {
  "Field Operations": "64a1f0c2e4b0a1b2c3d4e501",
  "Data Platform": "64a1f0c2e4b0a1b2c3d4e502",
};

function buildSeed(seed: SeedChoice): EagleSeed {
  const docs = docsSeed();
  const result: EagleSeed = includesDocs(seed)
    ? docs
    : { owner: docs.owner, users: [], administrators: [], groups: [] };
  if (includesDemo(seed)) {
    if (!includesDocs(seed)) {
      result.owner = { ...result.owner, accountName: demoOrganisation.name, slug: "harbourline" };
    }
    const groups = new Map<string, EagleGroupRecord>();
    demoOrganisation.people.forEach((person, index) => {
      const account = person.eagle;
      if (!account) return;
      result.users.push({
        user: account.email,
        name: { first: person.firstName, last: person.lastName },
        lastLoginTime: new Date(Date.UTC(2025, 0, 1 + index, 8, 30)).toISOString(),
      });
      if (account.role === "administrator") result.administrators.push(account.email);
      for (const groupName of account.groups) {
        const group = groups.get(groupName) ?? {
          _id: DEMO_GROUP_IDS[groupName] ?? "64a1f0c2e4b0a1b2c3d4e5ff",
          name: groupName,
          users: [],
        };
        group.users.push(account.email);
        groups.set(groupName, group);
      }
    });
    result.groups.push(...groups.values());
  }
  return result;
}

/** The eagle.io account behind the simulator's API key: owner, user profiles, administrators, groups. */
export class EagleStore {
  readonly #seed: SeedChoice;
  owner!: EagleOwnerRecord;
  /** Emails of the administrators, in order. Replaced wholesale by PUT /owners/account. */
  administrators!: string[];
  readonly users: Collection<EagleUserProfile>;
  readonly groups: Collection<EagleGroupRecord>;
  usage!: EagleUsage;

  constructor(seed: SeedChoice) {
    this.#seed = seed;
    this.users = new Collection(
      (user) => user.user.toLowerCase(),
      () => buildSeed(this.#seed).users,
    );
    this.groups = new Collection(
      (group) => group._id,
      () => buildSeed(this.#seed).groups,
    );
    this.reset();
  }

  /** The profile for an address, matched case-insensitively. */
  user(email: string): EagleUserProfile | undefined {
    return this.users.get(email.toLowerCase());
  }

  reset(): void {
    const seed = buildSeed(this.#seed);
    this.owner = seed.owner;
    this.administrators = seed.administrators;
    this.usage = docsUsage();
    this.users.reset();
    this.groups.reset();
  }
}
