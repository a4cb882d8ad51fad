// rollcall snapshot, history and diff against the test's simulators, in-process.
import { beforeEach, describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { useDemoSimulators } from "../demo-simulators";
import { rootlyUser } from "../rootly-user";
import { runCli } from "../run-cli";
import { useTempStore } from "../temp-store";
import { accessState } from "../../src/commands/diff";
import type { PulledDirectory } from "../../src/pull";

const demo = useDemoSimulators();

const temp = useTempStore();
let store: string;
beforeEach(() => {
  store = temp.path;
});

async function snapshot(env = demo.env) {
  const run = await runCli(["snapshot", "--store", store], env);
  return run;
}

interface HistoryJson {
  snapshots: {
    id: number;
    takenAt: string;
    people: number;
    accounts: number;
    vendors: { vendor: string; complete: boolean; error: string | null }[];
  }[];
}

interface DiffJson {
  from: { id: number };
  to: { id: number };
  changes: { type: string; vendor: string | null; person: { key: string } | null }[];
  unknownVendors: string[];
}

describe("rollcall snapshot", () => {
  it("records every vendor and prints the id and counts", async () => {
    const run = await snapshot();
    expect(run.code, run.stderr).toBe(0);
    const directory = await runCli(["directory", "--json"], demo.env);
    const { summary } = JSON.parse(directory.stdout) as { summary: { people: number } };
    expect(run.stdout).toMatch(new RegExp(`^snapshot 1 saved to ${store}$`, "m"));
    expect(run.stdout).toMatch(
      new RegExp(`^${summary.people} people, \\d+ accounts, 4 of 4 vendors complete$`, "m"),
    );
    const again = await snapshot();
    expect(again.stdout).toMatch(/^snapshot 2 saved/m);
  });

  it("prints the counts of the snapshot it took, not of an earlier one in the store", async () => {
    const first = await runCli(["snapshot", "--vendor", "rootly", "--store", store], demo.env);
    expect(first.stdout).toMatch(/^\d+ people, \d+ accounts, 1 of 1 vendors complete$/m);
    const second = await snapshot();
    expect(second.stdout).toMatch(/^snapshot 2 saved/m);
    expect(second.stdout).toMatch(/^\d+ people, \d+ accounts, 4 of 4 vendors complete$/m);
  });

  it("uses ROLLCALL_STORE when --store is not given", async () => {
    const run = await runCli(["snapshot"], { ...demo.env, ROLLCALL_STORE: store });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`saved to ${store}`);
    const history = await runCli(["history", "--json"], { ROLLCALL_STORE: store });
    expect((JSON.parse(history.stdout) as HistoryJson).snapshots.map((s) => s.id)).toEqual([1]);
  });

  it("records a vendor that could not be read as incomplete, and exits 3", async () => {
    demo.sims.opsgenie.faults.next(50, { kind: "server-error", status: 503 });
    const run = await snapshot();
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/3 of 4 vendors complete/);
    expect(run.stdout).toMatch(/^opsgenie: incomplete — .*503/m);
    expect(run.stdout).not.toMatch(/^(eagle|rootly|uptrends): incomplete/m);
    const history = JSON.parse((await runCli(["history", "--json", "--store", store])).stdout);
    const [only] = (history as HistoryJson).snapshots;
    expect(only!.vendors.find((v) => v.vendor === "opsgenie")).toMatchObject({
      complete: false,
      error: expect.stringMatching(/503/),
    });
  });

  it("rejects an empty --store before contacting anything", async () => {
    const run = await runCli(["snapshot", "--store", " "], demo.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rollcall: --store needs a file path$/m);
    expect(demo.sims.rootly.requests.length).toBe(0);
  });
});

describe("rollcall history", () => {
  it("lists snapshots oldest first with people, accounts and vendors complete", async () => {
    await snapshot();
    demo.sims.uptrends.faults.next(50, { kind: "server-error", status: 503 });
    await snapshot();
    const run = await runCli(["history", "--store", store]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+taken at\s+people\s+accounts\s+vendors complete$/);
    expect(lines[1]).toMatch(/^1\s+\d{4}-\d\d-\d\dT[\d:.]+Z\s+\d+\s+\d+\s+4\/4$/);
    expect(lines[2]).toMatch(/^2\s+\S+\s+\d+\s+\d+\s+3\/4 \(uptrends incomplete\)$/);
    expect(lines).toHaveLength(3);
  });

  it("says there is nothing yet for a store that does not exist, and creates no file", async () => {
    const run = await runCli(["history", "--store", store]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("no snapshots yet: run `rollcall snapshot`\n");
    const json = await runCli(["history", "--json", "--store", store]);
    expect(JSON.parse(json.stdout)).toEqual({ snapshots: [] });
  });
});

describe("rollcall diff", () => {
  it("reports exactly a person added to Rootly between two snapshots", async () => {
    await snapshot();
    demo.sims.rootly.store.users.put(rootlyUser("4242", "Nina.Park@harbourline.example", "Nina"));
    await snapshot();
    const run = await runCli(["diff", "--json", "--store", store]);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as DiffJson;
    expect(diff.from.id).toBe(1);
    expect(diff.to.id).toBe(2);
    expect(diff.unknownVendors).toEqual([]);
    expect(diff.changes).toEqual([
      {
        type: "person-joined",
        vendor: null,
        person: { key: "nina.park@harbourline.example", displayName: "Nina Smith" },
      },
      {
        type: "account-added",
        vendor: "rootly",
        person: { key: "nina.park@harbourline.example", displayName: "Nina Smith" },
        account: { vendor: "rootly", kind: "rootly.user", id: "4242" },
        to: "unknown",
      },
    ]);
    const table = await runCli(["diff", "--store", store]);
    expect(table.stdout).toMatch(/^Changes from snapshot 1 \(.+\) to snapshot 2 \(.+\): 2$/m);
    expect(table.stdout).toMatch(/^\+ joined\s+Nina Smith <nina\.park@harbourline\.example>$/m);
    expect(table.stdout).toMatch(/^\+ account\s+rootly\s+Nina Smith <.+>\s+rootly\.user 4242/m);
  });

  it("reports a vendor that failed in the later snapshot as unknown, not everyone leaving", async () => {
    await snapshot();
    demo.sims.opsgenie.faults.next(50, { kind: "server-error", status: 503 });
    await snapshot();
    const json = await runCli(["diff", "--json", "--store", store]);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ changes: [], unknownVendors: ["opsgenie"] });
    const table = await runCli(["diff", "--store", store]);
    expect(table.stdout).toMatch(
      /^opsgenie: not read completely in snapshot 2; its changes are unknown$/m,
    );
    const csv = await runCli(["diff", "--csv", "--store", store]);
    expect(csv.stdout.split("\r\n")).toEqual([
      "type,vendor,person,name,account_kind,account_id,entitlement_kind,entitlement_id,entitlement_name,from,to",
      "vendor-unknown,opsgenie,,,,,,,,,",
      "",
    ]);
  });

  it("compares the snapshots named, and from one to the last", async () => {
    await snapshot();
    const leaver = demoPerson("ben-okafor");
    const user = demo.sims.rootly.store.users.find((u) => u.email === leaver.rootly!.email)!;
    demo.sims.rootly.store.users.delete(user.id);
    await snapshot();
    await snapshot();
    const types = async (...args: string[]) => {
      const run = await runCli(["diff", "--json", "--store", store, ...args]);
      expect(run.code, run.stderr).toBe(0);
      const diff = JSON.parse(run.stdout) as DiffJson;
      return [diff.from.id, diff.to.id, diff.changes.map((change) => change.type)];
    };
    expect(await types()).toEqual([2, 3, []]);
    expect(await types("1")).toEqual([1, 3, expect.arrayContaining(["account-removed"])]);
    expect(await types("1", "2")).toEqual([1, 2, expect.arrayContaining(["account-removed"])]);
    expect(await types("2", "1")).toEqual([2, 1, expect.arrayContaining(["account-added"])]);
  });

  it("exits 1 with a clear message when there are fewer than two snapshots or no such id", async () => {
    const none = await runCli(["diff", "--store", store]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/diff needs two snapshots and the store has 0/);
    const fromNone = await runCli(["diff", "1", "--store", store]);
    expect(fromNone.code).toBe(1);
    expect(fromNone.stderr).toMatch(/no snapshot 1: the store has no snapshots/);
    await snapshot();
    const missing = await runCli(["diff", "1", "7", "--store", store]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no snapshot 7: the store has snapshots 1 to 1/);
  });

  it("rejects ids that are not snapshot ids and more than two of them", async () => {
    for (const args of [["x"], ["0"], ["1", "2", "3"], ["--json", "--csv"]]) {
      const run = await runCli(["diff", ...args, "--store", store]);
      expect(run.code, args.join(" ")).toBe(2);
    }
  });
});

describe("what diff compares", () => {
  it("takes a vendor whose pull did not finish as incomplete, even with accounts read", () => {
    const pulled = {
      directory: { vendors: ["eagle", "rootly"], people: [] },
      access: { entries: [] },
      pulls: [
        { vendor: "eagle", status: "ok" },
        { vendor: "rootly", status: "unavailable" },
      ],
    } as unknown as PulledDirectory;
    expect(accessState(pulled).incompleteVendors).toEqual(["rootly"]);
  });
});
