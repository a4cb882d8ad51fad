// What the demo organisation promises a directory will show, derived from the roster itself so
// the tests follow it if it changes.
import { emailKey } from "@rollcall/core";
import { demoOrganisation, type DemoPerson } from "@rollcall/simulators";

export type Vendor = "eagle" | "rootly" | "opsgenie" | "uptrends";

/** Each vendor account's login/primary address, as the roster gives it. */
function addresses(person: DemoPerson): [Vendor, string][] {
  const found: [Vendor, string][] = [];
  if (person.eagle) found.push(["eagle", person.eagle.email]);
  if (person.rootly) found.push(["rootly", person.rootly.email]);
  if (person.opsgenie) found.push(["opsgenie", person.opsgenie.username]);
  if (person.uptrends) found.push(["uptrends", person.uptrends.email]);
  return found;
}

/**
 * Expected people: accounts join on their login/primary address, normalised, so each distinct
 * `emailKey` is one person, with the vendors that carry it.
 */
export function expectedPeople(): Map<string, Set<Vendor>> {
  const people = new Map<string, Set<Vendor>>();
  for (const person of demoOrganisation.people) {
    for (const [vendor, address] of addresses(person)) {
      const key = emailKey(address);
      const vendors = people.get(key) ?? new Set<Vendor>();
      vendors.add(vendor);
      people.set(key, vendors);
    }
  }
  return people;
}

export function demoPerson(key: string): DemoPerson {
  const person = demoOrganisation.people.find((candidate) => candidate.key === key);
  if (person === undefined) throw new Error(`the demo roster has no ${key}`);
  return person;
}

/** People whose Uptrends BackupEmail is someone's login/primary address. */
export function backupOnlyMatches(): DemoPerson[] {
  const primaries = new Set(expectedPeople().keys());
  return demoOrganisation.people.filter((person) => {
    const backup = person.uptrends?.backupEmail;
    return backup !== undefined && backup !== "" && primaries.has(emailKey(backup));
  });
}
