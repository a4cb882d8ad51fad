// Each person's grants, looked up once: the access graph lists them person by person.
import type { AccessEntry, AccessGraph, Person } from "@rollcall/core";

export type Holdings = ReadonlyMap<string, readonly AccessEntry[]>;

export function holdingsByPerson(access: AccessGraph): Holdings {
  const byPerson = new Map<string, AccessEntry[]>();
  for (const entry of access.entries) {
    if (entry.personId === null) continue;
    const held = byPerson.get(entry.personId);
    if (held === undefined) byPerson.set(entry.personId, [entry]);
    else held.push(entry);
  }
  return byPerson;
}

/** A person no login/primary address ties to anyone: one account nobody claims. */
export function isUnclaimed(person: Person): boolean {
  return person.emails.length === 0;
}

/** "Name" or, without one, the address or id: how a person is named in the report. */
export function personLabel(person: Person): string {
  return person.displayName ?? person.primaryEmail ?? person.id;
}
