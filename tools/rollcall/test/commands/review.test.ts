// `rollcall review --out DIR` against the demo simulators: the files it writes, the paths it
// prints, a vendor it could not read, and vendor text that tries to become markup.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultReviewDir } from "../../src/review/index";
import { migrate } from "../../src/store/schema";
import { openDatabaseFile, saveDatabaseFile } from "../../src/store/sqlite-file";
import { demoPerson, expectedPeople } from "../demo-roster";
import { useDemoSimulators } from "../demo-simulators";
import { EVIDENCE_FILES } from "../review/review-fixture";
import { runCli, secretsIn } from "../run-cli";

const demo = useDemoSimulators();
const FILES = ["review.html", ...EVIDENCE_FILES];

let parent = "";
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "rollcall-review-"));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

const read = (dir: string, name: string) => readFile(join(dir, name), "utf8");

describe("rollcall review", () => {
  it("lists what changed since the store's last snapshot, and only that", async () => {
    const store = join(parent, "rollcall.db");
    const first = await runCli(["snapshot", "--store", store], demo.env);
    expect(first.code, first.stderr).toBe(0);
    // One change between the snapshot and the review: an Uptrends operator leaves.
    const olivia = demoPerson("olivia-brown");
    const { uptrends } = demo.sims;
    const operator = uptrends.store.operators.find((o) => o.Email === olivia.uptrends!.email)!;
    uptrends.store.operators.delete(operator.OperatorGuid);

    const out = join(parent, "review");
    const run = await runCli(["review", "--out", out, "--store", store], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const changes = (await read(out, "changes.csv")).trimEnd().split("\r\n");
    expect(changes.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^account-removed,uptrends,Olivia Brown <${olivia.workEmail}>,uptrends.operator,${operator.OperatorGuid},`,
        ),
      ),
    ]);
    // The review only reads the store: it still holds the one snapshot.
    const history = JSON.parse((await runCli(["history", "--json", "--store", store])).stdout);
    expect(history.snapshots).toHaveLength(1);
  });

  it("lists the demo's orphaned grant: a team member Rootly no longer lists as a user", async () => {
    const out = join(parent, "review");
    const run = await runCli(["review", "--out", out], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const rows = (await read(out, "orphans.csv")).trimEnd().split("\r\n").slice(1);
    const users = new Set(demo.sims.rootly.store.users.list().map((user) => String(user.id)));
    const teams = demo.sims.rootly.store.teams.list();
    const dangling = teams.flatMap((team) =>
      (team.user_ids ?? []).filter((id) => !users.has(String(id))).map((id) => [team, id] as const),
    );
    expect(dangling).toHaveLength(1);
    const [team, id] = dangling[0]!;
    expect(rows).toEqual([
      `grant,rootly,rootly.user,${id},team,${team.id},${team.name},member,GET /v1/teams,no`,
    ]);
  });

  it("has no changes to show before the first snapshot, and creates no store", async () => {
    const store = join(parent, "none.db");
    const out = join(parent, "review");
    const run = await runCli(["review", "--out", out, "--store", store], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect((await read(out, "changes.csv")).trimEnd().split("\r\n")).toHaveLength(1);
    expect((await readdir(parent)).includes("none.db")).toBe(false);
  });

  it("has no changes to show from a store that holds no snapshot yet", async () => {
    // A store file with its schema and no snapshot in it (made by hand, or by another tool).
    const store = join(parent, "empty.db");
    const db = await openDatabaseFile(store);
    migrate(db, store);
    saveDatabaseFile(db, store);
    db.close();
    const out = join(parent, "review");
    const run = await runCli(["review", "--out", out, "--store", store], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect((await read(out, "changes.csv")).trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("writes the page and its evidence into --out, creating it, and prints each path", async () => {
    const out = join(parent, "q4", "review");
    const run = await runCli(["review", "--out", out], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(FILES.map((name) => `${join(out, name)}\n`).join(""));
    expect((await readdir(out)).sort()).toEqual([...FILES].sort());

    const html = await read(out, "review.html");
    const ava = demoPerson("ava-chen");
    // Ava owns OpsGenie and Rootly: she heads the matrix, with her privilege in words.
    const firstRow = /<td class="person">\s*([^<]+?)\s*<small>([^<]+)<\/small>/.exec(html);
    expect(firstRow?.[2]).toBe(ava.workEmail);
    expect(html).toMatch(/<span class="badge b-owner">owner<\/span>/);
    expect(html).not.toMatch(/https?:\/\//);

    const matrix = (await read(out, "matrix.csv")).trimEnd().split("\r\n");
    expect(matrix[0]).toBe("name,email,eagle,rootly,opsgenie,uptrends");
    expect(matrix).toHaveLength(expectedPeople().size + 1);
    expect(matrix[1]).toBe(`Ava Chen,${ava.workEmail},admin,owner,owner,admin`);

    for (const name of FILES) {
      const text = await read(out, name);
      for (const secret of secretsIn(demo.sims)) expect(text).not.toContain(secret);
    }
  });

  it("says in the page and the evidence which vendor it could not read, and exits 3", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    const out = join(parent, "partial");
    const run = await runCli(["review", "--out", out], demo.env);
    expect(run.code, run.stderr).toBe(3);
    const html = await read(out, "review.html");
    expect(html).toMatch(/<p class="warning">\s*Not fully read:\s*Rootly\./);
    const matrix = (await read(out, "matrix.csv")).split("\r\n");
    expect(matrix[1]).toMatch(/^Ava Chen,[^,]+,admin,not-read,owner,admin$/);
  });

  it("shows a vendor's markup as text", async () => {
    const ben = demoPerson("ben-okafor");
    const user = demo.sims.opsgenie.store.userByUsername(ben.workEmail)!;
    demo.sims.opsgenie.store.users.update(user.id, { role: "<script>alert(1)</script>" });
    const out = join(parent, "hostile");
    const run = await runCli(["review", "--out", out], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const html = await read(out, "review.html");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("writes to ./rollcall-review-<date> by default", () => {
    expect(defaultReviewDir(new Date("2026-11-30T23:59:00Z"))).toBe("rollcall-review-2026-11-30");
  });
});
