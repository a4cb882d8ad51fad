// Vendor-controlled text reaches the terminal only neutralised: escape sequences, carriage
// returns, line breaks and bidi controls are shown as `\uXXXX`, never written raw. `--json` and
// `scim` keep the exact strings.
import { describe, expect, it } from "vitest";
import { demoPerson, expectedPeople } from "../demo-roster";
import { useDemoSimulators } from "../demo-simulators";
import { rootlyUser } from "../rootly-user";
import { runCli, type CliRun } from "../run-cli";
import { useTempStore } from "../temp-store";

const demo = useDemoSimulators();
const temp = useTempStore();

const OSC_TITLE = "\u001b]0;pwned\u0007"; // retitles the terminal window
const CLEAR = "\u001b[2J\u001b[H"; // clears the screen, cursor home
const C1_CSI = "\u009b31m"; // the one-byte CSI
const FIRST = `Ben${OSC_TITLE}`;
const LAST = `Okafor${CLEAR}${C1_CSI}`;
// A carriage return would overwrite the cell; the line break would start a forged table row.
const ROLE = "Admin\rUser\nMallory Forged  mallory@evil.example  Owner  Owner  Owner";
const GROUP = "Field Operations \u202etxt.exe\u202c"; // right-to-left override, then pop
// Rootly's schedule and escalation policy names reach `access` and the offboarding plan.
const SCHEDULE = `Platform${CLEAR}On-Call\u202e`;
const POLICY = `Escalation${OSC_TITLE}`;
const VENDOR_MESSAGE = `Rate limited${OSC_TITLE}${CLEAR}`;

/** Every character a terminal would act on, except the line ends the CLI writes itself. */
const RAW_CONTROL =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const ben = demoPerson("ben-okafor");
const address = ben.workEmail;

/** Puts the hostile strings into every vendor's record of Ben, and into his first eagle.io group. */
function poisonBen() {
  const { eagle, rootly, opsgenie, uptrends } = demo.sims;
  const profile = eagle.store.user(address)!;
  eagle.store.users.put({ ...profile, name: { first: FIRST, last: LAST } });
  const group = eagle.store.groups.find((candidate) => candidate.users.includes(address))!;
  eagle.store.groups.update(group._id, { name: GROUP });
  const rootlyUser = rootly.store.users.find((user) => user.email === address)!;
  rootly.store.users.update(rootlyUser.id, { first_name: FIRST, last_name: LAST });
  for (const schedule of rootly.store.schedules.list()) {
    rootly.store.schedules.update(schedule.id, { name: SCHEDULE });
  }
  for (const policy of rootly.store.escalationPolicies.list()) {
    rootly.store.escalationPolicies.update(policy.id, { name: POLICY });
  }
  const opsgenieUser = opsgenie.store.userByUsername(address)!;
  opsgenie.store.users.update(opsgenieUser.id, { fullname: `${FIRST} ${LAST}`, role: ROLE });
  const operator = uptrends.store.operators.find((candidate) => candidate.Email === address)!;
  uptrends.store.operators.update(operator.OperatorGuid, { FullName: `${FIRST} ${LAST}` });
}

function expectNoRawControls(run: CliRun) {
  expect(run.stdout.replaceAll("\r\n", "\n")).not.toMatch(RAW_CONTROL);
  expect(run.stderr).not.toMatch(RAW_CONTROL);
}

describe("vendor text with terminal controls", () => {
  it("the table shows them escaped, and a line break in a name or role adds no row", async () => {
    poisonBen();
    const run = await runCli(["directory"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run);

    const lines = run.stdout.split("\n");
    const rows = lines.slice(1, lines.indexOf(""));
    expect(rows).toHaveLength(expectedPeople().size);
    const benRow = rows.find((row) => row.includes(address))!;
    expect(benRow).toContain("Ben\\u001b]0;pwned\\u0007");
    // The table shows privileges; the vendor's role name is in whois, escaped on its one line.
    const whois = await runCli(["whois", address], demo.env);
    expectNoRawControls(whois);
    const roleLines = whois.stdout.split("\n").filter((line) => line.includes("Mallory Forged"));
    expect(roleLines).toHaveLength(1);
    expect(roleLines[0]).toContain("Admin\\u000dUser\\u000aMallory Forged  mallory@evil.example");
  });

  it.each(["whois", "access", "offboard"])(
    "%s shows names and group names escaped",
    async (command) => {
      poisonBen();
      const run = await runCli([command, address], demo.env);
      expect(run.code, run.stderr).toBe(0);
      expectNoRawControls(run);
      expect(run.stdout).toContain("Ben\\u001b]0;pwned\\u0007");
      expect(run.stdout).toContain("Field Operations \\u202etxt.exe\\u202c");
      if (command !== "whois") {
        // Ben's Rootly schedule (a rotation step and warning) and escalation policy.
        expect(run.stdout).toContain("Platform\\u001b[2J\\u001b[HOn-Call\\u202e");
      }
      if (command === "access") expect(run.stdout).toContain("Escalation\\u001b]0;pwned\\u0007");
    },
  );

  it("--csv escapes them too, keeps one record per line and still defuses formulas", async () => {
    poisonBen();
    const sam = demoPerson("sam-oconnor");
    const samProfile = demo.sims.eagle.store.user(sam.workEmail)!;
    demo.sims.eagle.store.users.put({ ...samProfile, name: { first: "=HYPERLINK(1)", last: "x" } });
    const run = await runCli(["directory", "--csv"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run);
    const records = run.stdout.split("\r\n").filter((record) => record !== "");
    expect(records).toHaveLength(expectedPeople().size + 1);
    expect(records.find((record) => record.includes(address))).toContain("User\\u000aMallory");
    expect(records.find((record) => record.includes(sam.workEmail))).toMatch(/^'=HYPERLINK/);
  });

  it("diff shows a joiner's name escaped in the table and CSV (formula defused), exact in --json", async () => {
    const store = ["--store", temp.path];
    expect((await runCli(["snapshot", ...store], demo.env)).code).toBe(0);
    const joiner = rootlyUser("4343", "nina.park@harbourline.example", `=${FIRST}`);
    demo.sims.rootly.store.users.put(joiner);
    expect((await runCli(["snapshot", ...store], demo.env)).code).toBe(0);
    const shown = "=Ben\\u001b]0;pwned\\u0007 Smith";

    const table = await runCli(["diff", ...store]);
    expect(table.code, table.stderr).toBe(0);
    expectNoRawControls(table);
    const joined = table.stdout.split("\n").filter((line) => line.startsWith("+ joined "));
    expect(joined).toHaveLength(1);
    expect(joined[0]!.replace(/^\+ joined\s+/, "")).toBe(
      `${shown} <nina.park@harbourline.example>`,
    );

    const csv = await runCli(["diff", "--csv", ...store]);
    expectNoRawControls(csv);
    expect(csv.stdout).toContain(`person-joined,,nina.park@harbourline.example,'${shown},`);

    const json = await runCli(["diff", "--json", ...store]);
    const { changes } = JSON.parse(json.stdout) as { changes: { person: unknown }[] };
    expect(changes[0]!.person).toEqual({
      key: "nina.park@harbourline.example",
      displayName: `=${FIRST} Smith`,
    });
  });

  it("--json keeps the exact strings", async () => {
    poisonBen();
    const run = await runCli(["directory", "--json"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run);
    const directory = JSON.parse(run.stdout) as {
      people: { email: string; name: string; roles: Record<string, string | null> }[];
    };
    const person = directory.people.find((candidate) => candidate.email === address)!;
    expect(person.roles.opsgenie).toBe(ROLE);
    expect(person.name).toBe(`${FIRST} ${LAST}`);
  });

  it("whois --json keeps the exact group name", async () => {
    poisonBen();
    const run = await runCli(["whois", address, "--json"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run);
    const accounts = (JSON.parse(run.stdout) as { accounts: { groups: string[] }[] }).accounts;
    expect(accounts.flatMap((account) => account.groups)).toContain(GROUP);
  });

  it("scim keeps the exact display name", async () => {
    poisonBen();
    const run = await runCli(["scim"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run);
    const { Resources } = JSON.parse(run.stdout) as {
      Resources: { userName: string; displayName?: string }[];
    };
    expect(Resources.find((user) => user.userName === address)?.displayName).toBe(
      `${FIRST} ${LAST}`,
    );
  });

  it("a vendor's error message is shown escaped on stderr and under the summary", async () => {
    // Every attempt, retries included, is refused with the hostile message.
    demo.sims.rootly.faults.next(
      20,
      {
        kind: "rate-limit",
        retryAfterSeconds: 0,
        body: { errors: [{ title: VENDOR_MESSAGE, status: "429" }] },
      },
      { route: "GET /v1/users" },
    );
    const run = await runCli(["directory"], demo.env);
    expect(run.code).toBe(3);
    expectNoRawControls(run);
    const shown = "Rate limited\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H";
    expect(run.stderr).toContain(shown);
    expect(run.stdout).toContain(shown);
  });
});
