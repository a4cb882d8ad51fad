import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrganisation } from "../src/demo-organisation";
import { startAll, type AllSimulators } from "../src/start-all";

let sims: AllSimulators;
beforeAll(async () => {
  sims = await startAll({ seed: "demo" });
});
afterAll(async () => {
  await sims.close();
});

const { people } = demoOrganisation;
const vendorsOf = (person: (typeof people)[number]) =>
  (["eagle", "rootly", "opsgenie", "uptrends"] as const).filter(
    (vendor) => person[vendor] !== undefined,
  );

async function json<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("the demo roster", () => {
  it("has about 25 people, most of them in two or more vendors", () => {
    expect(people.length).toBeGreaterThanOrEqual(20);
    expect(people.length).toBeLessThanOrEqual(30);
    const multi = people.filter((person) => vendorsOf(person).length >= 2);
    expect(multi.length / people.length).toBeGreaterThan(0.5);
    expect(new Set(people.map((person) => person.key)).size).toBe(people.length);
  });

  it("has its promised mess", () => {
    expect(people.some((person) => vendorsOf(person).length === 4)).toBe(true);
    const departed = people.filter((person) => person.status === "departed");
    expect(departed.some((person) => vendorsOf(person).length >= 2)).toBe(true);
    const caseClash = people.find((person) => {
      const addresses = [
        person.eagle?.email,
        person.rootly?.email,
        person.opsgenie?.username,
        person.uptrends?.email,
      ].filter((address): address is string => address !== undefined);
      return addresses.some((a) =>
        addresses.some((b) => a !== b && a.toLowerCase() === b.toLowerCase()),
      );
    });
    expect(caseClash).toBeDefined();
    expect(people.some((person) => person.rootly?.timeZone === "Eastern Time (US & Canada)")).toBe(
      true,
    );
    expect(people.some((person) => person.opsgenie?.locale === "en_US")).toBe(true);
    const adminAndUser = people.find(
      (person) => person.eagle?.role === "administrator" && person.opsgenie?.role === "User",
    );
    expect(adminAndUser).toBeDefined();
  });
});

describe("the demo organisation as served", () => {
  it("puts someone in all four vendors under the same address", async () => {
    const everywhere = people.find((person) => vendorsOf(person).length === 4);
    const email = everywhere?.workEmail ?? "";
    const owner = await json<{
      administrators: { user: string }[];
      groups: { users: { user: string }[] }[];
    }>(`${sims.eagle.url}/api/v1/owners/account`, {
      headers: { "x-api-key": sims.eagle.credentials.apiKey },
    });
    const eagleUsers = [
      ...owner.administrators,
      ...owner.groups.flatMap((group) => group.users),
    ].map((user) => user.user);
    expect(eagleUsers).toContain(email);
    const rootly = await json<{ data: unknown[] }>(
      `${sims.rootly.url}/v1/users?${new URLSearchParams({ "filter[email]": email })}`,
      { headers: { authorization: `Bearer ${sims.rootly.credentials.token}` } },
    );
    expect(rootly.data).toHaveLength(1);
    const opsgenie = await json<{ username: string }>(
      `${sims.opsgenie.url}/v1/json/user?${new URLSearchParams({ apiKey: sims.opsgenie.credentials.apiKey, username: email })}`,
      {},
    );
    expect(opsgenie.username).toBe(email);
    const operators = await json<{ Email: string }[]>(`${sims.uptrends.url}/Operator`, {
      headers: { authorization: sims.uptrends.credentials.authorization },
    });
    expect(operators.map((operator) => operator.Email)).toContain(email);
  });

  it("has an Uptrends operator reachable only through BackupEmail", async () => {
    const operators = await json<{ Email: string; BackupEmail: string }[]>(
      `${sims.uptrends.url}/Operator`,
      {
        headers: { authorization: sims.uptrends.credentials.authorization },
      },
    );
    const backupOnly = people.find(
      (person) => person.uptrends && person.uptrends.backupEmail === person.workEmail,
    );
    expect(backupOnly).toBeDefined();
    const match = operators.filter(
      (operator) => operator.BackupEmail.trim() === backupOnly?.workEmail,
    );
    expect(match).toHaveLength(1);
    expect(match[0]?.Email).not.toBe(backupOnly?.workEmail);
  });

  it("resolves every operator's numeric TimeZoneId through /Timezone", async () => {
    const headers = { authorization: sims.uptrends.credentials.authorization };
    const operators = await json<{ TimeZoneId?: number | null }[]>(
      `${sims.uptrends.url}/Operator`,
      { headers },
    );
    const ids = [
      ...new Set(
        operators
          .map((operator) => operator.TimeZoneId)
          .filter((id): id is number => typeof id === "number"),
      ),
    ];
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) {
      const zone = await json<{ TimezoneId: number }>(`${sims.uptrends.url}/Timezone/${id}`, {
        headers,
      });
      expect(zone.TimezoneId).toBe(id);
    }
  });

  it("serves a departed employee in two vendors", async () => {
    const departed = people.find(
      (person) => person.status === "departed" && person.eagle && person.opsgenie,
    );
    const username = departed?.opsgenie?.username ?? "";
    const user = await json<{ username: string }>(
      `${sims.opsgenie.url}/v1/json/user?${new URLSearchParams({ apiKey: sims.opsgenie.credentials.apiKey, username })}`,
      {},
    );
    expect(user.username).toBe(username);
    expect(sims.eagle.store.user(departed?.eagle?.email ?? "")).toBeDefined();
  });
});
