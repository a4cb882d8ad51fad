import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchOptions } from "../bench-options";
import { atLeast, failed, info, judged, type Figure } from "../figure";
import { formatRate } from "../format-units";
import { ResponseStub } from "../response-stub";
import { median, rotated } from "../statistics";
import { rawFetchCall, VENDOR_CALLS, type Call, type Transport } from "../vendor-calls";

interface Subject {
  id: string;
  make(): { call: Call; prepare(count: number): void };
}

interface Plan {
  rounds: number;
  batch: number;
  warmup: number;
}

/** Call overhead on an in-memory fetch stub, then over real HTTP to a loopback server. */
export async function runCallOverhead(options: BenchOptions): Promise<Figure[]> {
  const memory = options.quick
    ? { rounds: 5, batch: 1000, warmup: 1000 }
    : { rounds: 15, batch: 4000, warmup: 4000 };
  const loopback = options.quick
    ? { rounds: 4, batch: 150, warmup: 150 }
    : { rounds: 10, batch: 600, warmup: 400 };
  const figures = await measure("in-memory stub", inMemorySubjects(), memory, 0.95);
  const server = await startLoopbackServer();
  try {
    const transport: Transport = { baseUrl: server.baseUrl };
    figures.push(...(await measure("loopback HTTP", loopbackSubjects(transport), loopback, 0.97)));
  } finally {
    server.close();
  }
  return figures;
}

function inMemorySubjects(): Subject[] {
  const baseUrl = "http://stub.invalid";
  const withStub = (contentType: string, build: (t: Transport) => Call) => () => {
    const stub = new ResponseStub(contentType);
    return { call: build({ baseUrl, fetch: stub.fetch }), prepare: (n: number) => stub.prepare(n) };
  };
  return [
    { id: "raw", make: withStub("application/json", rawFetchCall) },
    ...VENDOR_CALLS.flatMap((vendor) => [
      { id: `bare:${vendor.vendor}`, make: withStub(vendor.contentType, vendor.bare) },
      { id: `ours:${vendor.vendor}`, make: withStub(vendor.contentType, vendor.ours) },
    ]),
  ];
}

function loopbackSubjects(transport: Transport): Subject[] {
  const plain = (build: (t: Transport) => Call) => () => ({
    call: build(transport),
    prepare: () => {},
  });
  return [
    { id: "raw", make: plain(rawFetchCall) },
    ...VENDOR_CALLS.flatMap((vendor) => [
      { id: `bare:${vendor.vendor}`, make: plain(vendor.bare) },
      { id: `ours:${vendor.vendor}`, make: plain(vendor.ours) },
    ]),
  ];
}

async function measure(
  where: string,
  subjects: Subject[],
  plan: Plan,
  target: number,
): Promise<Figure[]> {
  const ready = new Map<string, ReturnType<Subject["make"]>>();
  const broken = new Map<string, string>();
  for (const subject of subjects) {
    try {
      const made = subject.make();
      await runBatch(made, plan.warmup); // warm the JIT, and prove the call works before timing it
      ready.set(subject.id, made);
    } catch (error) {
      broken.set(subject.id, error instanceof Error ? error.message : String(error));
    }
  }

  // Every round runs every subject once, in a rotated order: load from other work lands on all.
  // Odd rounds run it backwards, so no subject always follows the same one (a bare client always
  // following the raw baseline, the lightest subject, inherited the least garbage: eagle's ratio
  // read low). A short untimed settle run before each batch pays off the previous subject's debts.
  const rates = new Map<string, number[]>([...ready.keys()].map((id) => [id, []]));
  const settle = Math.max(1, Math.round(plan.batch / 20));
  for (let round = 0; round < plan.rounds; round++) {
    const order = rotated([...ready.keys()], round);
    if (round % 2 === 1) order.reverse();
    for (const id of order) {
      const subject = ready.get(id)!;
      await runBatch(subject, settle);
      rates.get(id)!.push(await runBatch(subject, plan.batch));
    }
  }

  const ratio = (subject: string, baseline: string) => {
    const a = rates.get(subject);
    const b = rates.get(baseline);
    if (a === undefined || b === undefined) return undefined;
    return median(a.map((rate, round) => rate / b[round]!));
  };
  const rate = (id: string) => median(rates.get(id)!);
  const section = "overhead" as const;
  const figures: Figure[] = [];
  if (rates.has("raw")) {
    figures.push(
      info({
        section,
        name: `${where}: raw fetch + .json()`,
        value: formatRate(rate("raw"), "calls"),
      }),
    );
  } else figures.push(failed(section, `${where}: raw fetch + .json()`, broken.get("raw") ?? ""));

  for (const { vendor, request } of VENDOR_CALLS) {
    const bare = `bare:${vendor}`;
    const ours = `ours:${vendor}`;
    if (!rates.has(bare)) {
      figures.push(failed(section, `${where}: openapi-fetch ${request}`, broken.get(bare) ?? ""));
      continue;
    }
    const bareRatio = ratio(bare, "raw");
    figures.push(
      info({
        section,
        name: `${where}: bare openapi-fetch, ${vendor} call`,
        value: formatRate(rate(bare), "calls"),
        ...(bareRatio === undefined ? {} : { ratio: bareRatio, baseline: "raw fetch" }),
      }),
    );
    const oursRatio = ratio(ours, bare);
    if (oursRatio === undefined) {
      figures.push(failed(section, `${where}: ${vendor} client`, broken.get(ours) ?? ""));
      continue;
    }
    figures.push(
      judged(
        {
          section,
          name: `${where}: ${vendor} client (${request})`,
          value: formatRate(rate(ours), "calls"),
          ratio: oursRatio,
          baseline: "bare openapi-fetch",
        },
        atLeast(target, `≥ ${target.toFixed(2)}×`),
        oursRatio,
      ),
    );
  }
  return figures;
}

/** Runs `count` sequential calls; returns calls per second. */
async function runBatch(subject: ReturnType<Subject["make"]>, count: number): Promise<number> {
  subject.prepare(count);
  const started = performance.now();
  for (let i = 0; i < count; i++) await subject.call();
  return count / ((performance.now() - started) / 1000);
}

interface LoopbackServer {
  baseUrl: string;
  close(): void;
}

/** The minimal node:http server, in its own process so its work is not timed with the client's. */
function startLoopbackServer(): Promise<LoopbackServer> {
  const script = fileURLToPath(new URL("../loopback-json-server.ts", import.meta.url));
  const child = fork(script, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`loopback server exited with ${code}`)));
    child.once("message", (message) => {
      const { port } = message as { port: number };
      resolve({ baseUrl: `http://127.0.0.1:${port}`, close: () => child.kill() });
    });
  });
}
