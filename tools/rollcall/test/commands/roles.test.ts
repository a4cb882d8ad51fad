// What a person's cell in a vendor's column says: the vendor's own role name, trimmed; core's level
// when the vendor gives no name; and every distinct role when they hold several accounts there.
import { describe, expect, it } from "vitest";
import { demoPerson } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

interface JsonPerson {
  email: string;
  roles: Record<string, string | null>;
  accounts: { vendor: string; role: string; roleLevel: string }[];
}

async function person(email: string, vendors: string): Promise<JsonPerson> {
  const run = await runCli(["directory", "--json", "--vendor", vendors], demo.env);
  expect(run.code, run.stderr).toBe(0);
  const { people } = JSON.parse(run.stdout) as { people: JsonPerson[] };
  return people.find((candidate) => candidate.email === email)!;
}

function setOpsgenieRole(email: string, role: string): void {
  const user = demo.sims.opsgenie.store.userByUsername(email)!;
  demo.sims.opsgenie.store.users.update(user.id, { role });
}

describe("a person's role in a vendor", () => {
  it("is the vendor's role name without surrounding spaces", async () => {
    const ben = demoPerson("ben-okafor");
    setOpsgenieRole(ben.workEmail, "  Admin \t");
    const found = await person(ben.workEmail, "opsgenie");
    expect(found.roles.opsgenie).toBe("Admin");
    expect(found.accounts[0]).toMatchObject({ role: "Admin", roleLevel: "admin" });
  });

  it("says '(no role)' when the vendor gives none", async () => {
    const ben = demoPerson("ben-okafor");
    setOpsgenieRole(ben.workEmail, "   ");
    const found = await person(ben.workEmail, "opsgenie");
    expect(found.roles.opsgenie).toBe("(no role)");
    expect(found.accounts[0]).toMatchObject({ role: "(no role)", roleLevel: "unknown" });
  });

  it("lists each distinct role once when the person has several accounts in the vendor", async () => {
    const directory = await runCli(["directory", "--json", "--vendor", "eagle"], demo.env);
    const { people } = JSON.parse(directory.stdout) as { people: JsonPerson[] };
    const several = people.filter((candidate) => candidate.accounts.length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const candidate of several) {
      const distinct = [...new Set(candidate.accounts.map((account) => account.role))];
      expect(candidate.roles.eagle).toBe(distinct.join(", "));
    }
  });
});
