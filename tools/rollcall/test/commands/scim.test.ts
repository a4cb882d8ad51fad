import { describe, expect, it } from "vitest";
import { demoPerson, expectedPeople } from "../demo-roster";
import { runCli } from "../run-cli";
import { useDemoSimulators } from "../demo-simulators";

const demo = useDemoSimulators();

interface ScimUser {
  schemas: string[];
  userName: string;
  emails: { value: string; primary?: boolean }[];
  active: boolean;
  [extension: string]: unknown;
}

describe("rollcall scim", () => {
  it("writes a SCIM 2.0 ListResponse with one User per person", async () => {
    const run = await runCli(["scim"], demo.env);
    expect(run.code, run.stderr).toBe(0);
    const list = JSON.parse(run.stdout) as {
      schemas: string[];
      totalResults: number;
      Resources: ScimUser[];
    };
    expect(list.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
    const people = expectedPeople().size;
    expect(list.totalResults).toBe(people);
    expect(list.Resources).toHaveLength(people);
    for (const user of list.Resources) {
      expect(user.schemas).toContain("urn:ietf:params:scim:schemas:core:2.0:User");
      expect(user.emails.filter((entry) => entry.primary === true)).toHaveLength(1);
    }
    const ava = demoPerson("ava-chen");
    const avaUser = list.Resources.find((user) => user.userName === ava.workEmail)!;
    const accounts = avaUser["urn:rollcall:params:scim:schemas:extension:accounts:2.0:User"] as {
      accounts: { vendor: string }[];
    };
    const vendors = new Set(accounts.accounts.map((account) => account.vendor));
    expect([...vendors].sort()).toEqual(["eagle", "opsgenie", "rootly", "uptrends"]);
  });
});
