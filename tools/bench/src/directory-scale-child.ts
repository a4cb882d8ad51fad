// One directory size, in its own process so peak memory belongs to that size alone. Run by the
// "directory" section: argv = count, repetitions[, "build-only" to skip the access graph]; answers
// over IPC.
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
  /** Allocating the people a build returns (the same objects, no join): {@link allocatePeople}. */
  allocationMs: number[];
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

/** How many of each object every person of a built directory holds, kept without the people. */
interface PeopleShape {
  accounts: Int32Array;
  vendors: Int32Array;
  /** Login/primary addresses per person (one evidence entry each). */
  emails: Int32Array;
  /** Links per evidence entry, person by person. */
  links: Int32Array;
  contactMatches: Int32Array;
}

function shapeOf(directory: Directory): PeopleShape {
  const { people } = directory;
  const count = (read: (person: (typeof people)[number]) => number) =>
    Int32Array.from(people, read);
  return {
    accounts: count((person) => person.accounts.length),
    vendors: count((person) => person.vendors.length),
    emails: count((person) => person.evidence.length),
    links: Int32Array.from(people.flatMap((person) => person.evidence.map((e) => e.links.length))),
    contactMatches: count((person) => person.contactMatches.length),
  };
}

/**
 * The other floor: allocating the objects a build returns (each person with their own arrays,
 * evidence and links, pointing at the accounts), with no join at all. Any build returning the same
 * people pays it, on the same heap of accounts.
 */
function allocatePeople(shape: PeopleShape, input: readonly Account[]): number {
  const people: object[] = new Array(shape.accounts.length);
  let next = 0;
  let evidenceAt = 0;
  for (let p = 0; p < people.length; p++) {
    const accounts = new Array<Account>(shape.accounts[p]!);
    for (let a = 0; a < accounts.length; a++) accounts[a] = input[next++ % input.length]!;
    const emails = new Array<string>(shape.emails[p]!);
    const evidence = new Array<object>(emails.length);
    for (let e = 0; e < emails.length; e++) {
      const email = (emails[e] = `person.${p}@corp.example`);
      const links = new Array<object>(shape.links[evidenceAt++]!);
      for (let l = 0; l < links.length; l++) {
        links[l] = { account: accounts[l % accounts.length]!.source, via: "login", address: email };
      }
      evidence[e] = { email, strength: "login/primary", links };
    }
    people[p] = {
      id: emails[0] ?? `p${p}`,
      primaryEmail: emails[0] ?? null,
      emails,
      displayName: null,
      vendors: new Array<string>(shape.vendors[p]!).fill("v"),
      accounts,
      evidence,
      contactMatches: new Array<object>(shape.contactMatches[p]!),
    };
  }
  return people.length;
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
const withAccess = process.argv[4] !== "build-only";
gc();
const heapBefore = process.memoryUsage().heapUsed;
const accounts = syntheticAccounts(count);
gc();
const accountsHeapBytes = process.memoryUsage().heapUsed - heapBefore;

const buildMs: number[] = [];
const baselineMs: number[] = [];
const allocationMs: number[] = [];
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
  shape ??= shapeOf(directory);
}

let shape: PeopleShape | undefined;

function timeAllocation(): void {
  gc();
  const started = performance.now();
  allocatePeople(shape!, accounts);
  allocationMs.push(performance.now() - started);
}

/** Runs the pair `repetitions` times, alternating which goes first so neither always inherits the other's garbage. */
function alternated(first: () => void, second: () => void, after: () => void = () => {}): void {
  for (let round = 0; round < repetitions; round++) {
    if (round % 2 === 0) (first(), second());
    else (second(), first());
    after();
  }
}

alternated(timeBaseline, timeBuild, timeAllocation);

// The access graph over one directory: connectors' grants (four per account) joined to people.
const accessMs: number[] = [];
const accessBaselineMs: number[] = [];
let grants = 0;
if (withAccess) timeAccessGraph();

function timeAccessGraph(): void {
  const records = syntheticAccess(accounts);
  const directory: Directory = buildDirectory(accounts);

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

  alternated(timeAccessBaseline, timeAccess);
}

const result: DirectoryScaleResult = {
  count,
  people,
  buildMs,
  baselineMs,
  allocationMs,
  retainedHeapBytes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  accountsHeapBytes,
  grants,
  accessMs,
  accessBaselineMs,
};
process.send?.(result, () => process.exit(0));
