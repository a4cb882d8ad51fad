// A generated organisation written to the CLI's snapshot store twice (the second time with some
// people gone, some promoted and some new) and the two snapshots diffed, in its own process.
// Run by the "cli" section: argv = people; answers over IPC.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineAccount, diffAccess, type Account } from "@rollcall/core";
import { assembleDirectory, type PulledDirectory, type VendorPull } from "../../rollcall/src/pull";
import { SecretScrubber } from "../../rollcall/src/secret-scrubber";
import { SnapshotStore } from "../../rollcall/src/store/snapshot-store";
import { ACCOUNTS_PER_PERSON, syntheticAccounts } from "./synthetic-accounts";

export interface SnapshotScaleResult {
  people: number;
  accounts: number;
  firstWriteMs: number;
  secondWriteMs: number;
  diffMs: number;
  changes: number;
  fileBytes: number;
  maxRssBytes: number;
}

/** The accounts as the vendors' pulls, as `rollcall snapshot` has them. */
function pulled(accounts: readonly Account[]): PulledDirectory {
  const byVendor = new Map<string, Account[]>();
  for (const account of accounts) {
    const list = byVendor.get(account.source.vendor) ?? [];
    if (list.length === 0) byVendor.set(account.source.vendor, list);
    list.push(account);
  }
  const pulls: VendorPull[] = [...byVendor].map(([vendor, list]) => ({
    vendor,
    source: "generated",
    status: "ok",
    accounts: list,
    issues: [],
    access: {},
    pages: Math.ceil(list.length / 100),
  }));
  return assembleDirectory(pulls);
}

/** A quarter later: every 100th account gone, every 97th promoted, 1% new people. */
function nextQuarter(accounts: readonly Account[]): Account[] {
  const kept = accounts.filter((_, index) => index % 100 !== 1);
  const changed = kept.map((account, index) =>
    index % 97 === 0 ? { ...account, role: { level: "admin" as const, raw: "Admin" } } : account,
  );
  const joiners = Array.from({ length: Math.round(accounts.length / 100) }, (_, index) =>
    defineAccount({
      source: { vendor: "rootly", kind: "rootly.user", id: `joiner-${index}` },
      raw: { index },
      emails: [
        {
          value: `joiner.${index}@corp.example`,
          normalized: `joiner.${index}@corp.example`,
          kind: "primary",
        },
      ],
      status: "active",
      role: { level: "member", raw: null },
    }),
  );
  return [...changed, ...joiners];
}

const people = Number(process.argv[2]);
const accounts = syntheticAccounts(Math.round(people * ACCOUNTS_PER_PERSON));
const before = pulled(accounts);
const after = pulled(nextQuarter(accounts));
const dir = mkdtempSync(join(tmpdir(), "rollcall-bench-store-"));
const path = join(dir, "rollcall.db");
const scrubber = new SecretScrubber();
const meta = { takenAt: new Date().toISOString(), rollcallVersion: "bench" };
try {
  const store = await SnapshotStore.open(path);
  let started = performance.now();
  store.append(before, meta, scrubber);
  const firstWriteMs = performance.now() - started;
  started = performance.now();
  store.append(after, meta, scrubber);
  const secondWriteMs = performance.now() - started;
  store.close();

  started = performance.now();
  const reopened = await SnapshotStore.open(path);
  const [first, second] = reopened.list();
  const state = (snapshot: typeof first) => {
    const { pulled: loaded } = reopened.load(snapshot!);
    return { directory: loaded.directory, access: loaded.access };
  };
  const { changes } = diffAccess(state(first), state(second));
  const diffMs = performance.now() - started;
  reopened.close();

  const result: SnapshotScaleResult = {
    people: before.directory.people.length,
    accounts: accounts.length,
    firstWriteMs,
    secondWriteMs,
    diffMs,
    changes: changes.length,
    fileBytes: statSync(path).size,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  if (process.send) process.send(result, () => process.exit(0));
  else console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
