import {
  defineAccount,
  type AccessRecords,
  type Account,
  type AccountEmail,
  type EmailKind,
  type Entitlement,
  type Grant,
} from "@rollcall/core";

/** mulberry32: a tiny seeded PRNG, so every run (and every size) builds the same population. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A population shaped like the four shipped vendors: data, not a switch over them.
interface VendorMix {
  vendor: string;
  kind: string;
  emailKind: EmailKind;
  share: number;
  /** How often an account also lists someone else's address as a backup. */
  backupShare?: number;
}

const VENDOR_MIX: readonly VendorMix[] = [
  { vendor: "opsgenie", kind: "opsgenie.user", emailKind: "login", share: 0.3 },
  { vendor: "rootly", kind: "rootly.user", emailKind: "primary", share: 0.3 },
  {
    vendor: "uptrends",
    kind: "uptrends.operator",
    emailKind: "primary",
    share: 0.2,
    backupShare: 0.25,
  },
  { vendor: "eagle", kind: "eagle.groupMember", emailKind: "login", share: 0.2 },
];

/** On average a person holds this many accounts, so people ≈ count / 2.2 and most span vendors. */
export const ACCOUNTS_PER_PERSON = 2.2;

/**
 * `count` accounts across the four vendors with the overlap a real directory has: most people in two or
 * three vendors, 10% of addresses in mixed case, 3% one-off contractor addresses, 1% malformed, and a
 * quarter of Uptrends operators with a backup address belonging to someone else. Addresses are plain
 * ASCII, so lower-casing is their full normalisation — no per-account `email()` call, which keeps
 * generating a million accounts to about a second.
 */
export function syntheticAccounts(count: number, seed = 42): Account[] {
  const random = seededRandom(seed);
  const people = Math.max(1, Math.ceil(count / ACCOUNTS_PER_PERSON));
  const addressOf = (person: number) => `person.${person}@corp${person % 7}.example`;
  const accounts: Account[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const pick = random();
    let cumulative = 0;
    let mix = VENDOR_MIX[0]!;
    for (const candidate of VENDOR_MIX) {
      cumulative += candidate.share;
      mix = candidate;
      if (pick < cumulative) break;
    }
    const person = Math.floor(random() * people);
    const variant = random();
    let value = addressOf(person);
    if (variant < 0.01) value = `not-an-email-${index}`;
    else if (variant < 0.04) value = `contractor.${index}@agency.example`;
    else if (variant < 0.14) value = value.replace("person", "Person").replace("corp", "CORP");
    const emails: AccountEmail[] = [address(value, mix.emailKind)];
    if (mix.backupShare !== undefined && random() < mix.backupShare) {
      emails.push(address(addressOf(Math.floor(random() * people)), "backup"));
    }
    accounts[index] = defineAccount({
      source: { vendor: mix.vendor, kind: mix.kind, id: `${mix.vendor}-${index}` },
      raw: { index },
      emails,
      names: { display: `Person ${person}`, given: "Person", family: String(person), derived: [] },
      status: "active",
      role: { level: index % 50 === 0 ? "admin" : "member", raw: null },
    });
  }
  return accounts;
}

function address(value: string, kind: EmailKind): AccountEmail {
  return { value, normalized: value.includes("@") ? value.toLowerCase() : null, kind };
}

/** Connector grants per account: three teams and one schedule, beside the role core derives. */
const TEAMS_PER_ACCOUNT = 3;

/**
 * Teams and schedules for `accounts`, as connectors list them: every account in three of its
 * vendor's teams (one team per 50 accounts; one grant in 20 as the team's admin) and one schedule
 * (one per 200 accounts; 1 in 100 on call now). With each account's derived role grant that is
 * five grants per account.
 */
export function syntheticAccess(accounts: readonly Account[], seed = 7): Required<AccessRecords> {
  const random = seededRandom(seed);
  const teams = Math.max(1, Math.ceil(accounts.length / 50));
  const schedules = Math.max(1, Math.ceil(accounts.length / 200));
  const entitlements: Entitlement[] = [];
  for (const { vendor } of VENDOR_MIX) {
    for (let id = 0; id < teams; id++) {
      entitlements.push({
        vendor,
        kind: "team",
        id: `t${id}`,
        name: `Team ${id}`,
        privilege: "admin",
      });
    }
    for (let id = 0; id < schedules; id++) {
      entitlements.push({
        vendor,
        kind: "schedule",
        id: `s${id}`,
        name: `Rota ${id}`,
        privilege: "member",
      });
    }
  }
  const grants: Grant[] = [];
  for (const { source } of accounts) {
    for (let n = 0; n < TEAMS_PER_ACCOUNT; n++) {
      const id = `t${Math.floor(random() * teams)}`;
      const privilege = random() < 0.05 ? "admin" : "member";
      grants.push({
        account: source,
        entitlement: { vendor: source.vendor, kind: "team", id },
        privilege,
        via: "GET /teams",
      });
    }
    const id = `s${Math.floor(random() * schedules)}`;
    const onCallNow = random() < 0.01;
    grants.push({
      account: source,
      entitlement: { vendor: source.vendor, kind: "schedule", id },
      privilege: "member",
      via: "GET /schedules",
      onCallNow,
    });
  }
  return { entitlements, grants };
}
