import {
  demoOrganisation,
  includesDemo,
  includesDocs,
  type SeedChoice,
} from "../../demo-organisation";
import { Collection } from "../../store/collection";

/** A user profile, keyed by lower-cased email (eagle.io identifies users by address). */
export interface EagleUserProfile {
  user: string;
  name?: { first?: string; last?: string };
  /** ISO 8601; "" for a user who never signed in (as eagle.io's docs show); absent if unknown. */
  lastLoginTime?: string;
  phone?: string;
  timezone?: string;
  timezoneAdjustForDst?: boolean;
  timeFormat?: string;
}

export interface EagleGroupRecord {
  _id: string;
  name: string;
  /** Member emails, in order. */
  users: string[];
}

export interface EagleOwnerRecord {
  _class: string;
  _id: string;
  accountName: string;
  accountType: "STANDARD" | "MANAGED" | "TRIAL" | "DISABLED";
  categories: { name: string; index: number; _id: string }[];
  createdTime: string;
  slug: string;
}

export interface EagleUsage {
  rates: Record<string, unknown>;
  total: Record<string, unknown>;
  accounts: Record<string, unknown>[];
}

// The owner, administrator, group and usage examples of eagle.io's Owners API document.
function docsOwner(): EagleOwnerRecord {
  return {
    _class: "io.eagle.models.owner.Owner",
    _id: "5424fbe96c4728a166f0d725",
    accountName: "Environment Inc",
    accountType: "STANDARD",
    categories: [
      { name: "Maintenance", index: 0, _id: "52969367593a1a3a32000012" },
      { name: "Operations", index: 1, _id: "52969367593a1a3a32000011" },
      { name: "Critical", index: 2, _id: "52969367593a1a3a32000010" },
    ],
    createdTime: "2022-01-26T05:38:49.167Z",
    slug: "mypers42",
  };
}

function docsUsage(): EagleUsage {
  return {
    rates: { attachmentsource: 0.7, datasource: { small: 0.3, medium: 0.7, large: 1 }, sms: 1 },
    total: { source: { usage: 32.4, usageLimit: 50 }, sms: { usage: 30, usageLimit: 250 } },
    accounts: [
      {
        _id: "5424fbe96c4728a166f0d725",
        accountName: "My Personal Account",
        accountType: "STANDARD",
        usage: {
          attachmentsource: 0.7,
          datasource: { small: 0.3, medium: 1.4, large: 20 },
          sms: 10,
        },
      },
      {
        _id: "5d7adc82e9e941211c57032c",
        accountName: "Managed account",
        accountType: "MANAGED",
        usage: { attachmentsource: 0, datasource: { small: 0, medium: 7, large: 3 }, sms: 20 },
      },
    ],
  };
}

interface EagleSeed {
  owner: EagleOwnerRecord;
  users: EagleUserProfile[];
  administrators: string[];
  groups: EagleGroupRecord[];
}

const DEMO_GROUP_IDS: Record<string, string> = {
  "Field Operations": "64a1f0c2e4b0a1b2c3d4e501",
  "Data Platform": "64a1f0c2e4b0a1b2c3d4e502",
};

function buildSeed(seed: SeedChoice): EagleSeed {
  const result: EagleSeed = { owner: docsOwner(), users: [], administrators: [], groups: [] };
  if (includesDocs(seed)) {
    result.users.push(
      {
        user: "rlewis@company.com",
        name: { first: "Rod", last: "Lewis" },
        lastLoginTime: "2021-12-16T03:17:35.170Z",
      },
      {
        user: "jsmith@company.com",
        name: { first: "Jane", last: "Smith" },
        lastLoginTime: "2022-01-04T11:30:22.310Z",
      },
    );
    result.administrators.push("rlewis@company.com");
    result.groups.push({
      _id: "61bac74a84cac62fcbfe2c3c",
      name: "Engineering team",
      users: ["jsmith@company.com"],
    });
  }
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
