// One directory size, in its own process so peak memory belongs to that size alone. Run by the
// "directory" section: argv = count, repetitions; answers over IPC.
import {
  buildAccessGraph,
  buildDirectory,
  type Account,
  type Directory,
  type Grant,
} from "@rollcall/core";
import { syntheticAccess, syntheticAccounts } from "./synthetic-accounts";

export interface DirectoryScaleResult {
  count: number;
  people: number;
  buildMs: number[];
  baselineMs: number[];
  /** Heap the built directory keeps beyond the accounts themselves. */
  retainedHeapBytes: number;
  /** Peak resident set of the whole process (accounts included). */
  maxRssBytes: number;
  accountsHeapBytes: number;
  /** Every grant the access graph joined: the connectors' plus each account's derived role. */
  grants: number;
  accessMs: number[];
  accessBaselineMs: number[];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** The floor: one pass grouping accounts by their first usable address in a Map. */
function groupByFirstAddress(accounts: readonly Account[]): number {
  const groups = new Map<string, Account[]>();
  for (const account of accounts) {
    const key = account.emails[0]?.normalized ?? `${account.source.vendor}:${account.source.id}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [account]);
    else group.push(account);
  }
  return groups.size;
}

/** The access graph's floor: one pass grouping the connectors' grants by their account's key. */
function groupGrantsByAccount(grants: readonly Grant[]): number {
  const groups = new Map<string, Grant[]>();
  for (const grant of grants) {
    const { vendor, kind, id } = grant.account;
    const key = `${vendor}\u0000${kind}\u0000${id}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [grant]);
    else group.push(grant);
  }
  return groups.size;
}

const count = Number(process.argv[2]);
const repetitions = Number(process.argv[3]);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const accounts = syntheticAccounts(count);
gc();
const accountsHeapBytes = process.memoryUsage().heapUsed - heapBefore;

const buildMs: number[] = [];
const baselineMs: number[] = [];
let people = 0;
let retainedHeapBytes = 0;

// Each timing in its own function call, so no stack slot keeps an earlier round's directory alive
// and hides the next one's heap.
function timeBaseline(): void {
  gc();
  const started = performance.now();
  groupByFirstAddress(accounts);
  baselineMs.push(performance.now() - started);
}

function timeBuild(): void {
  gc();
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const directory = buildDirectory(accounts);
  buildMs.push(performance.now() - started);
  gc();
  retainedHeapBytes = process.memoryUsage().heapUsed - heap;
  people = directory.people.length; // also keeps the directory alive through the measurement
}

for (let round = 0; round < repetitions; round++) {
  // Alternate which runs first so neither always inherits the other's garbage.
  if (round % 2 === 0) {
    timeBaseline();
    timeBuild();
  } else {
    timeBuild();
    timeBaseline();
  }
}

// The access graph over one directory: connectors' grants (four per account) joined to people.
const records = syntheticAccess(accounts);
const directory: Directory = buildDirectory(accounts);
const accessMs: number[] = [];
const accessBaselineMs: number[] = [];
let grants = 0;

function timeAccessBaseline(): void {
  gc();
  const started = performance.now();
  groupGrantsByAccount(records.grants);
  accessBaselineMs.push(performance.now() - started);
}

function timeAccess(): void {
  gc();
  const started = performance.now();
  const graph = buildAccessGraph(directory, [records]);
  accessMs.push(performance.now() - started);
  grants = graph.entries.length;
}

for (let round = 0; round < repetitions; round++) {
  if (round % 2 === 0) {
    timeAccessBaseline();
    timeAccess();
  } else {
    timeAccess();
    timeAccessBaseline();
  }
}

const result: DirectoryScaleResult = {
  count,
  people,
  buildMs,
  baselineMs,
  retainedHeapBytes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  accountsHeapBytes,
  grants,
  accessMs,
  accessBaselineMs,
};
process.send?.(result, () => process.exit(0));
