// One vendor failing must not sink the others: partial directory, exit 3, no secrets on stderr.
import { describe, expect, it } from "vitest";
import { demoPerson } from "./demo-roster";
import { runCli, secretsIn } from "./run-cli";
import { useDemoSimulators } from "./demo-simulators";

const demo = useDemoSimulators();

function expectNoSecret(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("a vendor that cannot be read", () => {
  it("an outage (503 on every request) gives a partial directory and exit 3", async () => {
    demo.sims.rootly.faults.next(50, { kind: "server-error", status: 503 });
    const run = await runCli(["directory"], demo.env);
    expect(run.code).toBe(3);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^Name\s+Email\s+eagle\s+rootly!\s+opsgenie\s+uptrends\s+Teams\s+Schedules$/,
    );
    expect(run.stderr).toMatch(/^rootly: unavailable — .*503/m);
    // The other vendors still fill their columns.
    const avaRow = run.stdout.split("\n").find((line) => line.includes("ava.chen@"))!;
    expect(avaRow.split(/\s{2,}/)).toEqual([
      "Ava Chen",
      demoPerson("ava-chen").workEmail,
      expect.any(String),
      "unavailable",
      "owner",
      expect.any(String),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+/),
    ]);
    expectNoSecret(run.stdout + run.stderr, secretsIn(demo.sims));
  });

  it("a wrong OpsGenie key (sent in the query string) is reported without the key", async () => {
    const wrongKey = "wrong-opsgenie-key-3f9c2a7b1e";
    const run = await runCli(["directory", "--json"], { ...demo.env, OPSGENIE_API_KEY: wrongKey });
    expect(run.code).toBe(3);
    const directory = JSON.parse(run.stdout) as {
      partial: boolean;
      vendors: { id: string; status: string; error?: string }[];
      people: { roles: Record<string, string | null> }[];
    };
    expect(directory.partial).toBe(true);
    const opsgenie = directory.vendors.find((vendor) => vendor.id === "opsgenie")!;
    expect(opsgenie.status).toBe("unavailable");
    expect(opsgenie.error).toMatch(/401|403|auth/i);
    expect(directory.vendors.filter((vendor) => vendor.status === "ok")).toHaveLength(3);
    expect(directory.people.every((person) => person.roles.opsgenie === null)).toBe(true);
    expect(run.stderr).toMatch(/^opsgenie: unavailable — /m);
    expectNoSecret(run.stdout + run.stderr, [wrongKey, ...secretsIn(demo.sims)]);
  });

  it("wrong Uptrends Basic credentials are reported without the password", async () => {
    const password = "wrong-uptrends-password-8d1e";
    const run = await runCli(["scim"], { ...demo.env, UPTRENDS_PASSWORD: password });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^uptrends: unavailable — /m);
    const basic = Buffer.from(`${demo.env.UPTRENDS_USERNAME}:${password}`).toString("base64");
    expectNoSecret(run.stdout + run.stderr, [password, basic]);
    // The SCIM output still covers the vendors that answered.
    expect((JSON.parse(run.stdout) as { totalResults: number }).totalResults).toBeGreaterThan(0);
  });
});
