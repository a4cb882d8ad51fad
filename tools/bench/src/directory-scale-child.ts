// One directory size, in its own process so peak memory belongs to that size alone. Run by the
// "directory" section: argv = count, repetitions; answers over IPC.
import { buildDirectory, type Account } from "@rollcall/core";
import { syntheticAccounts } from "./synthetic-accounts";

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

const result: DirectoryScaleResult = {
  count,
  people,
  buildMs,
  baselineMs,
  retainedHeapBytes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  accountsHeapBytes,
};
process.send?.(result, () => process.exit(0));
